// A dispatch unit's task issue: the title and the body the app creates once per unit (found again by its marker).
// The body is the brief an agent works from, then the rules it follows, then the hidden marker. It stays within
// GitHub's 65,536 characters: the brief is cut at a line boundary when it would not fit, and says so; the rules
// and the marker are never cut. Every unit's spec follows the marker (task-issue-spec.ts): the Action reads the
// task's touches, routing and effort from it, and a rebuild of the state adds spawned units back from it.

import type { UnitSpec } from "../engine/track/state.js";
import type { Task } from "../plan/model.js";
import { plainText } from "./markdown-text.js";
import { issueTitleText } from "./markdown-text-github.js";
import {
  renderAcceptance,
  renderFacts,
  renderGateNames,
  renderGoal,
  renderSubtasks,
  renderTouches,
} from "./task-issue-brief.js";
import { taskMarker, trackField } from "./task-issue-marker.js";
import { renderPrerequisites, type TaskIssuePrerequisite } from "./task-issue-prerequisites.js";
import { renderRules } from "./task-issue-rules.js";
import { specBlock } from "./task-issue-spec.js";

export type { TaskIssuePrerequisite } from "./task-issue-prerequisites.js";

export interface TaskIssueInput {
  /** The track issue's number. */
  track: string | number;
  unit: UnitSpec;
  /** The plan's tasks of the unit: its head and its subtasks (any order; empty for a spawned unit). */
  tasks: readonly Task[];
  prerequisites: readonly TaskIssuePrerequisite[];
}

export interface TaskIssue {
  title: string;
  body: string;
}

/** GitHub's limits on an issue's title and body, in characters. */
export const maxTitleChars = 256;
export const maxIssueBodyChars = 65_536;

export function renderTaskIssue(input: TaskIssueInput, maxChars = maxIssueBodyChars): TaskIssue {
  const track = trackField(input.track);
  const { unit } = input;
  const tasks = new Map<string, Task>();
  for (const task of input.tasks) if (!tasks.has(task.id)) tasks.set(task.id, task);
  const head = tasks.get(unit.id);
  const intro = [
    "This issue is the brief an agent works from. Swarm Dispatch keeps its labels current; comment `/retry`, " +
      "`/cancel` or `/answer …` here to steer it.",
    "",
    ...renderFacts(track, unit, head),
  ].join("\n");
  const brief = [
    renderGoal(unit, head),
    renderAcceptance(unit, head),
    renderTouches(unit),
    renderSubtasks(unit, tasks),
    renderGateNames(unit, [...tasks.values()]),
    renderPrerequisites(unit, input.prerequisites),
  ]
    .filter((section) => section.length > 0)
    .map((section) => section.join("\n"))
    .join("\n\n");
  const base = `${renderRules().join("\n")}\n\n${taskMarker(track, unit.id)}\n`;
  // The spec counts against the brief's room; one too large for the body even with the brief cut is left out
  // (the body must stay within GitHub's limit): the Action then refuses to run the task, and says why.
  const block = `${specBlock(unit)}\n`;
  const fits = intro.length + base.length + block.length + cutNote.length + 6 <= maxChars;
  const tail = fits ? `${base}${block}` : base;
  const room = maxChars - intro.length - tail.length - 4;
  return {
    title: taskIssueTitle(unit),
    body: `${intro}\n\n${fitBrief(brief, room)}\n\n${tail}`,
  };
}

/** `T04: Add the login form`, one line, no mention or reference, at most 256 characters. */
export function taskIssueTitle(unit: Pick<UnitSpec, "id" | "title">): string {
  const title = plainText(unit.title, maxTitleChars);
  const id = plainText(unit.id, 120) || "(blank id)";
  return issueTitleText(title === "" ? id : `${id}: ${title}`, maxTitleChars);
}

const cutNote =
  "> **Cut:** this brief is longer than an issue body may be. The rest is in the plan on the track issue.";

/** The brief whole, or its first lines that fit in `room` with a note that it was cut. */
function fitBrief(brief: string, room: number): string {
  if (brief.length <= room) return brief;
  const limit = Math.max(0, room - cutNote.length - 2);
  const lineEnd = brief.lastIndexOf("\n", limit);
  const kept = lineEnd <= 0 ? "" : brief.slice(0, lineEnd).trimEnd();
  return kept === "" ? cutNote : `${kept}\n\n${cutNote}`;
}
