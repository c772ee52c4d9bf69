// The brief file the agent reads ($SWARM_BRIEF): who it is and what it works on, the task issue's brief as the
// app wrote it (goal, acceptance, touches, subtasks, prerequisites with their handoff notes, the rules), the files
// it may change, and how to write its report. The issue's hidden lines (marker, spec) are left out: they are
// the app's, not the agent's.

import type { UnitSpec } from "../engine/track/state.js";
import { reportTemplate } from "../report/index.js";

export interface BriefInput {
  track: string;
  attempt: number;
  spec: UnitSpec;
  issue: number;
  issueBody: string;
  alwaysAllowed: readonly string[];
  timeoutMinutes: number;
}

const hiddenLine = /^<!-- swarm-dispatch:/;

export function renderBrief(input: BriefInput): string {
  const { spec } = input;
  const body = input.issueBody
    .split(/\r?\n/)
    .filter((line) => !hiddenLine.test(line))
    .join("\n")
    .trim();
  const touches =
    spec.concurrency === "write-shared" && spec.touches.length === 0
      ? ["- any file (this task runs alone)"]
      : spec.concurrency === "read-only"
        ? ["- none: this task only reads"]
        : spec.touches.map((touch) => `- \`${touch}\``);
  const allowed = input.alwaysAllowed.map((path) => `- \`${path}\` (any task may change it)`);
  return [
    `# Brief: ${spec.id} (track #${input.track}, attempt ${input.attempt})`,
    "",
    `Role: ${spec.role ?? "any"} · model: ${spec.model} · time limit: ${input.timeoutMinutes} minutes. ` +
      `Your work is committed and pushed for you (also while you work, and when the time runs out).`,
    input.attempt > 1
      ? "This is a retry: the branch holds what earlier attempts saved. Start from the first subtask not done."
      : "",
    "",
    `## The task (task issue #${input.issue})`,
    "",
    body,
    "",
    "## Files you may change",
    "",
    ...touches,
    ...allowed,
    "",
    "## Subtasks, in order",
    "",
    ...spec.taskIds.map((task, index) => `${index + 1}. ${task}`),
    "",
    "## Your report",
    "",
    "Write it to the file named by $SWARM_REPORT before you stop, in this form (every section; write `None` where",
    "there is nothing). It becomes the pull request's report; a report that is missing or unreadable fails the",
    "attempt's review.",
    "",
    "````markdown",
    reportTemplate,
    "````",
    "",
  ].join("\n");
}
