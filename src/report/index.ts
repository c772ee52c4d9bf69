// The report module's public face: an agent's markdown report ⇄ the structured report, the pull request's
// machine-readable block, its mapping to the engine's TaskReport, and the template agents fill in.

export { type ParseReportResult, parseReport } from "./parse-report.js";
export { renderReport } from "./render-report.js";
export { parseReportBlock, renderReportBlock } from "./report-block.js";
export * from "./report-limits.js";
export type {
  AgentReport,
  ReportBlock,
  ReportCandidate,
  ReportEscalation,
  ReportStatus,
  RunOutcome,
} from "./report-model.js";
export { reportTemplate } from "./report-template.js";
export { toTaskReport } from "./to-task-report.js";
