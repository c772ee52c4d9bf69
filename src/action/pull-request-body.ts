// The task pull request's body: what happened to the attempt (how the run ended, what was saved, files outside
// the touches, why a report was rejected), the agent's report rendered for people, and last the machine-readable
// block the app reads. GitHub allows 65,536 characters; the block (at most 32 KB) is never cut, the human part is.

import { truncate } from "../render/markdown-text.js";
import { neutraliseReferences } from "../render/markdown-text-github.js";
import { renderReport, renderReportBlock } from "../report/index.js";
import type { AgentReport, ReportBlock } from "../report/report-model.js";

export const maxBodyChars = 65_536;

export interface BodyInput {
  block: ReportBlock;
  report: AgentReport | null;
  issue: number;
  reportFile: string;
  timeoutMinutes: number;
  /** Files the checkpoints and the final commit saved. */
  saved: readonly string[];
}

const outcomeWords: Record<ReportBlock["outcome"], string> = {
  completed: "the agent finished",
  failed: "the agent failed (it exited with an error)",
  "timed-out": "the agent ran out of time and was stopped",
};

export function pullRequestBody(input: BodyInput): string {
  const { block } = input;
  const head = [
    `**${code(block.task)}** of track #${block.track} · task issue #${input.issue} · attempt ${block.attempt}: ${outcomeWords[block.outcome]}.`,
  ];
  if (block.outcome === "timed-out")
    head.push(
      "",
      `It was stopped after ${input.timeoutMinutes} minutes. What it had written is saved on this branch: ${list(input.saved)}.`,
    );
  if (block.outcome === "failed" && input.saved.length > 0)
    head.push("", `What it had written is saved on this branch: ${list(input.saved)}.`);
  if (block.scopeViolations.length > 0)
    head.push("", `**Outside the task's touches:** ${list(block.scopeViolations)}.`);
  if (block.problems.length > 0)
    head.push(
      "",
      "**Problems with the report:**",
      "",
      ...block.problems.slice(0, 50).map((p) => `- ${neutraliseReferences(truncate(p, 400))}`),
    );
  const human = input.report
    ? renderReport(input.report)
    : `The agent's report could not be read; it is kept as written in \`${input.reportFile}\`.`;
  const tail = `\n\n${renderReportBlock(block)}\n`;
  const top = `${head.join("\n")}\n\n---\n\n`;
  const room = maxBodyChars - tail.length;
  const whole = `${top}${human}`;
  if (whole.length <= room) return `${whole}${tail}`;
  const note = `\n\n> **Cut:** the rest of the report is in \`${input.reportFile}\`.`;
  const kept = `${top}${human}`.slice(0, Math.max(0, room - note.length));
  return `${kept.slice(0, kept.lastIndexOf("\n") > 0 ? kept.lastIndexOf("\n") : kept.length)}${note}${tail}`;
}

function code(text: string): string {
  return `\`${text.replaceAll("`", "'")}\``;
}

function list(files: readonly string[]): string {
  if (files.length === 0) return "nothing";
  const shown = files.slice(0, 30).map(code);
  return files.length > 30 ? `${shown.join(", ")} and ${files.length - 30} more` : shown.join(", ");
}
