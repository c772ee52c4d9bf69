// The locks held in a repository: every unit of every track whose `lock` is set. Locks are per repository, so a
// unit of one track waits for a unit of another that writes the same files.

import { unitsConflict } from "../conflicts.js";
import type { EngineState, UnitSpec } from "./state.js";

export interface HeldLock {
  track: string;
  unit: string;
  touches: string[];
  concurrency: UnitSpec["concurrency"];
}

export function heldLocks(state: EngineState): HeldLock[] {
  const held: HeldLock[] = [];
  for (const track of Object.keys(state.tracks).sort()) {
    const runs = state.tracks[track]?.runs ?? {};
    for (const unit of Object.keys(runs)) {
      const lock = runs[unit]?.lock;
      if (lock) held.push({ track, unit, touches: lock.touches, concurrency: lock.concurrency });
    }
  }
  return held;
}

/** The first held lock (other than the unit's own) that a unit with these touches would overlap. */
export function blockingLock(
  held: readonly HeldLock[],
  self: { track: string; unit: string },
  wanted: Pick<UnitSpec, "touches" | "concurrency">,
): HeldLock | null {
  for (const lock of held) {
    if (lock.track === self.track && lock.unit === self.unit) continue;
    if (unitsConflict(lock, wanted)) return lock;
  }
  return null;
}
