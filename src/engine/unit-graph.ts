// The dependency graph of the units not yet done, by index, shared by the graph algorithms and the scheduler.
// A dependency on a done unit, or on a unit outside the given list, is satisfied and has no edge.

import { Heap } from "./heap.js";
import type { DispatchUnit } from "./types.js";

export interface UnitGraph {
  /** Units not done, in the given order. */
  units: DispatchUnit[];
  /** For each unit, the indices of the units it waits for (deduplicated, never itself). */
  deps: number[][];
  /** For each unit, the indices of the units waiting for it. */
  dependents: number[][];
}

export function buildUnitGraph(all: readonly DispatchUnit[]): UnitGraph {
  const units = all.filter((unit) => unit.status !== "done");
  const indexOf = new Map<string, number>();
  units.forEach((unit, i) => {
    if (!indexOf.has(unit.id)) indexOf.set(unit.id, i);
  });
  const deps: number[][] = units.map(() => []);
  const dependents: number[][] = units.map(() => []);
  // seenBy[j] === i: unit i already has an edge from j (a stamp instead of a Set per unit).
  const seenBy = new Int32Array(units.length).fill(-1);
  units.forEach((unit, i) => {
    for (const dep of unit.deps) {
      const j = indexOf.get(dep);
      if (j === undefined || j === i || seenBy[j] === i) continue;
      seenBy[j] = i;
      (deps[i] as number[]).push(j);
      (dependents[j] as number[]).push(i);
    }
  });
  return { units, deps, dependents };
}

/** Plan order: the `order` field, then position in the list. */
export function planOrderBefore(units: readonly DispatchUnit[]): (a: number, b: number) => boolean {
  return (a, b) => {
    const oa = (units[a] as DispatchUnit).order;
    const ob = (units[b] as DispatchUnit).order;
    return oa < ob || (oa === ob && a < b);
  };
}

/**
 * Kahn's algorithm, ties by plan order. Plans reaching the engine are acyclic (the normaliser rejects cycles);
 * should a cycle get through anyway, its units follow at the end in plan order rather than vanish.
 */
export function kahnOrder(graph: UnitGraph): number[] {
  if (isPlanOrderTopological(graph)) return graph.units.map((_, i) => i);
  const before = planOrderBefore(graph.units);
  const waiting = graph.deps.map((deps) => deps.length);
  const ready = new Heap<number>(before);
  waiting.forEach((count, i) => {
    if (count === 0) ready.push(i);
  });
  const order: number[] = [];
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    order.push(i);
    for (const next of graph.dependents[i] as number[]) {
      waiting[next] = (waiting[next] as number) - 1;
      if (waiting[next] === 0) ready.push(next);
    }
  }
  if (order.length < graph.units.length) {
    const rest = graph.units.map((_, i) => i).filter((i) => (waiting[i] as number) > 0);
    order.push(...rest.sort((a, b) => (before(a, b) ? -1 : 1)));
  }
  return order;
}

/**
 * Plans usually list a task after what it waits for; then plan order is already the answer Kahn's algorithm with
 * plan-order ties would give, and a linear check saves the heap.
 */
function isPlanOrderTopological(graph: UnitGraph): boolean {
  for (let i = 0; i < graph.units.length; i++) {
    if (i > 0 && (graph.units[i - 1] as DispatchUnit).order > (graph.units[i] as DispatchUnit).order)
      return false;
    for (const dep of graph.deps[i] as number[]) if (dep > i) return false;
  }
  return true;
}
