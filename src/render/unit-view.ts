// The dispatch units as the dispatch plan shows them, rebuilt from the analysis (which names each task's unit) and
// the plan (which holds what the analysis leaves out: concurrency class, auto-spawn rule). Rendering must not call
// the engine, so this is a plain regrouping, not a second implementation of the unit rules.

import type { AnalysedTask, PlanAnalysis } from "../engine/plan-analysis.js";
import type { DispatchUnit } from "../engine/types.js";
import type { AutoSpawnRule, ConcurrencyClass, Plan, Task, TaskStatus } from "../plan/model.js";

export interface UnitView extends DispatchUnit {
  /** The unit's own task's rule (the parent's for a parent with subtasks). */
  autoSpawn: AutoSpawnRule;
}

const concurrencyStrength: Record<ConcurrencyClass, number> = {
  "read-only": 0,
  "write-local": 1,
  "write-shared": 2,
};

export function unitViews(plan: Plan, analysis: PlanAnalysis): UnitView[] {
  const planTasks = new Map<string, Task>(plan.tasks.map((task) => [task.id, task]));
  const unitOf = new Map<string, string>(analysis.tasks.map((task) => [task.id, task.unit]));
  const members = new Map<string, AnalysedTask[]>();
  for (const task of analysis.tasks) {
    const list = members.get(task.unit) ?? [];
    list.push(task);
    members.set(task.unit, list);
  }
  return [...members].map(([id, tasks], order) => {
    const head = tasks.find((task) => task.id === id) ?? (tasks[0] as AnalysedTask);
    const deps = new Set<string>();
    const touches = new Set<string>();
    let concurrency: ConcurrencyClass = "read-only";
    let hours = 0;
    let costUsd = 0;
    for (const task of tasks) {
      for (const dep of task.deps) {
        const depUnit = unitOf.get(dep) ?? dep;
        if (depUnit !== id) deps.add(depUnit);
      }
      for (const touch of task.touches) touches.add(touch);
      const declared =
        planTasks.get(task.id)?.concurrency ?? (task.touches.length > 0 ? "write-local" : "read-only");
      if (concurrencyStrength[declared] > concurrencyStrength[concurrency]) concurrency = declared;
      if (task.status !== "done") {
        hours += task.effortHours;
        costUsd += task.costUsd;
      }
    }
    return {
      id,
      title: head.title,
      taskIds: tasks.map((task) => task.id),
      deps: [...deps],
      touches: [...touches],
      concurrency,
      mode: tasks.some((task) => task.mode === "foreground") ? "foreground" : "background",
      hours,
      costUsd,
      status: unitStatus(tasks.length > 1 ? tasks.filter((task) => task.id !== id) : tasks),
      order,
      autoSpawn: planTasks.get(head.id)?.autoSpawn ?? "none",
    };
  });
}

// A parent's status follows its subtasks (the parent itself is only their container), hence the caller passes them.
function unitStatus(tasks: readonly AnalysedTask[]): TaskStatus {
  if (tasks.every((task) => task.status === "done")) return "done";
  return tasks.some((task) => task.status !== "todo") ? "doing" : "todo";
}
