// The ready set: units that could be dispatched now as far as dependencies go (locks, parallelism and budget
// are the dispatcher's concern). Foreground units are included: they are ready, they just wait for a person.

import type { DispatchUnit } from "./types.js";

/** Ids of the units not done whose dependencies are all done (or outside the list), in plan order. */
export function readySet(units: readonly DispatchUnit[]): string[] {
  const notDone = new Set<string>();
  for (const unit of units) if (unit.status !== "done") notDone.add(unit.id);
  return units
    .filter(
      (unit) => unit.status !== "done" && unit.deps.every((dep) => dep === unit.id || !notDone.has(dep)),
    )
    .sort((a, b) => a.order - b.order)
    .map((unit) => unit.id);
}
