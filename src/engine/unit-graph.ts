// The dependency graph of the units not yet done, by index, shared by the graph algorithms and the scheduler.
// A dependency on a done unit, or on a unit outside the given list, is satisfied and has no edge.
//
// Edges are stored flat (compressed rows): a 10,000-unit plan would otherwise need 20,000 small arrays.

import { Heap } from "./heap.js";
import type { DispatchUnit } from "./types.js";

export interface UnitGraph {
  /** Units not done, in the given order. */
  units: DispatchUnit[];
  /** Id → index of the first unit with that id. */
  indexOf: Map<string, number>;
  /**
   * Unit i waits for `depList[depStart[i]]` … `depList[depStart[i + 1] - 1]`: deduplicated, never itself, in
   * the order its `deps` name them.
   */
  depStart: Int32Array;
  depList: Int32Array;
  /** Likewise the units waiting for unit i, ascending. */
  dependentStart: Int32Array;
  dependentList: Int32Array;
}

export function buildUnitGraph(all: readonly DispatchUnit[]): UnitGraph {
  const units = all.filter((unit) => unit.status !== "done");
  const count = units.length;
  const indexOf = new Map<string, number>();
  let most = 0;
  for (let i = 0; i < count; i++) {
    const unit = units[i] as DispatchUnit;
    if (!indexOf.has(unit.id)) indexOf.set(unit.id, i);
    most += unit.deps.length;
  }
  const depStart = new Int32Array(count + 1);
  const depList = new Int32Array(most);
  const dependentCount = new Int32Array(count);
  // seenBy[j] === i: unit i already has an edge from j (a stamp instead of a Set per unit).
  const seenBy = new Int32Array(count).fill(-1);
  let edges = 0;
  for (let i = 0; i < count; i++) {
    depStart[i] = edges;
    for (const dep of (units[i] as DispatchUnit).deps) {
      const j = indexOf.get(dep);
      if (j === undefined || j === i || seenBy[j] === i) continue;
      seenBy[j] = i;
      depList[edges++] = j;
      dependentCount[j] = (dependentCount[j] as number) + 1;
    }
  }
  depStart[count] = edges;
  const dependentStart = new Int32Array(count + 1);
  for (let j = 0; j < count; j++)
    dependentStart[j + 1] = (dependentStart[j] as number) + (dependentCount[j] as number);
  const dependentList = new Int32Array(edges);
  const fill = dependentStart.slice(0, count);
  for (let i = 0; i < count; i++) {
    for (let e = depStart[i] as number; e < (depStart[i + 1] as number); e++) {
      const j = depList[e] as number;
      dependentList[fill[j] as number] = i;
      fill[j] = (fill[j] as number) + 1;
    }
  }
  return { units, indexOf, depStart, depList, dependentStart, dependentList };
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
  const { units, depStart, dependentStart, dependentList } = graph;
  if (isPlanOrderTopological(graph)) return units.map((_, i) => i);
  const before = planOrderBefore(units);
  const waiting = new Int32Array(units.length);
  const ready = new Heap<number>(before);
  for (let i = 0; i < units.length; i++) {
    waiting[i] = (depStart[i + 1] as number) - (depStart[i] as number);
    if (waiting[i] === 0) ready.push(i);
  }
  const order: number[] = [];
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    order.push(i);
    for (let e = dependentStart[i] as number; e < (dependentStart[i + 1] as number); e++) {
      const next = dependentList[e] as number;
      waiting[next] = (waiting[next] as number) - 1;
      if (waiting[next] === 0) ready.push(next);
    }
  }
  if (order.length < units.length) {
    const rest = units.map((_, i) => i).filter((i) => (waiting[i] as number) > 0);
    for (const i of rest.sort((a, b) => (before(a, b) ? -1 : 1))) order.push(i);
  }
  return order;
}

/**
 * Plans usually list a task after what it waits for; then plan order is already the answer Kahn's algorithm with
 * plan-order ties would give, and a linear check saves the heap.
 */
function isPlanOrderTopological(graph: UnitGraph): boolean {
  const { units, depStart, depList } = graph;
  for (let i = 0; i < units.length; i++) {
    if (i > 0 && (units[i - 1] as DispatchUnit).order > (units[i] as DispatchUnit).order) return false;
    for (let e = depStart[i] as number; e < (depStart[i + 1] as number); e++)
      if ((depList[e] as number) > i) return false;
  }
  return true;
}
