// The brief of a task issue: what the unit is for, what done means, which files it may change and, for a parent,
// its subtasks in order. Every piece of plan text goes through the issue-safe escapes; each list has a cap so one
// absurd plan entry cannot crowd out the rest (the whole body is capped again in task-issue.ts).

import type { UnitSpec } from "../engine/track/state.js";
import type { Task } from "../plan/model.js";
import { formatHours } from "./format-numbers.js";
import { inlineList } from "./markdown-text.js";
import { issueBlockText, issueCode, issueId, issueInline } from "./markdown-text-github.js";

const maxCriteria = 100;
const maxTouches = 300;
const criterionChars = 500;
/** No section renders past what a whole body may hold: the rest would be cut anyway, and costs time. */
const sectionChars = 65_536;

/** The unit's routing and size: who works on it, with which model, for how long. */
export function renderFacts(track: string, unit: UnitSpec, head: Task | undefined): string[] {
  const hours = unit.taskHours.reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0);
  const size = unit.taskIds.length === 1 && head?.effort.size ? ` (${head.effort.size})` : "";
  const lines = [
    `- **Task:** ${issueCode(unit.id, { maxChars: 100 })} of track ${track}, ${originText(unit)}`,
    `- **Role:** ${unit.role === null ? "any" : issueInline(unit.role, 100)}`,
    `- **Model:** ${issueInline(unit.model, 100)}`,
    `- **Effort:** ${formatHours(hours)}${size} estimated`,
    `- **Concurrency:** ${unit.concurrency}`,
  ];
  if (unit.needsPerson) {
    lines.push("- **Before it starts:** waits for a person (`/dispatch` or `/answer` on this issue)");
  }
  return lines;
}

function originText(unit: UnitSpec): string {
  const { origin } = unit;
  if (origin.kind === "spawn") return `spawned from the report of ${issueId(origin.by)}`;
  if (origin.kind === "gate") return `to close a gap of gate ${issueInline(origin.gate, 100)}`;
  return "from the plan";
}

export function renderGoal(unit: UnitSpec, head: Task | undefined): string[] {
  const title = head?.title && head.title !== unit.title ? head.title : unit.title;
  const goal = issueBlockText(title, 1000);
  return [
    "### Goal",
    "",
    goal === "" ? "(The plan gives this task no title: see its acceptance criteria.)" : goal,
  ];
}

/** A list of plan strings, one item each, indented under `indent`; `none` when there are none. */
export function bulletList(items: readonly string[], indent: string, max = maxCriteria): string[] {
  const lines = items
    .slice(0, max)
    .map((item) => `${indent}- ${issueBlockText(item, criterionChars) || "(blank)"}`);
  if (items.length > max) lines.push(`${indent}- … and ${items.length - max} more in the plan`);
  return lines;
}

export function renderAcceptance(unit: UnitSpec, head: Task | undefined): string[] {
  const lines = ["### Acceptance criteria", ""];
  const criteria = head?.acceptance ?? [];
  if (criteria.length === 0) {
    const parent = unit.taskIds.length > 1 || unit.taskIds[0] !== unit.id;
    lines.push(
      parent ? "Every subtask's criteria below hold." : "None given: the goal decides what done means.",
    );
  } else lines.push(...bulletList(criteria, ""));
  const artifacts = head?.artifacts ?? [];
  if (artifacts.length > 0) lines.push("", "Deliver:", "", ...bulletList(artifacts, ""));
  return lines;
}

export function renderTouches(unit: UnitSpec): string[] {
  const lines = ["### Touches", ""];
  if (unit.touches.length === 0) {
    lines.push("None: this task changes no files (read-only).");
    return lines;
  }
  lines.push("Change only these paths (a folder ending in `/` covers everything under it):", "");
  for (const touch of unit.touches.slice(0, maxTouches))
    lines.push(`- ${issueCode(touch, { maxChars: 300 })}`);
  if (unit.touches.length > maxTouches)
    lines.push(`- … and ${unit.touches.length - maxTouches} more in the plan`);
  return lines;
}

/** A parent's subtasks in order, each with its own routing, criteria, deliverables and touches. */
export function renderSubtasks(unit: UnitSpec, tasks: ReadonlyMap<string, Task>): string[] {
  if (unit.taskIds.length === 1 && unit.taskIds[0] === unit.id) return [];
  const lines = ["### Subtasks", "", "Do them in this order and commit after each one:", ""];
  let used = 0;
  for (const [index, id] of unit.taskIds.entries()) {
    if (used > sectionChars) {
      lines.push(`${index + 1}. … and ${unit.taskIds.length - index} more subtasks in the plan`);
      break;
    }
    const block = subtaskLines(index, id, unit.taskHours[index], tasks.get(id));
    for (const line of block) used += line.length + 1;
    lines.push(...block);
  }
  return lines;
}

function subtaskLines(
  index: number,
  id: string,
  planned: number | undefined,
  task: Task | undefined,
): string[] {
  const hours = planned ?? task?.effort.hours ?? 0;
  const title = task ? issueInline(task.title, 300) : "";
  const facts = [task?.role ? issueInline(task.role, 60) : null, task ? issueInline(task.model, 60) : null]
    .filter((fact) => fact !== null)
    .concat(`${formatHours(hours)}${task?.effort.size ? ` (${task.effort.size})` : ""}`);
  const lines = [`${index + 1}. **${issueId(id)}**${title === "" ? "" : `: ${title}`} (${facts.join(", ")})`];
  if (!task) return lines;
  if (task.acceptance.length > 0) lines.push("   - Done when:", ...bulletList(task.acceptance, "     "));
  if (task.artifacts.length > 0) lines.push("   - Deliver:", ...bulletList(task.artifacts, "     "));
  if (task.touches.length > 0) {
    const touches = inlineList(task.touches, (touch) => issueCode(touch, { maxChars: 300 }), 50);
    lines.push(`   - Touches: ${touches}`);
  }
  return lines;
}

export function renderGateNames(unit: UnitSpec, tasks: readonly Task[]): string[] {
  const names = [...new Set([...unit.gates, ...tasks.flatMap((task) => task.gates)])];
  if (names.length === 0) return [];
  return [
    "### Gates",
    "",
    "The pull request must pass these gates (check runs on its head) before it can merge:",
    "",
    ...bulletList(names, "", 50),
  ];
}
