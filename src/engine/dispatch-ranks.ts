// Dispatch priority as ranks: units by priority (their b-level) descending, ties by plan order then position.
// The scheduler compares ranks instead of calling a comparator, and a rank names its unit.

import type { DispatchUnit } from "./types.js";
import { planOrderBefore } from "./unit-graph.js";

export interface DispatchRanks {
  /** Each unit's place in dispatch priority: lower goes first. */
  ranks: Int32Array;
  /** The unit at each place. */
  byRank: Int32Array;
  /** Whether priorities and orders are all finite: then the ranking is a total order. */
  total: boolean;
}

/** `level[i]`: unit i's priority. */
export function dispatchRanks(units: readonly DispatchUnit[], level: Float64Array): DispatchRanks {
  const count = units.length;
  let total = true;
  let listedInOrder = true;
  for (let i = 0; i < count; i++) {
    const order = (units[i] as DispatchUnit).order;
    total &&= Number.isFinite(level[i] as number) && Number.isFinite(order);
    if (i > 0 && !((units[i - 1] as DispatchUnit).order < order)) listedInOrder = false;
  }
  if (total && listedInOrder) return placeByLevel(level);
  const sorted = units.map((_, i) => i);
  if (total) {
    // With finite numbers this is the same total order as the rule below, read from flat lists.
    const orders = Float64Array.from(units, (unit) => unit.order);
    sorted.sort(
      (a, b) =>
        (level[b] as number) - (level[a] as number) || (orders[a] as number) - (orders[b] as number) || a - b,
    );
  } else {
    const inPlanOrder = planOrderBefore(units);
    sorted.sort((a, b) => (level[b] as number) - (level[a] as number) || (inPlanOrder(a, b) ? -1 : 1));
  }
  const ranks = new Int32Array(count);
  for (let rank = 0; rank < count; rank++) ranks[sorted[rank] as number] = rank;
  return { ranks, byRank: Int32Array.from(sorted), total };
}

/**
 * Units listed in plan order, finite priorities: a unit's rank is where its priority first appears among all
 * priorities sorted descending (a native numeric sort), plus how many earlier units share that priority.
 */
function placeByLevel(level: Float64Array): DispatchRanks {
  const count = level.length;
  const descending = level.slice().sort().reverse();
  const sharing = new Int32Array(count);
  const ranks = new Int32Array(count);
  const byRank = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const value = level[i] as number;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((descending[mid] as number) > value) lo = mid + 1;
      else hi = mid;
    }
    const rank = lo + (sharing[lo] as number);
    sharing[lo] = (sharing[lo] as number) + 1;
    ranks[i] = rank;
    byRank[rank] = i;
  }
  return { ranks, byRank, total: true };
}
