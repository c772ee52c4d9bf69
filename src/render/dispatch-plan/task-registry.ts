// The Task registry: one table row per task, subtasks indented under their parent, done and running tasks marked.

import type { Task } from "../../plan/model.js";
import { formatHours, formatUsd } from "../format-numbers.js";
import { codeSpan, escapeId, escapeInline, inlineList, renderTable } from "../markdown-text.js";
import type { DispatchPlanContext } from "./context.js";

const header = ["Task", "Title", "Role", "Model", "Concurrency", "Mode", "Effort", "Cost", "Deps", "Touches"];

export function renderTaskRegistry(context: DispatchPlanContext): string[] {
  const { ordered, children } = orderedWithDepth(context.plan.tasks);
  const rows = ordered.map(({ task, depth }) => registryRow(task, depth, children.get(task.id) ?? []));
  return [
    "## Task registry",
    "",
    "Done tasks are struck through; `(doing)` marks a task in progress; `↳` marks a subtask, dispatched with its parent.",
    "",
    ...renderTable(header, rows),
  ];
}

function registryRow(task: Task, depth: number, subtasks: readonly Task[]): string[] {
  const touches =
    task.concurrency === "read-only"
      ? "read-only"
      : task.touches.length === 0
        ? "—"
        : inlineList(task.touches, (touch) => codeSpan(touch, { inTable: true }));
  return [
    taskCell(task, depth),
    escapeInline(task.title),
    task.role === null ? "—" : escapeInline(task.role, 60),
    escapeInline(task.model, 40),
    task.concurrency,
    task.mode === "foreground" ? "FG" : "BG",
    ...effortAndCost(task, subtasks),
    task.deps.length === 0 ? "—" : inlineList(task.deps, (dep) => escapeId(dep)),
    touches,
  ];
}

/** A parent that only groups its subtasks shows their total, so its row does not read as free, instant work. */
function effortAndCost(task: Task, subtasks: readonly Task[]): [string, string] {
  if (subtasks.length > 0 && task.effort.hours === 0 && task.costUsd === 0) {
    const hours = subtasks.reduce((sum, subtask) => sum + subtask.effort.hours, 0);
    const cost = subtasks.reduce((sum, subtask) => sum + subtask.costUsd, 0);
    return [`${formatHours(hours)} in subtasks`, `${formatUsd(cost)} in subtasks`];
  }
  const hours = formatHours(task.effort.hours);
  return [task.effort.size === null ? hours : `${task.effort.size} (${hours})`, formatUsd(task.costUsd)];
}

function taskCell(task: Task, depth: number): string {
  const id = escapeId(task.id);
  const marked = task.status === "done" ? `~~${id}~~ (done)` : task.status === "doing" ? `${id} (doing)` : id;
  // Leading spaces are trimmed from a table cell; non-breaking ones survive and show deeper nesting.
  const indent = depth === 0 ? "" : `${"\u00a0\u00a0".repeat(Math.min(depth, 5) - 1)}↳ `;
  return `${indent}${marked}`;
}

/**
 * Plan order, each subtask right under its parent (and its own subtasks under it). Iterative so a hostile
 * 50,000-deep parent chain cannot overflow the stack; tasks caught in a parent cycle are listed at the end.
 */
function orderedWithDepth(tasks: readonly Task[]): {
  ordered: { task: Task; depth: number }[];
  children: Map<string, Task[]>;
} {
  const ids = new Set(tasks.map((task) => task.id));
  const children = new Map<string, Task[]>();
  for (const task of tasks) {
    if (task.parent === null || !ids.has(task.parent)) continue;
    const list = children.get(task.parent) ?? [];
    list.push(task);
    children.set(task.parent, list);
  }
  const ordered: { task: Task; depth: number }[] = [];
  const emitted = new Set<Task>();
  const visit = (root: Task): void => {
    const stack = [{ task: root, depth: 0 }];
    while (stack.length > 0) {
      const next = stack.pop() as { task: Task; depth: number };
      if (emitted.has(next.task)) continue;
      emitted.add(next.task);
      ordered.push(next);
      const kids = children.get(next.task.id) ?? [];
      for (let index = kids.length - 1; index >= 0; index--) {
        stack.push({ task: kids[index] as Task, depth: next.depth + 1 });
      }
    }
  };
  for (const task of tasks) if (task.parent === null || !ids.has(task.parent)) visit(task);
  for (const task of tasks) visit(task);
  return { ordered, children };
}
