// Which of the files an attempt changed lie outside what its task may write: its touches (a file, a folder and
// everything under it, or a glob, with the same overlap rules as the locks), the paths any task may change, and
// the report file the Action itself writes. A write-shared task without touches may change anything (it runs
// alone); a read-only task may change nothing.

import { touchesOverlap } from "./touches.js";
import type { UnitSpec } from "./track/state.js";

export function scopeViolations(
  spec: Pick<UnitSpec, "touches" | "concurrency">,
  changed: readonly string[],
  alwaysAllowed: readonly string[],
  ownFiles: readonly string[],
): string[] {
  if (spec.concurrency === "write-shared" && spec.touches.length === 0) return [];
  const allowed = spec.concurrency === "read-only" ? [...alwaysAllowed] : [...spec.touches, ...alwaysAllowed];
  return changed.filter(
    (file) => !ownFiles.includes(file) && !allowed.some((touch) => touchesOverlap(touch, file)),
  );
}
