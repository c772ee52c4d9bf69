// The dispatch decision: go through the ready units of each track in priority order and send out every one that
// fits: its touches overlap no held lock (in any track of the repository), the track and the repository have an
// agent free, and the budget covers its estimate with everything already booked and reserved. A unit that does
// not fit is skipped, not waited for: a smaller or unlocked one behind it may go (the list scheduler `plan` uses).

import { branchOf } from "./branch-name.js";
import { fitsBudget } from "./budget.js";
import type { Effect } from "./effects.js";
import { blockingLock, heldLocks } from "./held-locks.js";
import type { EngineState, TrackState, UnitRun } from "./state.js";
import { isInFlight } from "./unit-run.js";
import { tasksLeft, workLeft } from "./unit-spec.js";
import { ownRun } from "./working-copy.js";

export { branchOf } from "./branch-name.js";

export function inFlightCount(track: TrackState): number {
  let count = 0;
  for (const id of Object.keys(track.runs)) if (isInFlight(track.runs[id]?.status ?? "blocked")) count++;
  return count;
}

export function dispatchPass(state: EngineState, now: number, effects: Effect[]): void {
  const held = heldLocks(state);
  const trackIds = Object.keys(state.tracks).sort();
  let repoRunning = 0;
  for (const id of trackIds) repoRunning += inFlightCount(state.tracks[id] as TrackState);
  for (const trackId of trackIds) {
    const track = state.tracks[trackId] as TrackState;
    if (track.status !== "active" && track.status !== "idle" && track.status !== "paused") continue;
    // Idle or paused, only units a person asked for by name go.
    const whole = track.status === "active";
    let running = inFlightCount(track);
    for (const unitId of dispatchOrder(track)) {
      const run = track.runs[unitId];
      const spec = track.units[unitId];
      if (!run || !spec || run.status !== "ready") continue;
      if (!whole && !run.requested) continue;
      if (run.retryAt !== null && run.retryAt > now) continue;
      if (running >= track.settings.maxParallel) break;
      if (state.maxParallel !== null && repoRunning >= state.maxParallel) break;
      const lock = run.lock ?? { touches: [...spec.touches], concurrency: spec.concurrency };
      if (blockingLock(held, { track: trackId, unit: unitId }, lock)) continue;
      const estimate = workLeft(spec, run.doneTasks).costUsd;
      if (!fitsBudget(track, estimate)) continue;
      const out = ownRun(track, unitId) as UnitRun;
      out.attempt += 1;
      out.status = "dispatched";
      out.lock = lock;
      out.reservedUsd = estimate;
      out.dispatchedAt = now;
      out.retryAt = null;
      out.requested = false;
      out.reason = null;
      out.blockedBy = [];
      if (!held.some((h) => h.track === trackId && h.unit === unitId))
        held.push({ track: trackId, unit: unitId, ...lock });
      running++;
      repoRunning++;
      effects.push({
        type: "dispatch",
        track: trackId,
        unit: unitId,
        attempt: out.attempt,
        branch: branchOf(trackId, unitId),
        tasks: tasksLeft(spec, out.doneTasks),
        role: spec.role,
        model: spec.model,
        answers: [...out.answers],
      });
    }
  }
}

/** The track's priority order, then any unit it does not list yet (in plan order), so no ready unit is missed. */
function dispatchOrder(track: TrackState): string[] {
  const listed = new Set(track.priority);
  const missing = Object.keys(track.units).filter((id) => !listed.has(id));
  return missing.length === 0 ? track.priority : [...track.priority, ...missing];
}
