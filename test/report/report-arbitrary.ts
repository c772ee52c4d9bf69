// Arbitrary structured reports for the round-trip properties: hostile text of every kind (markdown, HTML, mentions,
// references, controls, bidirectional overrides, lone surrogates), brought into the normal form parseReport
// returns, within every cap. A value the parser would store differently is mapped to what it stores, so "valid"
// means exactly "what parseReport can return".

import fc from "fast-check";
import { isEmptyCell } from "../../src/plan/markdown/split-list.js";
import { severities } from "../../src/plan/model.js";
import { checkTouches } from "../../src/report/check-touches.js";
import { effortHoursOf } from "../../src/report/read-candidate-row.js";
import { isMetricName, metricValue } from "../../src/report/read-metrics.js";
import { isTaskId } from "../../src/report/read-tasks-done.js";
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
} from "../../src/report/report-limits.js";
import type {
  AgentReport,
  ReportBlock,
  ReportCandidate,
  ReportEscalation,
} from "../../src/report/report-model.js";
import { capText, cleanLine, cleanLines } from "../../src/report/report-text.js";
import { hostileText } from "../render/hostile-text.js";

/** What agents and attackers write: markup, mentions, references, comment ends, list and table starts. */
export const hostileWords = fc.constantFrom(
  "@everyone",
  "@octocat",
  "#1",
  "acme/shop#12",
  "GH-7",
  "https://evil.example",
  "www.example.com",
  "<img src=x onerror=alert(1)>",
  "<script>",
  "-->",
  "<!--",
  "```",
  "~~~",
  "`code`",
  "``",
  "\\",
  "\\|",
  "|",
  "&amp;",
  "&#64;",
  "$x$",
  "***",
  "**bold**",
  "_x_",
  "[link](http://x)",
  "![i](x)",
  "- item",
  "- [x] done",
  "[X]",
  "1. first",
  "2)",
  "# heading",
  "> quote",
  "---",
  "===",
  ":-",
  "|---|",
  "None",
  "-",
  "E-01:",
  "…",
  "\u200d",
  "@\u200d",
  "www\u200dww\u200d",
  "👨‍👩‍👧",
);

const raw = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(hostileWords, hostileText), { maxLength: 6 }).map((p) => p.join(" ")),
  },
  { weight: 1, arbitrary: hostileText },
);

export const line = (max: number) => raw.map((text) => capText(cleanLine(text), max).text);
export const nonEmptyLine = (max: number) => line(max).filter((text) => text !== "");
const optionalCell = (max: number) =>
  fc.option(line(max)).map((text) => (text === null || isEmptyCell(text) ? null : text));

export const multiline = (max: number) =>
  fc.array(raw, { maxLength: 6 }).map((lines) => capText(cleanLines(lines).join("\n"), max).text);

const pathRaw = fc.oneof(
  fc.constantFrom(
    "src/a.ts",
    "docs/",
    "a,b.ts",
    "weird`name`.ts",
    "``x",
    "x|y.md",
    "@team/x.md",
    "#1.md",
    "<b>.md",
    "-->.md",
    "**",
    ".",
    "./src//x.ts",
    "src/**/*.ts",
    "none",
    "../etc/passwd",
    "/abs",
    ".git/config",
  ),
  fc.string({ unit: fc.constantFrom(..."ab/._-|`@#<>&*[]~$\\:\u202e\u200d😀"), maxLength: 12 }),
);

/** Repository-relative paths as checkTouches keeps them. */
export const touches = (maxLength: number) =>
  fc.array(pathRaw, { maxLength }).map((items) => {
    const checked = checkTouches(items);
    // Only items that are paths on their own; what checkTouches refuses never reaches a report.
    return checked.paths.filter((path) => checkTouches([path]).paths[0] === path);
  });

const effort = fc
  .option(fc.oneof(fc.constantFrom("S", "M", "L", "XL", "M (3 hours)", "2h 30m", "90min", "soon"), line(20)))
  .map((text) => (text === null ? null : capText(cleanLine(text), maxEffortChars).text))
  .map((text) => (text === null || isEmptyCell(text) ? null : text));

