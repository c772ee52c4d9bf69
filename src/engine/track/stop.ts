// Stopping a track: no new dispatches (attempts out keep running and are still handled), one stated reason, and
// the conditions under which it goes on again. A stop is never silent: the driver posts the message.

import { bookedUsd, fitsBudget, formatUsd } from "./budget.js";
import type { Effect } from "./effects.js";
import type { EngineState, StopReason, TrackState } from "./state.js";
import { isInFlight } from "./unit-run.js";
import { workLeft } from "./unit-spec.js";

export function stopTrack(track: TrackState, reason: StopReason, message: string, effects: Effect[]): void {
  if (track.status === "completed" || track.status === "cancelled") return;
  if (track.status === "stopped" && track.stop?.reason === reason && track.stop.message === message) return;
  track.status = "stopped";
  track.stop = { reason, message };
  effects.push({ type: "stop-track", track: track.id, reason, message });
}

/** Whether the cause of the stop is gone, so `resume` may go on. Returns the reason it may not, or null. */
export function stillStopped(track: TrackState): string | null {
  if (track.stop?.reason !== "budget") return null;
  const budget = track.settings.budgetUsd;
  if (budget !== null && bookedUsd(track) >= budget)
    return `the budget is spent (${formatUsd(bookedUsd(track))} of ${formatUsd(budget)}); raise it with /budget $N first`;
  return null;
}

/**
 * After a dispatch pass of an active track: stop when the money is spent, or when nothing is out, nothing waits
 * for review, work remains and nothing more can go without a person (or more money).
 */
export function checkStops(state: EngineState, track: TrackState, now: number, effects: Effect[]): void {
  if (track.status !== "active") return;
  const budget = track.settings.budgetUsd;
  const booked = bookedUsd(track);
  if (budget !== null && booked >= budget) {
    stopTrack(
      track,
      "budget",
      `the budget is spent: ${formatUsd(booked)} of ${formatUsd(budget)}. Raise it with /budget $N to go on.`,
      effects,
    );
    return;
  }
  const ids = Object.keys(track.units);
  const runs = ids.map((id) => [id, track.runs[id]] as const);
  if (runs.some(([, run]) => run && (isInFlight(run.status) || run.status === "review"))) return;
  const left = runs.filter(([, run]) => run && run.status !== "done" && run.status !== "cancelled");
  if (left.length === 0) return;
  const ready = left.filter(([, run]) => run?.status === "ready");
  if (ready.some(([, run]) => run?.retryAt !== null && (run?.retryAt ?? 0) > now)) return;
  // A ready unit that did not go is held by a lock of another track's work in flight, or by money.
  if (otherTrackBusy(state, track.id) && ready.length > 0) return;
  const unaffordable = ready.filter(([id, run]) => {
    const spec = track.units[id];
    return spec && run && !fitsBudget(track, workLeft(spec, run.doneTasks).costUsd);
  });
  if (ready.length > 0 && unaffordable.length === ready.length) {
    const cheapest = Math.min(
      ...unaffordable.map(([id, run]) => workLeft(track.units[id] as never, run?.doneTasks ?? []).costUsd),
    );
    stopTrack(
      track,
      "budget",
      `the budget left (${formatUsd(Math.max(0, (budget ?? 0) - booked))}) covers none of the ready tasks (the cheapest needs ${formatUsd(cheapest)}). Raise it with /budget $N to go on.`,
      effects,
    );
    return;
  }
  const waiting = left
    .filter(([, run]) => run?.status === "needs-input" || run?.status === "failed")
    .map(([id, run]) => (run?.status === "failed" ? `${id} failed` : `${id} waits for an answer`));
  if (ready.length > 0 && waiting.length === 0) return;
  stopTrack(
    track,
    "needs-person",
    `everything left needs a person: ${waiting.slice(0, 20).join("; ") || "the remaining tasks are held back"}${waiting.length > 20 ? ` and ${waiting.length - 20} more` : ""}. /answer, /retry or /cancel them.`,
    effects,
  );
}

function otherTrackBusy(state: EngineState, self: string): boolean {
  for (const id of Object.keys(state.tracks)) {
    if (id === self) continue;
    const runs = state.tracks[id]?.runs ?? {};
    for (const unit of Object.keys(runs)) {
      const status = runs[unit]?.status;
      if (status && (isInFlight(status) || status === "review" || status === "needs-input")) return true;
    }
  }
  return false;
}
