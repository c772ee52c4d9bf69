// A task pull request's report block → the engine's report event. What the app trusts is only the block the
// Action wrote (the pull request opened by a bot, and the body not since edited by anyone else); files any task
// may change and the Action's own report file are not the task's changes; a metric gate's metric is also given
// under the gate's name, which is what the engine compares with the gate's target.

import { touchesOverlap } from "../../engine/touches.js";
import { branchPart } from "../../engine/track/branch-name.js";
import type { EngineEvent, TaskReport } from "../../engine/track/events.js";
import type { ReportBlock } from "../../report/report-model.js";
import { toTaskReport } from "../../report/to-task-report.js";
import type { RepoSettings } from "../settings/settings-schema.js";

export function reportFileOf(unit: string): string {
  return `reports/${branchPart(unit)}.md`;
}

export function taskReportOf(block: ReportBlock, settings: RepoSettings, unit: string): TaskReport {
  const report = toTaskReport(block);
  const own = reportFileOf(unit);
  report.changedFiles = report.changedFiles.filter(
    (file) => file !== own && !settings.alwaysAllowed.some((path) => touchesOverlap(path, file)),
  );
  for (const [gate, evaluation] of Object.entries(settings.gates)) {
    if (evaluation.kind !== "metric" || Object.hasOwn(report.metrics, gate)) continue;
    const value = Object.hasOwn(report.metrics, evaluation.metric)
      ? report.metrics[evaluation.metric]
      : undefined;
    if (value !== undefined) report.metrics[gate] = value;
  }
  return report;
}

export function reportEvent(
  block: ReportBlock,
  settings: RepoSettings,
  where: { track: string; unit: string; pr: number },
): EngineEvent {
  return {
    // One report per attempt: a later edit of the same body is not a second report.
    id: `report:${where.track}:${where.unit}:${block.attempt}`,
    type: "report",
    track: where.track,
    unit: where.unit,
    attempt: block.attempt,
    pr: where.pr,
    report: taskReportOf(block, settings, where.unit),
  };
}
