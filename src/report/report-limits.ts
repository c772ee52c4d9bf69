// Every cap on an agent's report in one place. A report is the agent's text, hence hostile: each limit bounds
// what one report can make the app store, render or spawn. The parser (parse-report.ts), the block's schema
// (report-block-schema.ts) and the block's writer (fit-report-block.ts) all read these, so a report the parser
// accepts always fits the block's schema.

import { candidatesPerReport } from "../engine/track/spawn.js";

/** A report larger than this is refused whole: a real report is a few kilobytes. */
export const maxReportBytes = 256 * 1024;

/** The engine considers this many candidates per report; reading more would only hide them. */
export const maxCandidates = candidatesPerReport;
export const maxEscalations = 20;
export const maxTasksDone = 100;
export const maxMetrics = 50;
/** Touches Planned and Touches Actual each. */
export const maxReportTouches = 500;
export const maxCandidateTouches = 50;

/** Ids of candidates, escalations and subtasks (`SC-01`, `E-01`, `T04.1`). */
export const maxIdChars = 60;
export const maxTitleChars = 200;
export const maxSummaryChars = 4_000;
export const maxHandoffChars = 4_000;
export const maxQuestionChars = 2_000;
export const maxAcceptanceChars = 1_000;
export const maxEffortChars = 60;
export const maxDedupKeyChars = 200;
/** The same cap the plan's touches have (normalize-touches.ts). */
export const maxTouchChars = 1_024;
export const maxMetricNameChars = 100;
export const maxMetricTextChars = 200;
/** A cost above this is a typo or a lie; it is read as unknown. */
export const maxCostUsd = 1_000_000;

/** The whole `<!-- swarm-report:v1 … -->` line (the PR body it sits in may hold 65,536). */
export const maxBlockChars = 32_768;
export const maxBlockIdChars = 200;
/** Files the Action measured from git; the block is cut further if they do not fit its size. */
export const maxChangedFiles = 2_000;
/** Problems the parser lists for one report; the rest are counted in a last line. */
export const maxReportProblems = 40;
/** Problems in the block: the parser's, plus the notes of what was cut to fit the block. */
export const maxProblems = 60;
export const maxProblemChars = 400;
