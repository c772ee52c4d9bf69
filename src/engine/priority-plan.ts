// The planner's best dispatch order. One greedy pass by b-level lands within a few per cent of the optimum on
// most graphs but far off on some; trying several priority rules and then improving the best list (forward-
// backward passes, random-key moves) closes most of the gap. The engine then dispatches by that order, so
// `plan`, `simulate` and a live track agree. Every candidate is scored by the real scheduler (non-delay,
// locks respected), the search is deterministic, and its work is budgeted by the plan's size.

import { PreparedGraph } from "./prepared-graph.js";
import { makespanBound } from "./priority-bound.js";
import { OrderEvaluator, type ScoredOrder } from "./priority-evaluate.js";
import { PriorityKeys } from "./priority-keys.js";
import { planPlaces, priorityRules, rankBy } from "./priority-rules.js";
import { improveOrder } from "./priority-search.js";
import { dispatchMembers } from "./simulate-dispatch.js";
import type { DispatchUnit, ScheduleEntry } from "./types.js";

export interface PriorityOptions {
  /** Unit placements the search may spend (one schedule places every unit once); see `defaultWork`. */
  work?: number;
  /** Seed of the random-key moves. */
  seed?: number;
}

export interface PlannedPriority {
  /** Ids of the units not done, best first: dispatch the first ready one whose touches are free. */
  order: string[];
  /** The makespan of dispatching in that order. */
  makespan: number;
  /** The rule that won, and the search step that improved on it, if any (`cp-misf + forward-backward`). */
  rule: string;
}

const defaultSeed = 1;
const mostSchedules = 1000;
const fewestSchedules = 2;

/**
 * 1,000 schedules up to 100 units, fewer above (a schedule costs about n log n, the count falls as n^1.5), down
 * to b-level and one other rule from about 5,000 units, so analysing a 10,000-unit plan stays fast.
 */
export function defaultWork(count: number): number {
  const schedules = Math.floor(1e6 / Math.max(1, count) ** 1.5);
  return Math.max(fewestSchedules, Math.min(mostSchedules, schedules)) * count;
}

export function planPriority(
  units: readonly DispatchUnit[],
  agents: number,
  options: PriorityOptions = {},
): PlannedPriority {
  const prepared = new PreparedGraph(units);
  const best = bestOrderOf(prepared, agents, options);
  const pending = prepared.graph.units;
  return {
    order: Array.from(best.byRank, (i) => (pending[i] as DispatchUnit).id),
    makespan: best.makespan,
    rule: best.rule,
  };
}

/** The unit ids in the planner's best dispatch order: what a live track dispatches by. */
export function priorityOrder(units: readonly DispatchUnit[], agents: number): string[] {
  return planPriority(units, agents).order;
}

/**
 * The best order over prepared units: the b-level order unless some other order is strictly shorter. `entries`,
 * when given, receives the schedule of the order returned (taken from the first pass when b-level wins, which
 * on a large plan saves scheduling it twice).
 */
export function bestOrderOf(
  prepared: PreparedGraph,
  agents: number,
  options: PriorityOptions = {},
  entries: ScheduleEntry[] | null = null,
): ScoredOrder {
  const best = searchOrder(prepared, agents, options, entries);
  if (entries !== null && best.byRank !== prepared.byRank) {
    entries.length = 0;
    dispatchMembers(prepared.withOrder(best.byRank), null, agents, 0, entries);
  }
  return best;
}

function searchOrder(
  prepared: PreparedGraph,
  agents: number,
  options: PriorityOptions,
  entries: ScheduleEntry[] | null,
): ScoredOrder {
  const count = prepared.graph.units.length;
  const evaluator = new OrderEvaluator(prepared, agents, options.work ?? defaultWork(count));
  const first = evaluator.makespan(prepared.byRank, undefined, entries);
  let best = { byRank: prepared.byRank, makespan: first, rule: "b-level" };
  if (count < 2) return best;
  const keys = new PriorityKeys(prepared);
  const bound = makespanBound(prepared, agents, keys.tLevels);
  const reached = (makespan: number): boolean => makespan <= bound + 1e-9 * Math.max(1, bound);
  const places = planPlaces(prepared.graph.units);
  for (const rule of priorityRules) {
    if (reached(best.makespan) || !evaluator.canAfford()) return best;
    const candidate = evaluator.score(rankBy(rule.keys(keys), places), rule.name);
    if (candidate.makespan < best.makespan) best = candidate;
  }
  if (reached(best.makespan)) return best;
  // The search stops at the first makespan not above the bound it is given: the bound with `reached`'s tolerance.
  return improveOrder(
    evaluator,
    best,
    bound + 1e-9 * Math.max(1, bound),
    places,
    options.seed ?? defaultSeed,
  );
}
