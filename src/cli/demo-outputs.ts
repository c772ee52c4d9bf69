// What the demo leaves in its out folder, read from the fake's repository once the session is over: the app's
// dashboard and final report as it posted them on the track issue, the attempts as an SVG Gantt chart, and a
// timeline (dispatch order, one row per attempt). Pure: the command writes the files.

import type { WorldIssue, WorldPull } from "../fake-github/repo-world.js";
import type { RunSpan, TrackSessionResult } from "../fake-github/track/track-session.js";
import { renderTable } from "../render/markdown-text.js";
import { renderSvgGantt } from "../render/svg-gantt.js";
import { assignLanes, demoGanttInput } from "./demo-lanes.js";

/** The part of a session the outputs and the summary read: plain data, so tests need no session. */
export interface DemoRecord {
  outcome: TrackSessionResult["outcome"];
  elapsedMs: number;
  track: WorldIssue;
  /** The issues the app created (task issues), in creation order. */
  taskIssues: WorldIssue[];
  pulls: WorldPull[];
  dispatches: string[];
  spans: RunSpan[];
}

export interface DemoFile {
  name: string;
  text: string;
}

export const dashboardHeading = "## Swarm Dispatch dashboard";
export const finalReportHeading = "## Swarm Dispatch: the track is complete";

export function recordOf(result: TrackSessionResult): DemoRecord {
  const world = result.fake.world;
  return {
    outcome: result.outcome,
    elapsedMs: result.elapsedMs,
    track: result.track,
    taskIssues: world.appIssues(),
    pulls: [...world.pulls.values()],
    dispatches: result.dispatches,
    spans: result.spans,
  };
}

/** The body of the app's latest comment on the track issue that starts with `heading`, if there is one. */
export function botComment(track: WorldIssue, heading: string): string | null {
  const found = track.comments.filter(
    (comment) => comment.user.type === "Bot" && comment.body.startsWith(heading),
  );
  return found.at(-1)?.body ?? null;
}

/** Task id → its issue's title (`T03: Implement cache service` → `Implement cache service`). */
export function taskTitles(issues: readonly WorldIssue[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const issue of issues) {
    const match = /^([^\s:]+):\s*(.*)$/.exec(issue.title);
    if (match?.[1] && match[2] !== undefined) titles.set(match[1], match[2]);
  }
  return titles;
}

/** The files to write, in the order they are listed; a report the app never posted is left out. */
export function demoOutputFiles(record: DemoRecord, trackName: string): DemoFile[] {
  const files: DemoFile[] = [];
  const dashboard = botComment(record.track, dashboardHeading);
  if (dashboard !== null) files.push({ name: "dashboard.md", text: endLine(dashboard) });
  const report = botComment(record.track, finalReportHeading);
  if (report !== null) files.push({ name: "final-report.md", text: endLine(report) });
  const gantt = demoGanttInput(
    record.spans,
    record.elapsedMs,
    `Demo — ${trackName}`,
    taskTitles(record.taskIssues),
  );
  files.push({ name: "gantt.svg", text: renderSvgGantt(gantt) });
  files.push({ name: "timeline.md", text: renderTimeline(record, trackName) });
  return files;
}

export function renderTimeline(record: DemoRecord, trackName: string): string {
  const seconds = (s: number) => s.toFixed(1);
  const rows = assignLanes(record.spans, record.elapsedMs).map((entry) => [
    entry.span.task,
    String(entry.span.attempt),
    String(entry.lane),
    seconds(entry.start),
    entry.span.endMs === null ? `${seconds(entry.end)} (unfinished)` : seconds(entry.end),
    seconds(entry.end - entry.start),
    entry.span.conclusion ?? "none",
  ]);
  const order = record.dispatches.map((dispatch, index) => {
    const [task, attempt] = dispatch.split("/");
    return `${index + 1}. ${task} attempt ${attempt}`;
  });
  return [
    `# Demo timeline — ${trackName}`,
    "",
    `Outcome: ${record.outcome} after ${seconds(record.elapsedMs / 1000)} s. Times are seconds since the session ` +
      "started (starting the app included); a lane is an agent running one attempt at a time.",
    "",
    "## Dispatch order",
    "",
    ...(order.length > 0 ? order : ["Nothing was dispatched."]),
    "",
    "## Attempts",
    "",
    ...renderTable(["Task", "Attempt", "Lane", "Start (s)", "End (s)", "Took (s)", "Conclusion"], rows),
    "",
  ].join("\n");
}

const endLine = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
