// Estimated schedules for `swarm-dispatch plan`: continuous dispatch in the planner's best order (what the app
// does), the wave-barrier and first-in-first-out baselines it is compared with, and the lower bound no schedule
// can beat.

import { usableAgents } from "./agent-pool.js";
import { bLevelsOf, criticalPathOf, wavesOf } from "./graph.js";
import { PreparedGraph } from "./prepared-graph.js";
import { bestOrderOf } from "./priority-plan.js";
import { dispatchMembers } from "./simulate-dispatch.js";
import type { DispatchUnit, Schedule } from "./types.js";

/**
 * Continuous dispatch with `agents` agents: a unit starts when its dependencies have ended, an agent is free and
 * its touches overlap no running unit; among those, the first in the planner's best order goes first (see
 * `planPriority`: the b-level order, ties by plan order, unless a search finds a shorter one).
 * Entries are in dispatch order.
 */
export function estimateSchedule(units: readonly DispatchUnit[], agents: number): Schedule {
  return estimateScheduleOf(new PreparedGraph(units), agents);
}

export function estimateScheduleOf(prepared: PreparedGraph, agents: number): Schedule {
  const entries: Schedule["entries"] = [];
  const { makespan } = bestOrderOf(prepared, agents, {}, entries);
  return { entries, makespan };
}

/**
 * The wave-barrier baseline: each wave starts only when the whole previous wave has ended, and within a wave
 * the highest b-level goes first (ties by plan order).
 */
export function wavesSchedule(units: readonly DispatchUnit[], agents: number): Schedule {
  return wavesScheduleOf(new PreparedGraph(units), agents);
}

/** `wavesSchedule` over prepared units; without `withEntries`, only the makespan (the entries stay empty). */
export function wavesScheduleOf(prepared: PreparedGraph, agents: number, withEntries = true): Schedule {
  const entries: Schedule["entries"] = [];
  const into = withEntries ? entries : null;
  let start = 0;
  if (prepared.hasUniqueIds && prepared.ranksAreTotal) {
    // Ranks restricted to one wave order it exactly as ranking the wave alone by the plan's b-levels would.
    for (const layer of prepared.layers) start = dispatchMembers(prepared, layer, agents, start, into);
    return { entries, makespan: start };
  }
  // Units sharing an id (a wave names its members by id, so each is the first unit with that id), or a ranking
  // that is no total order: each wave is ranked alone, as the rule says.
  const priority = bLevelsOf(prepared);
  const byId = new Map<string, DispatchUnit>();
  for (const unit of prepared.graph.units) if (!byId.has(unit.id)) byId.set(unit.id, unit);
  for (const wave of wavesOf(prepared)) {
    const members = new PreparedGraph(
      wave.map((id) => byId.get(id) as DispatchUnit),
      priority,
    );
    start = dispatchMembers(members, null, agents, start, into);
  }
  return { entries, makespan: start };
}

/**
 * The first-in-first-out baseline: continuous dispatch, but ready units are taken in the order they became
 * ready, ties by plan order (see `Arrivals`). Entries in dispatch order.
 */
export function fifoSchedule(units: readonly DispatchUnit[], agents: number): Schedule {
  return fifoScheduleOf(new PreparedGraph(units), agents);
}

export function fifoScheduleOf(prepared: PreparedGraph, agents: number): Schedule {
  const entries: Schedule["entries"] = [];
  const makespan = dispatchMembers(prepared, null, agents, 0, entries, { fifo: true });
  return { entries, makespan };
}

/** No schedule with `agents` agents ends sooner: the critical path, or all the work spread over every agent. */
export function lowerBound(units: readonly DispatchUnit[], agents: number): number {
  let total = 0;
  for (const unit of units) if (unit.status !== "done") total += unit.hours;
  const count = units.filter((unit) => unit.status !== "done").length;
  return Math.max(criticalPathOf(new PreparedGraph(units)).hours, total / usableAgents(agents, count));
}
