// The ready set: units that could be dispatched now as far as dependencies go (locks, parallelism and budget
// are the dispatcher's concern). Foreground units are included: they are ready, they just wait for a person.

import type { PreparedGraph } from "./prepared-graph.js";
import { sortIfNeeded } from "./sort-if-needed.js";
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

/**
 * `readySet` of prepared units whose ids are unique: then a dependency on a unit not done is exactly an edge of
 * the unit graph, and the ready units are those without one.
 */
export function readySetOf(prepared: PreparedGraph): string[] {
  const { units, depStart } = prepared.graph;
  const ready: number[] = [];
  for (let i = 0; i < units.length; i++) if (depStart[i] === depStart[i + 1]) ready.push(i);
  return sortIfNeeded(
    ready,
    (a, b) => (units[a] as DispatchUnit).order - (units[b] as DispatchUnit).order,
  ).map((i) => (units[i] as DispatchUnit).id);
}
