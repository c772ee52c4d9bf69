// The Initial ready set: what `/dispatch` would send out first, and which of those wait for a person.

import { escapeId, escapeInline } from "../markdown-text.js";
import type { DispatchPlanContext } from "./context.js";

export function renderReadySet(context: DispatchPlanContext): string[] {
  const lines = ["## Initial ready set", ""];
  const ready = context.analysis.readySet;
  if (ready.length === 0) {
    const allDone = context.units.every((unit) => unit.status === "done");
    lines.push(allDone ? "None: every task is done." : "None: every unit left waits for a prerequisite.");
    return lines;
  }
  lines.push(
    "Units whose prerequisites are done. Background units are dispatched at once; foreground units wait.",
  );
  lines.push("");
  for (const id of ready) {
    const unit = context.unitsById.get(id);
    const escaped = unit === undefined ? "" : escapeInline(unit.title);
    const title = escaped === "" ? "" : `: ${escaped}`;
    const mode = unit?.mode === "foreground" ? "foreground: waits for /dispatch or an answer" : "background";
    lines.push(`- **${escapeId(id)}**${title} (${mode})`);
  }
  return lines;
}
