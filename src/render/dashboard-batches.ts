// Batch history: the units each dispatch decision sent out together, newest first. With continuous dispatch a
// batch is whatever became ready at one moment (a merge freeing two dependents, a `/dispatch`), so the history
// shows how the work actually fanned out, next to the planned timeline.

import type { DashboardContext } from "./dashboard-context.js";
import { formatTime, plural } from "./dashboard-links.js";
import { inlineList, renderTable } from "./markdown-text.js";
import { issueId } from "./markdown-text-github.js";

export interface DispatchBatchView {
  /** When the batch went out (ms since the epoch). */
  at: number;
  units: readonly string[];
}

const header = ["Batch", "Dispatched at", "Tasks"];

export function renderBatches(context: DashboardContext, batches: readonly DispatchBatchView[]): string[] {
  const lines = ["### Batch history", ""];
  if (batches.length === 0) {
    lines.push("Nothing has been dispatched yet.");
    return lines;
  }
  const { listRows, namesPerCell } = context.limits;
  const newestFirst = batches.map((batch, index) => ({ batch, number: index + 1 })).reverse();
  const rows = newestFirst
    .slice(0, listRows)
    .map(({ batch, number }) => [
      String(number),
      formatTime(batch.at),
      inlineList(batch.units, (unit) => issueId(unit), namesPerCell),
    ]);
  lines.push(...renderTable(header, rows));
  if (batches.length > listRows) {
    lines.push("", `${plural(batches.length - listRows, "earlier batch", "earlier batches")} not shown.`);
  }
  return lines;
}
