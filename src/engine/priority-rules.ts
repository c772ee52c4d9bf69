// The priority rules the planner tries, best known first: each ranks units by one or two measures, descending,
// then by plan order. On random task graphs b-level (the critical path first) is the strongest single rule;
// the others break its ties differently or look elsewhere, and which one wins varies from graph to graph.

import type { PriorityKeys } from "./priority-keys.js";
import type { DispatchUnit } from "./types.js";
import { planOrderBefore } from "./unit-graph.js";

export interface PriorityRule {
  name: string;
  /** The measures to rank by, the first deciding, each descending. */
  keys: (keys: PriorityKeys) => readonly Float64Array[];
}

/** After b-level itself, which the planner always tries first (see `PreparedGraph.byRank`). */
export const priorityRules: readonly PriorityRule[] = [
  // CP/MISF (Kasahara & Narita): the critical path first, then the unit most others wait for directly.
  { name: "cp-misf", keys: (k) => [k.bLevels, k.successors] },
  { name: "b-level then most descendants", keys: (k) => [k.bLevels, k.descendants] },
  { name: "b-level then longest", keys: (k) => [k.bLevels, k.hours] },
  { name: "most descendants", keys: (k) => [k.descendants, k.bLevels] },
  { name: "most work waiting", keys: (k) => [k.descendantWork, k.bLevels] },
  { name: "longest path through", keys: (k) => [sum(k.tLevels, k.bLevels), k.bLevels] },
  { name: "most successors", keys: (k) => [k.successors, k.bLevels] },
  { name: "longest first", keys: (k) => [k.hours, k.bLevels] },
];

/** Each unit's place in plan order: the tie-break of every rule. */
export function planPlaces(units: readonly DispatchUnit[]): Float64Array {
  const before = planOrderBefore(units);
  const sorted = units.map((_, i) => i).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const places = new Float64Array(units.length);
  for (let place = 0; place < sorted.length; place++) places[sorted[place] as number] = place;
  return places;
}

/**
 * The units (indices) ranked by `keys`, each descending, the first deciding, then by `places` ascending: the
 * unit at each place of the resulting dispatch order.
 */
export function rankBy(keys: readonly Float64Array[], places: Float64Array): Int32Array {
  const units = Array.from(places, (_, i) => i);
  units.sort((a, b) => {
    for (const key of keys) {
      const difference = (key[b] as number) - (key[a] as number);
      if (difference > 0 || difference < 0) return difference;
    }
    return (places[a] as number) - (places[b] as number);
  });
  return Int32Array.from(units);
}

function sum(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((value, i) => value + (b[i] as number));
}
