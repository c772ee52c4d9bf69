// Everything `swarm-dispatch plan` shows about a plan, computed from the dispatch units: ready set, waves,
// critical path, the estimated continuous-dispatch schedule (in the planner's best order, see `planPriority`) and
// the wave-barrier one beside it (b-level inside each wave), cost, conflicts.
//
// The result is exactly what composing the public functions (readySet, waves, criticalPath, estimateSchedule,
// wavesSchedule, conflictPairs) gives; they share one prepared unit graph here instead of each building its own.

import type { Plan } from "../plan/model.js";
import { lockIdsOf, rankedConflictPairs } from "./conflicts.js";
import { criticalPathOf, wavesOf } from "./graph.js";
import type { PlanAnalysis } from "./plan-analysis.js";
import { PreparedGraph } from "./prepared-graph.js";
import { readySet, readySetOf } from "./ready-set.js";
import { roundTo } from "./round.js";
import { estimateScheduleOf, wavesScheduleOf } from "./schedule.js";
import { sortIfNeeded } from "./sort-if-needed.js";
import type { Touch } from "./touches.js";
import type { DispatchUnit } from "./types.js";
import { dispatchUnits } from "./units.js";

export interface AnalysisResult {
  analysis: PlanAnalysis;
  /** True when there were more conflicting pairs than `conflicts` lists. */
  conflictsTruncated: boolean;
}

/** Floats from summing hours and rates: keep output stable and readable (`0.3`, not `0.30000000000000004`). */
const round = (value: number, digits = 6): number => roundTo(value, digits);

export function analyzePlan(plan: Plan, agents: number = plan.track.maxParallel): AnalysisResult {
  const units = dispatchUnits(plan);
  // One unit graph, with its order, b-levels, ranks and locks, serves every analysis below.
  const prepared = new PreparedGraph(units);
  const pending = prepared.graph.units;
  const serialHours = pending.reduce((sum, unit) => sum + unit.hours, 0);
  const schedule = estimateScheduleOf(prepared, agents);
  const critical = criticalPathOf(prepared);
  const conflicts = conflictsOf(prepared);
  // The entries are this analysis's own objects: rounded in place rather than copied.
  for (const entry of schedule.entries) {
    entry.start = round(entry.start);
    entry.end = round(entry.end);
  }
  const analysis: PlanAnalysis = {
    track: { id: plan.track.id, title: plan.track.title },
    tasks: plan.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      deps: task.deps,
      touches: task.touches,
      effortHours: round(task.effort.hours),
      model: task.model,
      costUsd: round(task.costUsd, 4),
      mode: task.mode,
      unit: task.parent ?? task.id,
      status: task.status,
    })),
    readySet: prepared.hasUniqueIds ? readySetOf(prepared) : readySet(units),
    waves: wavesOf(prepared),
    criticalPath: critical.ids,
    criticalPathHours: round(critical.hours),
    serialHours: round(serialHours),
    parallelHours: round(schedule.makespan),
    wavesHours: round(wavesScheduleOf(prepared, agents, false).makespan),
    agents,
    speedup: schedule.makespan > 0 ? round(serialHours / schedule.makespan, 3) : 1,
    costUsd: round(
      pending.reduce((sum, unit) => sum + unit.costUsd, 0),
      4,
    ),
    conflicts: conflicts.pairs,
    schedule: schedule.entries,
  };
  return { analysis, conflictsTruncated: conflicts.truncated };
}

/** `conflictPairs` of the units not done, reusing their parsed touches and lock ids. */
function conflictsOf(prepared: PreparedGraph): ReturnType<typeof rankedConflictPairs> {
  const { units } = prepared.graph;
  const { touches } = prepared;
  const { table, start, ids } = prepared.locks;
  const ranked = sortIfNeeded(
    units.map((_, i) => i),
    (a, b) => (units[a] as DispatchUnit).order - (units[b] as DispatchUnit).order,
  );
  // Units from `dispatchUnits` are in plan order already; otherwise the lists follow the ranking.
  if (ranked.every((i, rank) => i === rank)) return rankedConflictPairs(units, touches, start, ids);
  const rankedTouches = ranked.map((i) => touches[i] as Touch[]);
  const flat = lockIdsOf(rankedTouches, table);
  return rankedConflictPairs(
    ranked.map((i) => units[i] as DispatchUnit),
    rankedTouches,
    flat.start,
    flat.ids,
  );
}
