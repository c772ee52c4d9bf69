// The task table: one row per unit in plan order, with its status, where it lives on GitHub and, when it is not
// simply on its way, why. At the lower shortening levels done and cancelled units are folded into one line, and
// the rows that do not fit are counted instead of shown.

import type { DashboardContext, UnitEntry } from "./dashboard-context.js";
import { numberCell, plural, runCell, statusWord } from "./dashboard-links.js";
import { renderTable } from "./markdown-text.js";
import { issueId, issueInline } from "./markdown-text-github.js";

const header = ["Task", "Title", "Status", "Issue", "PR", "Run", "Reason"];

export function taskRows(context: DashboardContext): { rows: string[][]; folded: number } {
  const shown = context.limits.settledRows
    ? context.units
    : context.units.filter(({ run }) => run.status !== "done" && run.status !== "cancelled");
  return { rows: shown.map((unit) => taskRow(context, unit)), folded: context.units.length - shown.length };
}

/**
 * The section with as many rows as `room` characters allow (all when `room` is null). Returns the lines and how
 * many rows were left out for room.
 */
export function renderTasks(
  context: DashboardContext,
  room: number | null,
): { lines: string[]; cut: number } {
  const lines = ["### Tasks", ""];
  if (context.units.length === 0) {
    lines.push("No tasks yet.");
    return { lines, cut: 0 };
  }
  const { rows, folded } = taskRows(context);
  let kept = rows;
  if (room !== null) {
    // Each row costs its line and a newline; the header, the notes and the folds are counted in `room` already.
    let used = renderTable(header, []).join("\n").length;
    let count = 0;
    for (const row of rows) {
      const cost = renderTable(header, [row])[2]?.length ?? 0;
      if (used + cost + 1 > room) break;
      used += cost + 1;
      count++;
    }
    kept = rows.slice(0, count);
  }
  const cut = rows.length - kept.length;
  if (kept.length > 0) lines.push(...renderTable(header, kept));
  if (folded > 0)
    lines.push(
      "",
      `${plural(folded, "done or cancelled task is", "done or cancelled tasks are")} not listed.`,
    );
  if (cut > 0)
    lines.push("", `${plural(cut, "more task is", "more tasks are")} not listed: see their issues.`);
  return { lines, cut };
}

function taskRow(context: DashboardContext, { id, spec, run }: UnitEntry): string[] {
  const links = context.links(id);
  const status =
    run.attempt > 1 ? `${statusWord(run.status)} (attempt ${run.attempt})` : statusWord(run.status);
  return [
    issueId(id),
    issueInline(spec.title, context.limits.titleChars),
    status,
    numberCell(links.issue),
    numberCell(links.pr ?? run.pr),
    runCell(links.runUrl, context.repository),
    run.reason === null ? "" : issueInline(run.reason, context.limits.reasonChars),
  ];
}
