// Work in flight and the locks it holds: every unit whose lock is set (dispatched, running, in review, or waiting
// for an answer after an attempt), so a reader sees at once which files are taken and by whom.

import type { DashboardContext } from "./dashboard-context.js";
import { formatTime, plural, runCell, statusWord } from "./dashboard-links.js";
import { inlineList, renderTable } from "./markdown-text.js";
import { issueCode, issueId } from "./markdown-text-github.js";

const header = ["Task", "Status", "Attempt", "Since", "Run", "Locks"];

export function renderRunning(context: DashboardContext): string[] {
  const lines = ["### Running and locks", ""];
  const holding = context.units.filter(({ run }) => run.lock !== null);
  if (holding.length === 0) {
    lines.push("Nothing is running and no lock is held.");
    return lines;
  }
  const { listRows, namesPerCell, pathChars } = context.limits;
  const rows = holding.slice(0, listRows).map(({ id, run }) => {
    const lock = run.lock as NonNullable<typeof run.lock>;
    const paths = inlineList(
      lock.touches,
      (touch) => issueCode(touch, { inTable: true, maxChars: pathChars }),
      namesPerCell,
    );
    const locks =
      lock.concurrency === "read-only"
        ? "none (read-only)"
        : lock.concurrency === "write-shared"
          ? `every writer (write-shared)${paths === "" ? "" : `: ${paths}`}`
          : paths || "none";
    return [
      issueId(id),
      statusWord(run.status),
      String(run.attempt),
      formatTime(run.dispatchedAt),
      runCell(context.links(id).runUrl, context.repository),
      locks,
    ];
  });
  lines.push(...renderTable(header, rows));
  if (holding.length > listRows) {
    lines.push("", `${plural(holding.length - listRows, "more unit holds", "more units hold")} a lock.`);
  }
  return lines;
}
