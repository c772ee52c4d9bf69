// Everything `swarm-dispatch plan` shows about a plan, computed from the dispatch units: ready set, waves,
// critical path, the estimated continuous-dispatch schedule and the wave-barrier one beside it, cost, conflicts.

import type { Plan } from "../plan/model.js";
import { conflictPairs } from "./conflicts.js";
import { criticalPath, waves } from "./graph.js";
import type { PlanAnalysis } from "./plan-analysis.js";
import { readySet } from "./ready-set.js";
import { estimateSchedule, wavesSchedule } from "./schedule.js";
import { dispatchUnits } from "./units.js";

export interface AnalysisResult {
  analysis: PlanAnalysis;
  /** True when there were more conflicting pairs than `conflicts` lists. */
  conflictsTruncated: boolean;
}

/** Floats from summing hours and rates: keep output stable and readable (`0.3`, not `0.30000000000000004`). */
const round = (value: number, digits = 6): number => Number(value.toFixed(digits));

export function analyzePlan(plan: Plan, agents: number = plan.track.maxParallel): AnalysisResult {
  const units = dispatchUnits(plan);
  const pending = units.filter((unit) => unit.status !== "done");
  const serialHours = pending.reduce((sum, unit) => sum + unit.hours, 0);
  const schedule = estimateSchedule(units, agents);
  const critical = criticalPath(units);
  const conflicts = conflictPairs(pending);
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
    readySet: readySet(units),
    waves: waves(units),
    criticalPath: critical.ids,
    criticalPathHours: round(critical.hours),
    serialHours: round(serialHours),
    parallelHours: round(schedule.makespan),
    wavesHours: round(wavesSchedule(units, agents).makespan),
    agents,
    speedup: schedule.makespan > 0 ? round(serialHours / schedule.makespan, 3) : 1,
    costUsd: round(
      pending.reduce((sum, unit) => sum + unit.costUsd, 0),
      4,
    ),
    conflicts: conflicts.pairs,
    schedule: schedule.entries.map((entry) => ({
      ...entry,
      start: round(entry.start),
      end: round(entry.end),
    })),
  };
  return { analysis, conflictsTruncated: conflicts.truncated };
}
