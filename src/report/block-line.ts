// The block as one line, `<!-- swarm-report:v1 {json} -->`. Inside the JSON's strings `-`, `<`, `>`, `&` and every
// non-ASCII character are written as \u escapes (as the task issue's spec block does): no string can end the
// comment (`-->`, `--!>`), open markup or hold a line break, and the line is plain ASCII, so no re-encoding of the
// body can change it. Outside strings JSON has no such characters but a number's sign or exponent (`-1e-7`),
// which never stands next to another `-` or a `>`.

import type { ReportBlock } from "./report-model.js";

export const blockPrefix = "<!-- swarm-report:v1 ";
export const blockSuffix = " -->";

/** A JSON string literal as JSON.stringify writes it: quotes, and escapes for quotes and backslashes. */
const stringLiteral = /"(?:[^"\\]|\\.)*"/g;
const unsafeInString = /[-<>&\u007f-\uffff]/g;

/** The keys in one fixed order, so the same block is always the same line. */
export function blockLine(block: ReportBlock): string {
  const ordered: ReportBlock = {
    version: block.version,
    track: block.track,
    task: block.task,
    attempt: block.attempt,
    outcome: block.outcome,
    status: block.status,
    changedFiles: block.changedFiles,
    scopeViolations: block.scopeViolations,
    tasksDone: block.tasksDone,
    spawnCandidates: block.spawnCandidates.map((candidate) => ({
      id: candidate.id,
      title: candidate.title,
      touches: candidate.touches,
      effort: candidate.effort,
      effortHours: candidate.effortHours,
      needsUserInput: candidate.needsUserInput,
      severity: candidate.severity,
      dedupKey: candidate.dedupKey,
      acceptance: candidate.acceptance,
    })),
    escalations: block.escalations.map(({ id, title, question }) => ({ id, title, question })),
    costUsd: block.costUsd,
    metrics: block.metrics,
    handoff: block.handoff,
    problems: block.problems,
  };
  const json = JSON.stringify(ordered).replace(stringLiteral, (literal) =>
    literal.replace(unsafeInString, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`),
  );
  return `${blockPrefix}${json}${blockSuffix}`;
}