export const candidate: fc.Arbitrary<ReportCandidate> = fc
  .record({
    id: nonEmptyLine(maxIdChars).filter((text) => !isEmptyCell(text)),
    title: nonEmptyLine(maxTitleChars).filter((text) => !isEmptyCell(text)),
    touches: touches(4),
    effort,
    needsUserInput: fc.boolean(),
    severity: fc.constantFrom(...severities),
    dedupKey: optionalCell(maxDedupKeyChars),
    acceptance: optionalCell(maxAcceptanceChars),
  })
  .map((value) => ({ ...value, effortHours: value.effort === null ? null : effortHoursOf(value.effort) }));

export const escalation: fc.Arbitrary<ReportEscalation> = fc.record({
  id: nonEmptyLine(maxIdChars)
    .map((text) => cleanLine(text.replaceAll(":", "")))
    .filter((text) => text !== ""),
  title: line(maxTitleChars),
  question: multiline(maxQuestionChars),
});

const metricEntry = fc.tuple(
  fc.oneof(fc.constantFrom("__proto__", "constructor", "coverage", "p95 | ms"), line(maxMetricNameChars)),
  fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => value + 0),
    fc.constantFrom(0.87, -3, 1e-7, 1e21, "85%", "42", "-0", "1,200"),
    line(maxMetricTextChars),
  ),
);

export const metrics = fc.array(metricEntry, { maxLength: 5 }).map((entries) => {
  const found = new Map<string, number | string>();
  for (const [name, value] of entries) {
    const text = typeof value === "string" ? capText(cleanLine(value), maxMetricTextChars).text : null;
    if (name === "" || !isMetricName(name) || found.has(name) || text === "") continue;
    found.set(name, text === null ? (value as number) : metricValue(text));
  }
  return Object.fromEntries(found);
});

export const tasksDone = fc
  .array(fc.oneof(fc.constantFrom("T04.1", "T04.2", "1.1", "T-AUTO-01", "T#1", "@x"), line(20)), {
    maxLength: 4,
  })
  .map((ids) => [...new Set(ids.filter(isTaskId))]);

export const agentReport: fc.Arbitrary<AgentReport> = fc.record({
  status: fc.constantFrom("done", "partial", "failed", "needs-input"),
  summary: multiline(maxSummaryChars),
  touchesPlanned: touches(4),
  touchesActual: touches(4),
  tasksDone,
  spawnCandidates: fc.array(candidate, { maxLength: 3 }),
  escalations: fc.array(escalation, { maxLength: 3 }),
  costUsd: fc.option(fc.double({ min: 0, max: 1_000_000, noNaN: true }).map((value) => value + 0)),
  metrics,
  handoff: multiline(maxHandoffChars),
});

const runText = (max: number) => fc.oneof(hostileText, hostileWords).map((text) => text.slice(0, max));

/** Blocks as the Action writes them: the report's fields in normal form, run identifiers and git paths as any text. */
export const reportBlock: fc.Arbitrary<ReportBlock> = fc.record({
  version: fc.constant(1 as const),
  track: runText(200).filter((text) => text !== ""),
  task: runText(200).filter((text) => text !== ""),
  attempt: fc.nat({ max: 1_000_000 }),
  outcome: fc.constantFrom("completed", "failed", "timed-out"),
  status: fc.constantFrom("done", "partial", "failed", "needs-input"),
  changedFiles: fc.array(
    runText(1024).filter((text) => text !== ""),
    { maxLength: 4 },
  ),
  scopeViolations: fc.array(
    runText(1024).filter((text) => text !== ""),
    { maxLength: 2 },
  ),
  tasksDone,
  spawnCandidates: fc.array(candidate, { maxLength: 3 }),
  escalations: fc.array(escalation, { maxLength: 3 }),
  costUsd: fc.option(fc.double({ min: 0, max: 1_000_000, noNaN: true }).map((value) => value + 0)),
  metrics,
  handoff: multiline(maxHandoffChars),
  problems: fc.array(runText(400), { maxLength: 3 }),
});
