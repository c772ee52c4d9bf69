// A unit's fixed description from the plan: dispatch units (see units.ts) plus what the track needs per task
// (hours and cost, to estimate the work left after a checkpoint) and the routing of the unit's head task.

import type { Plan, Task } from "../../plan/model.js";
import type { DispatchUnit } from "../types.js";
import { dispatchUnits } from "../units.js";
import type { UnitSpec } from "./state.js";

/** The plan's dispatch units as specs, in plan order, and the tasks the plan already marks done. */
export function unitSpecsOf(plan: Plan): { specs: UnitSpec[]; done: Map<string, string[]> } {
  const byId = new Map<string, Task>();
  for (const task of plan.tasks) if (!byId.has(task.id)) byId.set(task.id, task);
  const specs: UnitSpec[] = [];
  const done = new Map<string, string[]>();
  for (const unit of dispatchUnits(plan)) {
    const head = byId.get(unit.id) as Task;
    const tasks = unit.taskIds.map((id) => byId.get(id) as Task);
    specs.push(specOf(unit, head, tasks));
    done.set(
      unit.id,
      tasks.filter((task) => task.status === "done").map((task) => task.id),
    );
  }
  return { specs, done };
}

function specOf(unit: DispatchUnit, head: Task, tasks: readonly Task[]): UnitSpec {
  const all = [head, ...tasks];
  const routed = tasks[0] ?? head;
  return {
    id: unit.id,
    title: unit.title,
    taskIds: [...unit.taskIds],
    deps: [...unit.deps],
    touches: [...unit.touches],
    concurrency: unit.concurrency,
    needsPerson: all.some((task) => task.mode === "foreground" || task.needsUserInput),
    taskHours: tasks.map((task) => task.effort.hours),
    taskCostUsd: tasks.map((task) => task.costUsd),
    role: head.role ?? routed.role,
    model: head.subtasks.length > 0 ? routed.model : head.model,
    autoSpawn: head.autoSpawn,
    gates: [...new Set(all.flatMap((task) => task.gates))],
    origin: { kind: "plan" },
    order: unit.order,
  };
}

/** Hours and cost of the tasks not yet done. */
export function workLeft(spec: UnitSpec, doneTasks: readonly string[]): { hours: number; costUsd: number } {
  let hours = 0;
  let costUsd = 0;
  spec.taskIds.forEach((id, k) => {
    if (doneTasks.includes(id)) return;
    hours += spec.taskHours[k] ?? 0;
    costUsd += spec.taskCostUsd[k] ?? 0;
  });
  return { hours, costUsd };
}

/** The subtasks left, in order: where the next attempt starts. */
export function tasksLeft(spec: UnitSpec, doneTasks: readonly string[]): string[] {
  return spec.taskIds.filter((id) => !doneTasks.includes(id));
}

/** Whether two specs describe the same work (what an edit of a dispatched task may not change). */
export function sameWork(a: UnitSpec, b: UnitSpec): boolean {
  const same = (x: readonly unknown[], y: readonly unknown[]) =>
    x.length === y.length && x.every((item, k) => item === y[k]);
  return (
    same(a.taskIds, b.taskIds) &&
    same(a.deps, b.deps) &&
    same(a.touches, b.touches) &&
    a.concurrency === b.concurrency &&
    a.title === b.title
  );
}
