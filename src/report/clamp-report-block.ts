// A block brought within the schema's caps before it is written, so what the Action writes the app can always
// read back. Blocks built from parseReport's output are already within them except for what git measured (a
// change of thousands of files) and the run's identifiers; anything else out of bounds is cut or dropped, and
// each cut is named in a note that goes into the block's problems.

import { truncate } from "../render/markdown-text.js";
import { isTaskId } from "./read-tasks-done.js";
import { candidateSchema, isMetrics } from "./report-block-schema.js";
import {
  maxBlockIdChars,
  maxCandidates,
  maxChangedFiles,
  maxCostUsd,
  maxEscalations,
  maxHandoffChars,
  maxIdChars,
  maxProblemChars,
  maxProblems,
  maxQuestionChars,
  maxTasksDone,
  maxTitleChars,
  maxTouchChars,
} from "./report-limits.js";
import type { ReportBlock, ReportEscalation } from "./report-model.js";

/** Room kept in `problems` for the notes of what was cut (clamping and fitting together add at most this many). */
export const reservedNotes = 15;

export function clampReportBlock(block: ReportBlock): { block: ReportBlock; notes: string[] } {
  const notes: string[] = [];
  const list = <T>(items: readonly T[], keep: (item: T) => boolean, max: number, name: string): T[] => {
    const valid = items.filter(keep);
    if (valid.length < items.length)
      notes.push(`${items.length - valid.length} ${name} were not valid; left out`);
    if (valid.length > max)
      notes.push(`${valid.length - max} ${name} over the limit of ${max} were left out`);
    return valid.slice(0, max);
  };
  const isFile = (path: string) =>
    typeof path === "string" && path.length >= 1 && path.length <= maxTouchChars;
  const escalations = list(block.escalations, (e) => typeof e?.id === "string", maxEscalations, "escalations")
    .map(clampEscalation)
    .filter((escalation) => escalation.id !== "");
  const costUsd = block.costUsd;
  const metrics = isMetrics(block.metrics) ? block.metrics : {};
  if (metrics !== block.metrics) notes.push("the metrics were not a table of names and values; left out");
  return {
    block: {
      version: 1,
      track: identifier(block.track),
      task: identifier(block.task),
      attempt:
        Number.isInteger(block.attempt) && block.attempt >= 0 && block.attempt <= 1_000_000
          ? block.attempt
          : 0,
      outcome: ["completed", "failed", "timed-out"].includes(block.outcome) ? block.outcome : "failed",
      status: ["done", "partial", "failed", "needs-input"].includes(block.status) ? block.status : "failed",
      changedFiles: list(block.changedFiles, isFile, maxChangedFiles, "changed files"),
      scopeViolations: list(block.scopeViolations, isFile, maxChangedFiles, "files outside the touches"),
      tasksDone: list(block.tasksDone, isTaskId, maxTasksDone, "subtask ids"),
      spawnCandidates: list(
        block.spawnCandidates,
        (candidate) => candidateSchema.safeParse(candidate).success,
        maxCandidates,
        "spawn candidates",
      ),
      escalations,
      costUsd:
        typeof costUsd === "number" && Number.isFinite(costUsd) && costUsd >= 0 && costUsd <= maxCostUsd
          ? costUsd
          : null,
      metrics,
      handoff: truncate(String(block.handoff ?? ""), maxHandoffChars),
      problems: list(
        block.problems,
        (p) => typeof p === "string",
        maxProblems - reservedNotes,
        "problems",
      ).map((problem) => truncate(problem, maxProblemChars)),
    },
    notes,
  };
}

function identifier(text: string): string {
  const value = truncate(String(text ?? ""), maxBlockIdChars);
  return value === "" ? "unknown" : value;
}

function clampEscalation(escalation: ReportEscalation): ReportEscalation {
  return {
    id: truncate(escalation.id, maxIdChars),
    title: truncate(String(escalation.title ?? ""), maxTitleChars),
    question: truncate(String(escalation.question ?? ""), maxQuestionChars),
  };
}
