// A draft plan (any format) → the validated Plan, or null with every error in `diag`. This is where the plan
// rules live once for all formats: defaults, duplicate ids, groups, dependencies, cycles, gates, limits.

import { findCycles } from "../engine/cycles.js";
import { maxTasks } from "./defaults.js";
import type { Diagnostics } from "./diagnostics.js";
import type { DraftPlan, DraftTask } from "./draft.js";
import { type Gate, type Plan, planSchema, type Task } from "./model.js";
import { normalizeGates } from "./normalize-gates.js";
import { normalizeTask } from "./normalize-task.js";
import { normalizeTrack } from "./normalize-track.js";
import { type Group, type PlanEntry, resolveDeps } from "./resolve-deps.js";

/** Cycles beyond this many are summarised: one is enough to act on, a hostile plan may hold thousands. */
const maxCyclesReported = 20;

export function normalizePlan(draft: DraftPlan, fallbackId: string, diag: Diagnostics): Plan | null {
  const count = draft.tasks.reduce((sum, task) => sum + 1 + task.subtasks.length, 0);
  if (count > maxTasks) {
    diag.error(
      0,
      `the plan has ${count} tasks; at most ${maxTasks} are supported`,
      "split it into several tracks",
    );
    return null;
  }
  if (count === 0) {
    // An extractor that found nothing usable has said why; "no tasks" would only repeat it.
    if (!diag.hasErrors) diag.error(0, "the plan has no tasks");
    return null;
  }
  const track = normalizeTrack(draft.track, fallbackId, diag);
  const ctx = { diag, rates: track.modelRates, unknownModels: new Set<string>() };

  const entries: PlanEntry[] = [];
  const firstLine = new Map<string, number>();
  const accept = (taskDraft: DraftTask, parent: string | null): boolean => {
    // Every consumer keys objects by task id; this one id would replace an object's prototype instead.
    if (taskDraft.id === "__proto__") {
      diag.error(taskDraft.line, 'a task may not be called "__proto__"', "give the task another id");
      return false;
    }
    const first = firstLine.get(taskDraft.id);
    if (first !== undefined) {
      diag.error(
        taskDraft.line,
        `duplicate task id "${taskDraft.id}" (first defined at line ${first})`,
        "give each task its own id",
      );
      return false;
    }
    firstLine.set(taskDraft.id, taskDraft.line);
    entries.push({ task: normalizeTask(taskDraft, parent, ctx), draft: taskDraft });
    return true;
  };
  for (const top of draft.tasks) {
    if (!accept(top, null)) continue;
    const parent = (entries[entries.length - 1] as PlanEntry).task;
    parent.subtasks = top.subtasks.filter((subtask) => accept(subtask, top.id)).map((subtask) => subtask.id);
    if (parent.subtasks.length > 0) summarizeParent(parent, top, entries);
  }

  resolveDeps(entries, collectGroups(draft, entries, diag), diag);
  reportCycles(entries, diag);
  const gates = normalizeGates(draft.gates, diag);
  checkTaskGates(entries, gates, diag);
  if (diag.hasErrors) return null;

  const plan = { format: draft.format, file: diag.file, track, tasks: entries.map((e) => e.task), gates };
  const checked = planSchema.safeParse(plan);
  if (!checked.success) {
    // The normaliser should never build an invalid plan: say so plainly rather than hand it to the engine.
    diag.error(0, `internal error: the normalised plan does not match the model: ${checked.error.message}`);
    return null;
  }
  return checked.data;
}

/** A parent's effort, cost and status come from its subtasks (seed 003: parent status derives from subtasks). */
function summarizeParent(parent: Task, draft: DraftTask, entries: readonly PlanEntry[]): void {
  const subtasks = entries.filter((entry) => entry.task.parent === parent.id).map((entry) => entry.task);
  // A parent that declares neither touches nor a class is a heading over its subtasks, not a task that may write
  // anywhere: its unit's locks are its subtasks' (otherwise every checklist unit would run alone).
  if (!draft.fields.touches && !draft.fields.concurrency) {
    const classes = subtasks.map((t) => t.concurrency);
    parent.concurrency = classes.includes("write-shared")
      ? "write-shared"
      : classes.includes("write-local")
        ? "write-local"
        : "read-only";
  }
  parent.effort = { size: null, hours: subtasks.reduce((sum, t) => sum + t.effort.hours, 0) };
  parent.costUsd = subtasks.reduce((sum, t) => sum + t.costUsd, 0);
  parent.costExplicit = subtasks.every((t) => t.costExplicit);
  if (subtasks.every((t) => t.status === "done")) parent.status = "done";
  else if (subtasks.some((t) => t.status !== "todo")) parent.status = "doing";
  else parent.status = "todo";
}

