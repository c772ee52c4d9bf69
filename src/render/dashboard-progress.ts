// The top of the dashboard: why the track stopped (first, since it asks a person to act), how far it is, and
// what it has cost against its budget and spawn budget.

import { bookedUsd, reservedUsd } from "../engine/track/budget.js";
import type { TrackState, UnitStatus } from "../engine/track/state.js";
import type { DashboardContext } from "./dashboard-context.js";
import { plural, statusWord } from "./dashboard-links.js";
import { formatShare, formatUsd } from "./format-numbers.js";
import { issueInline } from "./markdown-text-github.js";

const barCells = 20;
const countOrder: UnitStatus[] = [
  "running",
  "dispatched",
  "review",
  "ready",
  "blocked",
  "needs-input",
  "failed",
  "cancelled",
];
const stopWords: Record<NonNullable<TrackState["stop"]>["reason"], string> = {
  "needs-person": "everything left needs a person",
  critical: "a critical finding",
  budget: "the budget",
  "spawn-budget": "the spawn budget",
  "no-progress": "no progress",
};

export function renderStatus(context: DashboardContext): string[] {
  const { track } = context;
  const lines: string[] = [];
  if (track.status === "stopped" && track.stop) {
    const why = stopWords[track.stop.reason] ?? "a stop";
    lines.push(`> **Stopped (${why}):** ${issueInline(track.stop.message, 1500)}`, "");
  } else if (track.status === "completed") {
    lines.push("> **Completed:** every task is done and the gates are met.", "");
  } else if (track.status === "cancelled") {
    lines.push("> **Cancelled:** no task of this track runs again.", "");
  }
  return lines;
}

export function renderProgress(context: DashboardContext): string[] {
  const counts = new Map<UnitStatus, number>();
  for (const { run } of context.units) counts.set(run.status, (counts.get(run.status) ?? 0) + 1);
  const cancelled = counts.get("cancelled") ?? 0;
  const total = context.units.length - cancelled;
  const done = counts.get("done") ?? 0;
  const filled = total === 0 ? 0 : Math.floor((done / total) * barCells);
  const bar = `${"█".repeat(filled)}${"░".repeat(barCells - filled)}`;
  const share = total === 0 ? "—" : formatShare(done, total);
  const lines = ["### Progress", "", `\`${bar}\` ${share} · ${done} of ${plural(total, "task")} done`];
  const parts = countOrder
    .filter((status) => (counts.get(status) ?? 0) > 0)
    .map((status) => `${counts.get(status)} ${statusWord(status)}`);
  if (parts.length > 0) lines.push("", parts.join(" · "));
  return lines;
}

export function renderBudget(context: DashboardContext): string[] {
  const { track } = context;
  const spent = bookedUsd(track);
  const reserved = reservedUsd(track);
  const budget = track.settings.budgetUsd;
  const lines = ["### Budget", ""];
  if (budget === null) {
    lines.push(`- **Money:** no budget set; ${formatUsd(spent)} spent, ${formatUsd(reserved)} reserved`);
  } else {
    const remaining = Math.max(0, budget - spent - reserved);
    lines.push(
      `- **Spent:** ${formatUsd(spent)} of ${formatUsd(budget)} (${formatShare(spent, budget)})`,
      `- **Reserved:** ${formatUsd(reserved)} for the attempts in flight`,
      `- **Remaining:** ${formatUsd(remaining)} for new dispatches`,
    );
  }
  const spawnLeft = Math.max(0, track.settings.spawnBudget - track.spawned);
  lines.push(
    `- **Spawn budget:** ${track.spawned} of ${plural(track.settings.spawnBudget, "auto-spawned task")} used, ` +
      `${spawnLeft} left`,
    `- **Parallelism:** up to ${plural(track.settings.maxParallel, "agent")} at once`,
  );
  return lines;
}
