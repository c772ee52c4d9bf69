// An agent's markdown report (the swarm-iosm subagent report, or the short template in report-template.ts) → the
// structured report. The text is hostile data: it is read with the project's markdown parser, never executed or
// trusted, every field is capped (report-limits.ts) and every touch checked. Whatever cannot be read becomes a
// problem a person can act on; a report is rejected only when it is unreadable as a whole (too large, binary, or
// with neither a status line nor any section the parser knows). Never throws.

import type { Root } from "mdast";
import { findNestingLimit } from "../plan/markdown/nesting-limit.js";
import { parseMarkdown } from "../plan/markdown/parse-markdown.js";
import { truncate } from "../render/markdown-text.js";
import { readCandidates } from "./read-candidates.js";
import { readCost } from "./read-cost.js";
import { readEscalations } from "./read-escalations.js";
import { readHeaderFields } from "./read-header-fields.js";
import { readMetrics } from "./read-metrics.js";
import { readReportTouches } from "./read-report-touches.js";
import { readStatus } from "./read-status.js";
import { readTasksDone } from "./read-tasks-done.js";
import {
  maxHandoffChars,
  maxProblemChars,
  maxReportBytes,
  maxReportProblems,
  maxSummaryChars,
} from "./report-limits.js";
import type { AgentReport, ReportStatus } from "./report-model.js";
import { findSections, type Section } from "./report-sections.js";
import { capText, count } from "./report-text.js";
import { sectionLines } from "./section-lines.js";

export type ParseReportResult =
  | { report: AgentReport; problems: string[] }
  | { report: null; problems: string[] };

export function parseReport(text: string): ParseReportResult {
  try {
    const refused = refuseReport(text);
    if (refused !== null) return { report: null, problems: [refused] };
    const result = readReport(parseMarkdown(text));
    return { ...result, problems: listed(result.problems) };
  } catch (error) {
    // The parser is not expected to throw; if it ever does, the report is unreadable, not the app broken.
    const reason = error instanceof Error ? error.message : String(error);
    return { report: null, problems: [`the report could not be read (${reason.slice(0, 200)})`] };
  }
}

function readReport(root: Root): ParseReportResult {
  const problems: string[] = [];
  const stoppedAt = findNestingLimit(root);
  if (stoppedAt !== null) {
    problems.push(
      `the report nests lists or quotes more than 20 levels deep at line ${stoppedAt}; what follows there was not read (flatten it)`,
    );
  }
  const sections = findSections(root);
  const fields = readHeaderFields(root, [sections.escalations, sections.handoff]);
  if (!fields.status && Object.keys(sections).length === 0 && !fields.tasksDone && !fields.cost) {
    problems.push(
      "the report has no **Status:** line (write **Status:** done, partial, failed or needs input)",
      "the report has none of the sections the app reads (Summary, Files Touched, SpawnCandidates, Escalation Requests, Handoff Notes, Metrics)",
    );
    return { report: null, problems };
  }

  let status: ReportStatus = "partial";
  const statusText = fields.status?.segments.map((segment) => segment.text).join("") ?? null;
  const reading = statusText === null ? null : readStatus(statusText);
  if (reading && "status" in reading) status = reading.status;
  else {
    const why = reading ? reading.problem : "the report has no **Status:** line";
    problems.push(`${why}; the report counts as partial`);
  }

  const summary = readText(sections.summary ?? sections.whatWasDone, "Summary", maxSummaryChars, problems);
  if (!sections.summary && !sections.whatWasDone) problems.push("the report has no Summary section");
  const touches = readReportTouches(sections);
  const tasksDone = readTasksDone(fields.tasksDone);
  const candidates = readCandidates(sections.spawnCandidates);
  const escalations = readEscalations(sections.escalations);
  const cost = readCost(fields.cost, sections.cost);
  const metrics = readMetrics(sections);
  const handoff = readText(sections.handoff, "Handoff Notes", maxHandoffChars, problems);
  for (const part of [touches, tasksDone, candidates, escalations, cost, metrics])
    for (const problem of part.problems) problems.push(problem);

  const report: AgentReport = {
    status,
    summary,
    touchesPlanned: touches.planned,
    touchesActual: touches.actual,
    tasksDone: tasksDone.tasksDone,
    spawnCandidates: candidates.candidates,
    escalations: escalations.escalations,
    costUsd: cost.costUsd,
    metrics: metrics.metrics,
    handoff,
  };
  return { report, problems };
}

/** At most maxReportProblems, each at most maxProblemChars: a hostile report may be thousands of problems long. */
function listed(problems: readonly string[]): string[] {
  const shown =
    problems.length > maxReportProblems ? problems.slice(0, maxReportProblems - 1) : [...problems];
  if (shown.length < problems.length)
    shown.push(`${count(problems.length - shown.length)} more problems were not listed`);
  return shown.map((problem) => truncate(problem, maxProblemChars));
}

function readText(section: Section | undefined, name: string, max: number, problems: string[]): string {
  if (!section) return "";
  const text = sectionLines(section.content).join("\n");
  const capped = capText(text, max);
  if (capped.cut) problems.push(`the ${name} is ${count(text.length)} characters long; cut to ${count(max)}`);
  return capped.text;
}

/** Why the text is refused whole, or null when it may be parsed. */
export function refuseReport(text: unknown): string | null {
  if (typeof text !== "string") return "the report is not text";
  // Each UTF-16 unit is at least one UTF-8 byte, so a long string is refused without measuring it.
  const bytes = text.length > maxReportBytes ? text.length : Buffer.byteLength(text, "utf8");
  if (bytes > maxReportBytes) {
    return `the report is ${text.length > maxReportBytes ? "at least " : ""}${count(bytes)} bytes, over the limit of ${count(maxReportBytes)} (256 KB); shorten it (leave out logs and code listings)`;
  }
  if (text.trim() === "") return "the report is empty; write it in the report template's shape";
  if (text.includes("\u0000")) return "the report contains NUL bytes, so it is binary data, not markdown";
  return null;
}
