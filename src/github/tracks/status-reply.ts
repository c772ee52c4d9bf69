// `/status`: a short answer in the conversation, from the same sections as the dashboard (progress, budget,
// what runs and what waits), with a link to the dashboard for the rest. Sections are demoted a heading level,
// and the reply is cut like the dashboard when a huge track would not fit in a comment.

import {
  type DashboardInput,
  type DashboardLimits,
  dashboardContext,
} from "../../render/dashboard-context.js";
import { renderBudget, renderProgress, renderStatus } from "../../render/dashboard-progress.js";
import { renderQueue } from "../../render/dashboard-queue.js";
import { renderRunning } from "../../render/dashboard-running.js";
import type { RepoPort } from "../repo/repo-port.js";
import type { AppDocument } from "../state/app-document.js";

const limits: DashboardLimits = {
  gantt: false,
  settledRows: false,
  titleChars: 80,
  reasonChars: 120,
  pathChars: 80,
  namesPerCell: 5,
  listRows: 10,
  taskRows: "fit",
};

const trackWords: Record<string, string> = {
  idle: "waits for `/dispatch`",
  active: "is active",
  paused: "is paused",
  stopped: "has stopped",
  completed: "is completed",
  cancelled: "is cancelled",
};

export function renderStatusReply(repo: RepoPort, document: AppDocument, track: string): string {
  const state = Object.hasOwn(document.engine.tracks, track) ? document.engine.tracks[track] : undefined;
  if (!state) {
    return "This track has not started: its plan has not been read yet (edit the issue, or `/resume` to read it again).";
  }
  const links = document.tracks[track];
  const input: DashboardInput = {
    track: state,
    links: Object.fromEntries(
      Object.entries(links?.units ?? {}).map(([unit, found]) => [
        unit,
        { issue: found.issue, pr: found.pr, runUrl: found.run?.url ?? null },
      ]),
    ),
    repository: `${repo.owner}/${repo.name}`,
    now: 0,
  };
  const context = dashboardContext(input, limits);
  const demote = (lines: string[]) =>
    lines.map((line) => (line.startsWith("### ") ? `#### ${line.slice(4)}` : line));
  const where = links?.dashboard
    ? ` The [dashboard](#issuecomment-${links.dashboard.comment}) has the rest.`
    : "";
  const sections = [
    [`**Status:** the track ${trackWords[state.status] ?? "is in an unknown state"}.${where}`],
    renderStatus(context),
    demote(renderProgress(context)),
    demote(renderBudget(context)),
    demote(renderRunning(context)),
    demote(renderQueue(context)),
  ].filter((section) => section.length > 0);
  return sections.map((section) => section.join("\n")).join("\n\n");
}
