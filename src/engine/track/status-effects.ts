// The `set-status` effects of a step: every unit whose status, reason or blockers differ between the state
// before and after. Found by comparing the two states, which keeps every handler free of bookkeeping.

import type { Effect } from "./effects.js";
import type { EngineState, UnitRun } from "./state.js";

export function statusEffects(before: EngineState, after: EngineState): Effect[] {
  const effects: Effect[] = [];
  for (const trackId of Object.keys(after.tracks).sort()) {
    const track = after.tracks[trackId];
    const old = before.tracks[trackId];
    if (!track) continue;
    for (const unit of Object.keys(track.runs)) {
      const run = track.runs[unit] as UnitRun;
      const was = old?.runs[unit];
      if (
        was &&
        was.status === run.status &&
        was.reason === run.reason &&
        sameList(was.blockedBy, run.blockedBy)
      )
        continue;
      effects.push({
        type: "set-status",
        track: trackId,
        unit,
        status: run.status,
        reason: run.reason,
        blockedBy: [...run.blockedBy],
      });
    }
  }
  return effects;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, k) => item === b[k]);
}
