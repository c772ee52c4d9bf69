// Graph algorithms over dispatch units: order, levels, and the longest chain of work. Done units are skipped
// everywhere; a dependency on a done unit or on a unit outside the list is satisfied.

import { PreparedGraph } from "./prepared-graph.js";
import type { DispatchUnit } from "./types.js";

/** Ids of the units not done, dependencies first, ties by plan order. */
export function topologicalOrder(units: readonly DispatchUnit[]): string[] {
  const prepared = new PreparedGraph(units);
  return prepared.order.map((i) => (prepared.graph.units[i] as DispatchUnit).id);
}

/**
 * Kahn levels of the units not done: wave 0 waits for nothing, a unit in wave k waits for something in wave
 * k-1. Shown beside continuous dispatch to measure what wave barriers would cost.
 */
export function waves(units: readonly DispatchUnit[]): string[][] {
  return wavesOf(new PreparedGraph(units));
}

export function wavesOf(prepared: PreparedGraph): string[][] {
  const units = prepared.graph.units;
  return prepared.layers.map((layer) => layer.map((i) => (units[i] as DispatchUnit).id));
}

/** For each unit not done: its hours plus the longest chain of hours that waits for it. */
export function bLevels(units: readonly DispatchUnit[]): Map<string, number> {
  return bLevelsOf(new PreparedGraph(units));
}

export function bLevelsOf(prepared: PreparedGraph): Map<string, number> {
  const levels = prepared.levels;
  const byId = new Map<string, number>();
  prepared.graph.units.forEach((unit, i) => {
    if (!byId.has(unit.id)) byId.set(unit.id, levels[i] as number);
  });
  return byId;
}

/** The longest chain of units not done, by hours; ties go to the unit earlier in plan order. */
export function criticalPath(units: readonly DispatchUnit[]): { ids: string[]; hours: number } {
  return criticalPathOf(new PreparedGraph(units));
}

export function criticalPathOf(prepared: PreparedGraph): { ids: string[]; hours: number } {
  const { units, dependentStart, dependentList } = prepared.graph;
  const levels = prepared.levels;
  const better = (a: number, b: number): boolean => {
    const la = levels[a] as number;
    const lb = levels[b] as number;
    if (la !== lb) return la > lb;
    const oa = (units[a] as DispatchUnit).order;
    const ob = (units[b] as DispatchUnit).order;
    return oa < ob || (oa === ob && a < b);
  };
  let current = -1;
  for (let i = 0; i < units.length; i++) if (current < 0 || better(i, current)) current = i;
  if (current < 0) return { ids: [], hours: 0 };
  const hours = levels[current] as number;
  const ids: string[] = [];
  const visited = new Uint8Array(units.length);
  // Following the dependent with the highest b-level stays on a longest chain; `visited` guards against a cycle.
  while (current >= 0 && visited[current] === 0) {
    visited[current] = 1;
    ids.push((units[current] as DispatchUnit).id);
    let next = -1;
    for (let e = dependentStart[current] as number; e < (dependentStart[current + 1] as number); e++) {
      const candidate = dependentList[e] as number;
      if (next < 0 || better(candidate, next)) next = candidate;
    }
    current = next;
  }
  return { ids, hours };
}
