// The track state machine: `step(state, event, now) → { state, effects }`. Pure: the same state, event and time
// always give the same result, the input state is never changed, and nothing here reads a clock, the network, the
// file system or a random source. Drivers (the simulator, the GitHub app) carry out the effects.

import { attemptFailed, attemptStarted, prClosed, prMerged, reportArrived } from "./attempts.js";
import { runCommand } from "./commands.js";
import type { Effect } from "./effects.js";
import type { EngineEvent } from "./events.js";
import { recordGate } from "./gates.js";
import { applyPlan } from "./plan-track.js";
import { restoreTrack } from "./restore.js";
import { settle } from "./settle.js";
import { type EngineState, seenLimit, type TrackState } from "./state.js";
import { statusEffects } from "./status-effects.js";
import { workingCopy } from "./working-copy.js";

export interface StepResult {
  state: EngineState;
  effects: Effect[];
}

export function step(state: EngineState, event: EngineEvent, now: number): StepResult {
  return stepAll(state, [event], now);
}

/**
 * Several events that happened at the same time, handled in order and then settled once: what a unit's finish
 * frees is dispatched only after every finish of that instant is known, as the planner's list schedule assumes.
 */
export function stepAll(state: EngineState, events: readonly EngineEvent[], now: number): StepResult {
  const fresh = events.filter(
    (event, k) => !state.seen.includes(event.id) && events.findIndex((e) => e.id === event.id) === k,
  );
  if (fresh.length === 0) return { state, effects: [] };
  const effects: Effect[] = [];
  const next = workingCopy(state);
  for (const event of fresh) {
    next.seen.push(event.id);
    handle(next, event, now, effects);
  }
  if (next.seen.length > seenLimit) next.seen.splice(0, next.seen.length - seenLimit);
  settle(next, now, effects);
  return { state: next, effects: [...effects, ...statusEffects(state, next)] };
}

function handle(state: EngineState, event: EngineEvent, now: number, effects: Effect[]): void {
  if (event.type === "tick") return;
  if (event.type === "plan") {
    applyPlan(state, event.track, event.plan, effects);
    return;
  }
  const track: TrackState | undefined = state.tracks[event.track];
  if (!track) return;
  switch (event.type) {
    case "command":
      runCommand(state, track, event.command, event.by, effects);
      return;
    case "attempt-started":
      attemptStarted(track, event.unit, event.attempt);
      return;
    case "report":
      reportArrived(state, track, event.unit, event.attempt, event.pr, event.report, now, effects);
      return;
    case "attempt-failed":
      attemptFailed(
        track,
        event.unit,
        event.attempt,
        event.outcome,
        event.message,
        event.tasksDone,
        now,
        effects,
        event.costUsd ?? null,
      );
      return;
    case "pr-merged":
      prMerged(track, event.unit, event.pr, now, effects);
      return;
    case "pr-closed":
      prClosed(track, event.unit, event.pr, now);
      return;
    case "gate":
      recordGate(track, event.gate, event.status === "pass", event.current);
      return;
    case "restore":
      restoreTrack(state, track, event.units, event.specs, now, effects);
      return;
  }
}
