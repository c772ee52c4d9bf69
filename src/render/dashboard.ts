// The track issue's dashboard: one markdown body rendered from the engine's track state and the units' GitHub
// links. It must stay within GitHub's 65,536 characters; when the full dashboard would not, the least useful parts
// go first, one step at a time, and the body says which (see `shortening`).

import { renderBatches } from "./dashboard-batches.js";
import type {
  DashboardContext,
  DashboardInput,
  DashboardLimits,
  DashboardMemo,
} from "./dashboard-context.js";
import { dashboardContext } from "./dashboard-context.js";
import { renderGantt } from "./dashboard-gantt.js";
import { renderGates } from "./dashboard-gates.js";
import { formatTime } from "./dashboard-links.js";
import { dashboardMarker, updatedText } from "./dashboard-marker.js";
import { renderBudget, renderProgress, renderStatus } from "./dashboard-progress.js";
import { renderQueue } from "./dashboard-queue.js";
import { renderRunning } from "./dashboard-running.js";
import { renderTasks } from "./dashboard-tasks.js";
import { issueCode, issueInline } from "./markdown-text-github.js";
import { trackField } from "./task-issue-marker.js";

export type { DashboardInput, UnitLinks } from "./dashboard-context.js";
export { dashboardHash, dashboardMarker, parseDashboardMarker } from "./dashboard-marker.js";

export const maxDashboardChars = 65_536;

const fullLimits: DashboardLimits = {
  gantt: true,
  settledRows: true,
  titleChars: 120,
  reasonChars: 200,
  pathChars: 200,
  namesPerCell: 20,
  listRows: 100,
  taskRows: "all",
};

/** What goes, in this order, when the dashboard is too long; each step keeps the ones before it. */
export const shortening: readonly { leftOut: string; limits: Partial<DashboardLimits> }[] = [
  { leftOut: "the timeline chart", limits: { gantt: false } },
  { leftOut: "the rows of done and cancelled tasks", limits: { settledRows: false } },
  {
    leftOut: "the end of long titles, reasons and lists of paths",
    limits: { titleChars: 60, reasonChars: 80, pathChars: 60, namesPerCell: 3 },
  },
  { leftOut: "the running, ready-queue and gate rows past the first 10", limits: { listRows: 10 } },
  { leftOut: "the task rows that do not fit (counted under the table)", limits: { taskRows: "fit" } },
];

const trackWords: Record<DashboardInput["track"]["status"], string> = {
  idle: "waiting for `/dispatch`",
  active: "active",
  paused: "paused",
  stopped: "stopped",
  completed: "completed",
  cancelled: "cancelled",
};

export function renderDashboard(input: DashboardInput): string {
  const maxChars = input.maxChars ?? maxDashboardChars;
  const memo: DashboardMemo = { lockHolders: new Map() };
  let limits = fullLimits;
  for (let step = 0; step <= shortening.length; step++) {
    if (step > 0) limits = { ...limits, ...shortening[step - 1]?.limits };
    const body = renderAt(input, limits, step, maxChars, memo);
    if (body.length <= maxChars) return body;
  }
  // Only a very low `maxChars` gets here: the app's own lines, and nothing else.
  return assemble(
    input,
    [["Too large to show here: each task's issue has its status."]],
    shortening.length,
    maxChars,
  );
}

function renderAt(
  input: DashboardInput,
  limits: DashboardLimits,
  step: number,
  maxChars: number,
  memo: DashboardMemo,
): string {
  const context = dashboardContext(input, limits, memo);
  const before = [
    renderStatus(context),
    renderProgress(context),
    renderBudget(context),
    renderGates(context),
  ];
  const middle = [renderRunning(context), renderQueue(context)];
  const after = [renderBatches(context, input.batches ?? []), renderGantt(context)];
  if (limits.taskRows === "all") {
    return assemble(
      input,
      [...before, ...middle, renderTasks(context, null).lines, ...after],
      step,
      maxChars,
    );
  }
  // Everything but the task rows, then as many rows as the room left allows (a margin for the notes under it).
  const without = assemble(input, [...before, ...middle, ...after], step, maxChars).length;
  const room = maxChars - without - 400;
  return assemble(input, [...before, ...middle, tasksSection(context, room), ...after], step, maxChars);
}

function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ",");
}

function tasksSection(context: DashboardContext, room: number): string[] {
  return renderTasks(context, Math.max(0, room)).lines;
}

function assemble(
  input: DashboardInput,
  sections: readonly string[][],
  step: number,
  maxChars: number,
): string {
  const { track } = input;
  const name = issueInline(track.title, 200) || "(untitled track)";
  const head = [
    "## Swarm Dispatch dashboard",
    "",
    `**${name}** · ${issueCode(input.repository, { maxChars: 140 })} · track ${trackField(track.id)} · ` +
      (trackWords[track.status] ?? "unknown"),
    "",
    updatedText(formatTime(input.now)),
  ];
  const blocks = [head.join("\n")];
  if (step > 0) {
    const leftOut = shortening.slice(0, step).map((entry) => entry.leftOut);
    blocks.push(
      `> **Shortened** to fit the limit of ${grouped(maxChars)} characters for an issue body. Left out, in ` +
        "this order: " +
        `${leftOut.join("; ")}. Each task's issue has the rest.`,
    );
  }
  for (const section of sections) if (section.length > 0) blocks.push(section.join("\n"));
  blocks.push(dashboardMarker(track.id));
  return `${blocks.join("\n\n")}\n`;
}
