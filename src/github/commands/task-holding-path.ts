// `/unlock src/api/` names a lock by a path it covers; the engine unlocks by task. This finds the task of the
// track whose held lock overlaps the path, with the engine's own overlap rules (folders cover what is under
// them, globs match files), so the resolver for `engineCommandOf` agrees with how locks conflict.

import { touchesOverlap } from "../../engine/touches.js";
import type { TrackState } from "../../engine/track/state.js";

/** The first unit (in id order) of the track whose lock covers `path`, or null when no held lock does. */
export function taskHoldingPath(track: Pick<TrackState, "runs">, path: string): string | null {
  for (const unit of Object.keys(track.runs).sort()) {
    const lock = track.runs[unit]?.lock;
    if (lock?.touches.some((touch) => touchesOverlap(touch, path))) return unit;
  }
  return null;
}
