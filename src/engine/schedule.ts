// Estimated schedules for `swarm-dispatch plan`: continuous dispatch (what the app does) and the wave-barrier
// baseline it is compared with, plus the lower bound no schedule can beat.

import { usableAgents } from "./agent-pool.js";
import { bLevels, criticalPath, waves } from "./graph.js";
import { simulateDispatch } from "./simulate-dispatch.js";
import type { DispatchUnit, Schedule } from "./types.js";

/**
 * Continuous dispatch with `agents` agents: a unit starts when its dependencies have ended, an agent is free and
 * its touches overlap no running unit; among those, the highest b-level goes first (ties by plan order).
 * Entries are in dispatch order.
 */
export function estimateSchedule(units: readonly DispatchUnit[], agents: number): Schedule {
  const { entries, end } = simulateDispatch(units, agents, bLevels(units), 0);
  return { entries, makespan: end };
}

/** The same rules, but each wave starts only when the whole previous wave has ended. */
export function wavesSchedule(units: readonly DispatchUnit[], agents: number): Schedule {
  const priority = bLevels(units);
  const byId = new Map<string, DispatchUnit>();
  for (const unit of units) if (unit.status !== "done" && !byId.has(unit.id)) byId.set(unit.id, unit);
  const entries: Schedule["entries"] = [];
  let start = 0;
  for (const wave of waves(units)) {
    const members = wave.map((id) => byId.get(id) as DispatchUnit);
    const result = simulateDispatch(members, agents, priority, start);
    for (const entry of result.entries) entries.push(entry);
    start = result.end;
  }
  return { entries, makespan: start };
}

/** No schedule with `agents` agents ends sooner: the critical path, or all the work spread over every agent. */
export function lowerBound(units: readonly DispatchUnit[], agents: number): number {
  let total = 0;
  for (const unit of units) if (unit.status !== "done") total += unit.hours;
  const count = units.filter((unit) => unit.status !== "done").length;
  return Math.max(criticalPath(units).hours, total / usableAgents(agents, count));
}