function collectGroups(
  draft: DraftPlan,
  entries: readonly PlanEntry[],
  diag: Diagnostics,
): Map<string, Group> {
  const groups = new Map<string, Group>();
  const byId = new Map(entries.map((entry) => [entry.task.id, entry.task]));
  for (const g of draft.groups) {
    if (groups.has(g.name)) {
      diag.error(g.line, `duplicate group "${g.name}"`);
      continue;
    }
    if (byId.has(g.name))
      diag.error(g.line, `group "${g.name}" has the same name as a task`, "rename one of them");
    const members: string[] = [];
    for (const member of g.tasks) {
      const task = byId.get(member.value);
      if (!task) diag.error(member.line, `group "${g.name}" lists unknown task "${member.value}"`);
      else if (task.parent !== null)
        diag.error(member.line, `group "${g.name}" lists ${task.id}, a subtask of ${task.parent}`);
      else members.push(task.id);
    }
    groups.set(g.name, { name: g.name, line: g.line, members, deps: g.deps ?? null });
  }
  for (const { task, draft: taskDraft } of entries) {
    if (!task.group) continue;
    if (byId.has(task.group))
      diag.error(
        taskDraft.fields.group?.line ?? taskDraft.line,
        `group "${task.group}" has the same name as a task`,
      );
    let group = groups.get(task.group);
    if (!group) {
      group = { name: task.group, line: taskDraft.line, members: [], deps: null };
      groups.set(task.group, group);
    }
    if (!group.members.includes(task.id)) group.members.push(task.id);
  }
  for (const group of groups.values()) {
    for (const member of group.members) {
      const task = byId.get(member);
      if (task && task.group === null) task.group = group.name;
    }
  }
  return groups;
}

/** Cycles between tasks, and between dispatch units (a subtask's dependency is its whole unit's). */
function reportCycles(entries: readonly PlanEntry[], diag: Diagnostics): void {
  const byId = new Map(entries.map((entry) => [entry.task.id, entry]));
  const report = (cycles: string[][], what: string) => {
    for (const cycle of cycles.slice(0, maxCyclesReported)) {
      const line = byId.get(cycle[0] as string)?.draft.line ?? 0;
      diag.error(line, `${what}: ${cycle.join(" → ")}`, "remove one of these dependencies");
    }
    if (cycles.length > maxCyclesReported)
      diag.error(0, `… and ${cycles.length - maxCyclesReported} more dependency cycles`);
  };
  const ids = entries.map((entry) => entry.task.id);
  const taskCycles = findCycles(ids, (id) => byId.get(id)?.task.deps ?? []);
  if (taskCycles.length > 0) {
    report(taskCycles, "dependency cycle");
    return;
  }

  const unitOf = (id: string): string => byId.get(id)?.task.parent ?? id;
  const unitDeps = new Map<string, string[]>();
  for (const { task } of entries) {
    const unit = unitOf(task.id);
    const deps = unitDeps.get(unit) ?? [];
    for (const dep of task.deps) if (unitOf(dep) !== unit) deps.push(unitOf(dep));
    unitDeps.set(unit, deps);
  }
  report(
    findCycles([...unitDeps.keys()], (id) => unitDeps.get(id) ?? []),
    "dependency cycle between dispatch units",
  );
}

function checkTaskGates(entries: readonly PlanEntry[], gates: readonly Gate[], diag: Diagnostics): void {
  const names = new Set(gates.map((gate) => gate.name));
  const warned = new Set<string>();
  for (const { task, draft } of entries) {
    if (task.gates.some((gate) => /^all( gates)?$/i.test(gate))) {
      task.gates = gates.map((gate) => gate.name);
      continue;
    }
    for (const gate of task.gates) {
      if (names.has(gate) || warned.has(gate) || gates.length === 0) continue;
      warned.add(gate);
      diag.warning(
        draft.fields.gates?.line ?? draft.line,
        `${task.id} names gate "${gate}", which the plan's gates do not list`,
      );
    }
  }
}
