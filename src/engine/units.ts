// Dispatch units from a plan: what is actually dispatched. A parent task goes out as one unit with its ordered
// subtasks; a standalone task as a unit of one; a leaf subtask never alone. The unit carries what the scheduler
// needs: the work left, the locks to take, and the units it waits for.

import type { ConcurrencyClass, Plan, Task, TaskStatus } from "../plan/model.js";
import type { DispatchUnit } from "./types.js";

const strength: Record<ConcurrencyClass, number> = { "read-only": 0, "write-local": 1, "write-shared": 2 };

/**
 * Task id → id of the unit that holds it: the task's top-most ancestor. The normaliser rejects broken parent
 * links; should one get through, a task whose parent is unknown is its own unit, and a parent cycle becomes one
 * unit, so every task still belongs to exactly one unit.
 */
export function unitOf(plan: Plan): Map<string, string> {
  return unitRoots(plan, firstById(plan));
}

/** Id → the first task with that id. */
function firstById(plan: Plan): Map<string, Task> {
  const byId = new Map<string, Task>();
  for (const task of plan.tasks) if (!byId.has(task.id)) byId.set(task.id, task);
  return byId;
}

function unitRoots(plan: Plan, byId: ReadonlyMap<string, Task>): Map<string, string> {
  const root = new Map<string, string>();
  for (const task of plan.tasks) {
    if (root.has(task.id)) continue;
    const parentRoot = task.parent === null ? task.id : root.get(task.parent);
    if (parentRoot !== undefined && byId.get(task.id) === task) {
      // The usual case, a top-level task or a subtask listed after its parent: no walk needed.
      root.set(task.id, parentRoot);
      continue;
    }
    const path: string[] = [];
    const onPath = new Set<string>();
    let id = task.id;
    for (;;) {
      const known = root.get(id);
      if (known !== undefined) break;
      const parent = byId.get(id)?.parent ?? null;
      if (parent === null || !byId.has(parent) || onPath.has(id)) {
        root.set(id, id);
        break;
      }
      path.push(id);
      onPath.add(id);
      id = parent;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const member = path[i] as string;
      if (!root.has(member)) root.set(member, root.get(byId.get(member)?.parent as string) as string);
    }
  }
  return root;
}

/** Dispatch units in plan order (see `DispatchUnit`). */
export function dispatchUnits(plan: Plan): DispatchUnit[] {
  const byId = firstById(plan);
  if (plan.tasks.every((task) => task.parent === null)) return standaloneUnits(plan, byId);
  const unitIds = unitRoots(plan, byId);
  const members = membersByUnit(plan, byId, unitIds);
  const units: DispatchUnit[] = [];
  for (const [id, taskIds] of members) {
    const head = byId.get(id) as Task;
    const work = taskIds.map((taskId) => byId.get(taskId) as Task);
    // The parent's own deps, touches, class and mode bind the whole unit; its work is that of its subtasks.
    const all = taskIds[0] === id ? work : [head, ...work];
    const deps = new FirstSeen();
    const touches = new FirstSeen();
    let concurrency: ConcurrencyClass = "read-only";
    for (const task of all) {
      for (const dep of task.deps) {
        const unit = unitIds.get(dep);
        if (unit !== undefined && unit !== id) deps.add(unit);
      }
      for (const touch of task.touches) {
        touches.add(touch);
      }
      if (strength[task.concurrency] > strength[concurrency]) concurrency = task.concurrency;
    }
    const left = work.filter((task) => task.status !== "done");
    units.push({
      id,
      title: head.title,
      taskIds,
      deps: deps.items,
      touches: touches.items,
      concurrency,
      mode: all.some((task) => task.mode === "foreground") ? "foreground" : "background",
      hours: left.reduce((sum, task) => sum + task.effort.hours, 0),
      costUsd: left.reduce((sum, task) => sum + task.costUsd, 0),
      status: unitStatus(work.map((task) => task.status)),
      order: units.length,
    });
  }
  return units;
}

/**
 * `dispatchUnits` for a plan without subtasks, the usual large plan: each task (the first with its id) is a unit
 * of one, and the general rules reduce to copying its fields.
 */
function standaloneUnits(plan: Plan, byId: ReadonlyMap<string, Task>): DispatchUnit[] {
  const units: DispatchUnit[] = [];
  for (const task of plan.tasks) {
    if (byId.get(task.id) !== task) continue;
    const id = task.id;
    const left = task.status !== "done";
    units.push({
      id,
      title: task.title,
      taskIds: [id],
      deps: distinct(task.deps, id, byId),
      touches: distinct(task.touches, null, null),
      concurrency: strength[task.concurrency] > strength["read-only"] ? task.concurrency : "read-only",
      mode: task.mode === "foreground" ? "foreground" : "background",
      hours: left ? 0 + task.effort.hours : 0,
      costUsd: left ? 0 + task.costUsd : 0,
      status: unitStatus([task.status]),
      order: units.length,
    });
  }
  return units;
}

/**
 * Each item once, in first-seen order, a copy in the usual case of nothing to drop. With `known`, only items it
 * has and that are not `self` are kept (a unit's dependencies: no self-loop, no unknown task).
 */
function distinct(
  items: readonly string[],
  self: string | null,
  known: ReadonlyMap<string, unknown> | null,
): string[] {
  let clean = items.length <= 16;
  for (let i = 0; clean && i < items.length; i++) {
    const item = items[i] as string;
    clean = keeps(item, self, known) && items.indexOf(item) === i;
  }
  if (clean) return items.slice();
  const seen = new FirstSeen();
  for (const item of items) if (keeps(item, self, known)) seen.add(item);
  return seen.items;
}

function keeps(item: string, self: string | null, known: ReadonlyMap<string, unknown> | null): boolean {
  return known === null || (item !== self && known.has(item));
}

/** Distinct strings in first-seen order. Lists are short, so a scan; a Set once one grows (hostile plans). */
class FirstSeen {
  readonly items: string[] = [];
  private seen: Set<string> | null = null;

  add(item: string): void {
    if (this.seen === null && this.items.length >= 16) this.seen = new Set(this.items);
    if (this.seen ? this.seen.has(item) : this.items.includes(item)) return;
    this.items.push(item);
    this.seen?.add(item);
  }
}

/** Done when every task is done; doing when any is done or doing (work has begun); todo otherwise. */
function unitStatus(statuses: readonly TaskStatus[]): TaskStatus {
  if (statuses.every((status) => status === "done")) return "done";
  return statuses.some((status) => status !== "todo") ? "doing" : "todo";
}

/**
 * Unit id → its task ids, units in plan order. A parent's members follow its `subtasks` order; members the list
 * omits follow in plan order. A unit without members is `[id]`.
 */
function membersByUnit(
  plan: Plan,
  byId: ReadonlyMap<string, Task>,
  unitIds: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const task of plan.tasks)
    if (unitIds.get(task.id) === task.id && !members.has(task.id)) members.set(task.id, []);
  const placed = new Set<string>();
  const place = (taskId: string): void => {
    const unit = unitIds.get(taskId);
    if (unit === undefined || unit === taskId || placed.has(taskId)) return;
    placed.add(taskId);
    members.get(unit)?.push(taskId);
  };
  for (const id of members.keys()) {
    for (const subtask of byId.get(id)?.subtasks ?? []) if (unitIds.get(subtask) === id) place(subtask);
  }
  for (const task of plan.tasks) place(task.id);
  for (const [id, list] of members) if (list.length === 0) list.push(id);
  return members;
}
