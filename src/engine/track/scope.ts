// Scope: the files an attempt changed (measured from its diff by the Action) against the touches it holds. A
// write-shared unit without touches may write anywhere (it runs alone); a read-only unit may write nothing.

import { pathProblem } from "../../plan/normalize-touches.js";
import { parsedTouchesOverlap, parseTouch } from "../touches.js";
import type { HeldLock } from "./held-locks.js";
import { blockingLock } from "./held-locks.js";
import type { UnitRun } from "./state.js";

/** Changed files the unit's lock does not cover, in the order given, each once. */
export function scopeViolations(lock: NonNullable<UnitRun["lock"]>, changed: readonly string[]): string[] {
  if (lock.concurrency === "write-shared" && lock.touches.length === 0) return [];
  const touches = lock.concurrency === "read-only" ? [] : lock.touches.map(parseTouch);
  const outside: string[] = [];
  for (const file of changed) {
    if (outside.includes(file)) continue;
    if (pathProblem(file) !== null || file.split("/").includes("..")) {
      outside.push(file);
      continue;
    }
    const touch = parseTouch(file);
    if (!touches.some((held) => parsedTouchesOverlap(touch, held))) outside.push(file);
  }
  return outside;
}

/** Whether the unit may take these files too: no other unit holds a lock over any of them. */
export function canExtend(
  held: readonly HeldLock[],
  self: { track: string; unit: string },
  files: string[],
): boolean {
  return blockingLock(held, self, { touches: files, concurrency: "write-local" }) === null;
}
