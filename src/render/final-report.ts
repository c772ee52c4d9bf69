// The track issue's last word when the track completes: what ran (each task, its attempts, pull request and
// cost), what was spawned along the way, what it cost against the budget, how long it took, and where the gates
// ended. Plan text in it goes through the issue-safe escapes, like the dashboard's.

import { bookedUsd } from "../engine/track/budget.js";
import type { TrackState } from "../engine/track/state.js";
import { formatTime, numberCell, plural, statusWord } from "./dashboard-links.js";
import { formatHours, formatUsd } from "./format-numbers.js";
import { renderTable } from "./markdown-text.js";
import { issueId, issueInline } from "./markdown-text-github.js";

export interface FinalReportInput {
  track: TrackState;
  prOf: (unit: string) => number | null;
  message: string;
  now: number;
}

/** Rows of the task table; a track holds at most 100 plan units plus spawned ones. */
const maxRows = 300;

export function renderFinalReport(input: FinalReportInput): string {
  const { track } = input;
  const units = Object.values(track.units).sort((a, b) => a.order - b.order);
  const rows = units.slice(0, maxRows).map((spec) => {
    const run = track.runs[spec.id];
    return [
      issueId(spec.id),
      issueInline(spec.title, 80),
      statusWord(run?.status ?? "blocked"),
      String(run?.attempt ?? 0),
      numberCell(input.prOf(spec.id)),
      formatUsd(run?.spentUsd ?? 0),
    ];
  });
  const spawned = units.filter((spec) => spec.origin.kind !== "plan");
  const starts = Object.values(track.runs).flatMap((run) =>
    run.dispatchedAt === null ? [] : [run.dispatchedAt],
  );
  const first = starts.length > 0 ? Math.min(...starts) : null;
  const budget = track.settings.budgetUsd;
  const lines = [
    "## Swarm Dispatch: the track is complete",
    "",
    issueInline(input.message, 2000),
    "",
    ...renderTable(["Task", "Title", "Status", "Attempts", "PR", "Cost"], rows),
    ...(units.length > maxRows ? ["", `… and ${units.length - maxRows} more tasks.`] : []),
    "",
    `- **Spawned:** ${spawned.length === 0 ? "nothing" : `${plural(spawned.length, "task")}: ${spawned.map((spec) => issueId(spec.id)).join(", ")}`}`,
    `- **Cost:** ${formatUsd(bookedUsd(track))}${budget === null ? " (no budget)" : ` of ${formatUsd(budget)}`}`,
    `- **Time:** ${first === null ? "nothing was dispatched" : `${formatHours((input.now - first) / 3_600_000)} from the first dispatch (${formatTime(first)}) to ${formatTime(input.now)}`}`,
    `- **Gates:** ${track.gates.length === 0 ? "none" : track.gates.map((gate) => `${issueInline(gate.name, 60)} ${gate.skip ? "skipped" : gate.status === "unknown" ? "not measured" : gate.status}${gate.current ? ` (${issueInline(gate.current, 60)})` : ""}`).join(", ")}`,
  ];
  return lines.join("\n");
}
