// The structured report back to markdown in the report template's shape, for the task's pull request: every
// section the parser reads, every agent string escaped (render-report-text.ts) so it renders literally and pings
// no one. parseReport(renderReport(report)).report equals the report for every report in normal form (what
// parseReport returns); a test holds it to that over hostile text.

import { issueInline } from "../render/markdown-text-github.js";
import { plainNumber } from "./plain-number.js";
import {
  headingInline,
  optionalCell,
  pathCell,
  pathList,
  table,
  textParagraphs,
} from "./render-report-text.js";
import {
  maxAcceptanceChars,
  maxDedupKeyChars,
  maxEffortChars,
  maxHandoffChars,
  maxIdChars,
  maxMetricNameChars,
  maxMetricTextChars,
  maxQuestionChars,
  maxSummaryChars,
  maxTitleChars,
} from "./report-limits.js";
import type { AgentReport, ReportCandidate, ReportStatus } from "./report-model.js";

const statusWords: Record<ReportStatus, string> = {
  done: "✅ done",
  partial: "⚠️ partial",
  failed: "❌ failed",
  "needs-input": "❓ needs input",
};

export const candidateHeader = [
  "ID",
  "Subtask",
  "Touches",
  "Effort",
  "User Input",
  "Severity",
  "Dedup Key",
  "Accept Criteria",
];

export function renderReport(report: AgentReport): string {
  const header = [`**Status:** ${statusWords[report.status]}`];
  const done = report.tasksDone.map((id) => issueInline(id, maxIdChars)).join(", ");
  header.push(`**Subtasks done:** ${done || "none"}`);
  // `\$`: a dollar sign can open inline math on GitHub.
  if (report.costUsd !== null) header.push(`**Cost:** \\$${plainNumber(report.costUsd)}`);
  const lines = [
    "# Subagent Report",
    "",
    ...header,
    "",
    "## Summary",
    "",
    ...textParagraphs(report.summary, maxSummaryChars),
    "## Files Touched",
    "",
    "### Touches Planned",
    "",
    ...pathList(report.touchesPlanned),
    "### Touches Actual",
    "",
    ...pathList(report.touchesActual),
    ...metricsSection(report.metrics),
    "## Handoff Notes",
    "",
    ...textParagraphs(report.handoff, maxHandoffChars),
    "## SpawnCandidates",
    "",
    ...(report.spawnCandidates.length === 0
      ? ["None identified.", ""]
      : table(candidateHeader, report.spawnCandidates.map(candidateRow))),
    "## Escalation Requests",
    "",
    ...(report.escalations.length === 0 ? ["None", ""] : []),
    ...report.escalations.flatMap((escalation) => [
      `### ${headingInline(escalation.id, maxIdChars)}: ${headingInline(escalation.title, maxTitleChars)}`.trimEnd(),
      "",
      ...textParagraphs(escalation.question, maxQuestionChars),
    ]),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}

function candidateRow(candidate: ReportCandidate): string[] {
  return [
    issueInline(candidate.id, maxIdChars),
    issueInline(candidate.title, maxTitleChars),
    pathCell(candidate.touches),
    optionalCell(candidate.effort, maxEffortChars),
    String(candidate.needsUserInput),
    candidate.severity,
    optionalCell(candidate.dedupKey, maxDedupKeyChars),
    optionalCell(candidate.acceptance, maxAcceptanceChars),
  ];
}

function metricsSection(metrics: AgentReport["metrics"]): string[] {
  const entries = Object.entries(metrics);
  if (entries.length === 0) return [];
  const rows = entries.map(([name, value]) => [
    issueInline(name, maxMetricNameChars),
    typeof value === "number" ? plainNumber(value) : issueInline(value, maxMetricTextChars),
  ]);
  return ["## Metrics", "", ...table(["Metric", "Value"], rows)];
}
