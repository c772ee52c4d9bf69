// Graph algorithms over dispatch units: order, levels, and the longest chain of work. Done units are skipped
// everywhere; a dependency on a done unit or on a unit outside the list is satisfied.

import type { DispatchUnit } from "./types.js";
import { buildUnitGraph, kahnOrder, type UnitGraph } from "./unit-graph.js";

/** Ids of the units not done, dependencies first, ties by plan order. */
export function topologicalOrder(units: readonly DispatchUnit[]): string[] {
  const graph = buildUnitGraph(units);
  return kahnOrder(graph).map((i) => (graph.units[i] as DispatchUnit).id);
}

/**
 * Kahn levels of the units not done: wave 0 waits for nothing, a unit in wave k waits for something in wave
 * k-1. Shown beside continuous dispatch to measure what wave barriers would cost.
 */
export function waves(units: readonly DispatchUnit[]): string[][] {
  const graph = buildUnitGraph(units);
  const level = new Array<number>(graph.units.length).fill(0);
  const layers: number[][] = [];
  for (const i of kahnOrder(graph)) {
    let wave = 0;
    for (const dep of graph.deps[i] as number[]) wave = Math.max(wave, (level[dep] as number) + 1);
    level[i] = wave;
    const layer = layers[wave];
    if (layer) layer.push(i);
    else layers[wave] = [i];
  }
  return layers
    .filter((layer) => layer !== undefined)
    .map((layer) =>
      layer
        .sort(
          (a, b) => (graph.units[a] as DispatchUnit).order - (graph.units[b] as DispatchUnit).order || a - b,
        )
        .map((i) => (graph.units[i] as DispatchUnit).id),
    );
}

/** For each unit not done: its hours plus the longest chain of hours that waits for it. */
export function bLevels(units: readonly DispatchUnit[]): Map<string, number> {
  const graph = buildUnitGraph(units);
  const levels = bLevelsOf(graph);
  const byId = new Map<string, number>();
  graph.units.forEach((unit, i) => {
    if (!byId.has(unit.id)) byId.set(unit.id, levels[i] as number);
  });
  return byId;
}

function bLevelsOf(graph: UnitGraph): number[] {
  const levels = new Array<number>(graph.units.length).fill(0);
  const order = kahnOrder(graph);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    let after = 0;
    for (const next of graph.dependents[i] as number[]) after = Math.max(after, levels[next] as number);
    levels[i] = (graph.units[i] as DispatchUnit).hours + after;
  }
  return levels;
}

/** The longest chain of units not done, by hours; ties go to the unit earlier in plan order. */
export function criticalPath(units: readonly DispatchUnit[]): { ids: string[]; hours: number } {
  const graph = buildUnitGraph(units);
  const levels = bLevelsOf(graph);
  const better = (a: number, b: number): boolean => {
    const la = levels[a] as number;
    const lb = levels[b] as number;
    if (la !== lb) return la > lb;
    const oa = (graph.units[a] as DispatchUnit).order;
    const ob = (graph.units[b] as DispatchUnit).order;
    return oa < ob || (oa === ob && a < b);
  };
  let current = -1;
  for (let i = 0; i < graph.units.length; i++) if (current < 0 || better(i, current)) current = i;
  if (current < 0) return { ids: [], hours: 0 };
  const hours = levels[current] as number;
  const ids: string[] = [];
  const visited = new Set<number>();
  // Following the dependent with the highest b-level stays on a longest chain; `visited` guards against a cycle.
  while (current >= 0 && !visited.has(current)) {
    visited.add(current);
    ids.push((graph.units[current] as DispatchUnit).id);
    let next = -1;
    for (const candidate of graph.dependents[current] as number[]) {
      if (next < 0 || better(candidate, next)) next = candidate;
    }
    current = next;
  }
  return { ids, hours };
}
