// After every event, bring each track to rest: derive the waiting units' statuses, close gate gaps once all
// work is merged, dispatch what can go, warn or stop on budget and on a track that cannot go on, complete a track
// whose work is done and whose gates are met, and ask to be woken when a retry's backoff ends.

import { defaultModel } from "../../plan/defaults.js";
import { bookedUsd, formatUsd, warnShare } from "./budget.js";
import { dispatchPass } from "./dispatch-pass.js";
import type { Effect } from "./effects.js";
import { failingGates } from "./gates.js";
import { priorityOf } from "./priority.js";
import { addUnit, createTask } from "./spawn.js";
import type { EngineState, TrackState } from "./state.js";
import { checkStops, stopTrack } from "./stop.js";
import { refreshWaiting } from "./waiting.js";

export function settle(state: EngineState, now: number, effects: Effect[]): void {
  const ids = Object.keys(state.tracks).sort();
  for (const id of ids) {
    const track = state.tracks[id] as TrackState;
    if (track.status === "completed" || track.status === "cancelled") continue;
    refreshWaiting(track);
    if (track.status === "active" && closeGateGaps(track, effects)) refreshWaiting(track);
  }
  dispatchPass(state, now, effects);
  let wake = Number.POSITIVE_INFINITY;
  for (const id of ids) {
    const track = state.tracks[id] as TrackState;
    if (track.status === "completed" || track.status === "cancelled") continue;
    warnOnBudget(track, effects);
    checkStops(state, track, now, effects);
    if (track.status === "active") complete(track, effects);
    if (track.status === "active" || track.status === "idle" || track.status === "paused") {
      for (const unit of Object.keys(track.runs)) {
        const run = track.runs[unit];
        if (run?.status === "ready" && run.retryAt !== null && run.retryAt > now)
          wake = Math.min(wake, run.retryAt);
      }
    }
  }
  if (Number.isFinite(wake)) effects.push({ type: "wake", at: wake });
}

function warnOnBudget(track: TrackState, effects: Effect[]): void {
  const budget = track.settings.budgetUsd;
  if (budget === null || track.warnedBudget) return;
  const booked = bookedUsd(track);
  if (booked < budget * warnShare) return;
  track.warnedBudget = true;
  effects.push({ type: "budget-warning", track: track.id, spentUsd: booked, budgetUsd: budget });
  effects.push({
    type: "comment",
    track: track.id,
    unit: null,
    body: `Budget warning: ${formatUsd(booked)} of ${formatUsd(budget)} spent (${Math.round((booked / budget) * 100)} %). Dispatching stops at 100 %.`,
  });
}

/** Every unit is settled (done or cancelled, nothing held back): the work is over. */
function allSettled(track: TrackState): boolean {
  for (const id of Object.keys(track.runs)) {
    const status = track.runs[id]?.status;
    if (status !== "done" && status !== "cancelled") return false;
  }
  return true;
}

/** With all work merged and a gate failing, spawn that gate's fix task (within the spawn budget). */
function closeGateGaps(track: TrackState, effects: Effect[]): boolean {
  if (!allSettled(track)) return false;
  let spawned = false;
  for (const gate of failingGates(track)) {
    if (track.spawned >= track.settings.spawnBudget) {
      stopTrack(
        track,
        "spawn-budget",
        `${gate.name} has a gap (target ${gate.target}, measured ${gate.current ?? "?"}) and the spawn budget (${track.settings.spawnBudget}) is spent. Raise it with /budget spawn N.`,
        effects,
      );
      return spawned;
    }
    const id = addUnit(track, {
      title: `${gate.fix.title} (${gate.name}: target ${gate.target}, measured ${gate.current ?? "?"})`,
      deps: [],
      touches: [...gate.fix.touches],
      writesUnknown: gate.fix.touches.length === 0,
      readOnly: false,
      needsPerson: false,
      hours: gate.fix.effortHours,
      role: gate.fix.role,
      model: defaultModel,
      autoSpawn: "safe-only",
      origin: { kind: "gate", gate: gate.name },
    });
    gate.fixes += 1;
    // Measured again once the fix is merged.
    gate.status = "unknown";
    spawned = true;
    effects.push(createTask(track, id, `${gate.name} gap`));
  }
  if (spawned) track.priority = priorityOf(track);
  return spawned;
}

function complete(track: TrackState, effects: Effect[]): void {
  if (!allSettled(track) || failingGates(track).length > 0) return;
  track.status = "completed";
  const done = Object.keys(track.runs).filter((id) => track.runs[id]?.status === "done").length;
  const cancelled = Object.keys(track.runs).length - done;
  const gates = track.gates
    .filter((gate) => !gate.skip)
    .map((gate) => `${gate.name} ${gate.status === "unknown" ? "not measured" : gate.status}`);
  effects.push({
    type: "track-completed",
    track: track.id,
    message: `${done} task${done === 1 ? "" : "s"} done${cancelled ? `, ${cancelled} cancelled` : ""}; ${formatUsd(bookedUsd(track))} spent${gates.length ? `; gates: ${gates.join(", ")}` : ""}.`,
  });
}
