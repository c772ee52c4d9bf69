// The Lock plan: which units never run at the same time because their touches overlap, and which run alone.

import { codeSpan, escapeId, inlineList } from "../markdown-text.js";
import type { UnitView } from "../unit-view.js";
import type { DispatchPlanContext } from "./context.js";

/** Comparing two touch lists costs their product; past this the pair is shown without its shared paths. */
const maxTouchComparisons = 400;

export function renderLockPlan(context: DispatchPlanContext): string[] {
  const lines = ["## Lock plan", ""];
  const { conflicts } = context.analysis;
  if (conflicts.length === 0) {
    lines.push("No touches conflict: every writing task can run in parallel with the others.");
  } else {
    lines.push(
      "These pairs of units write overlapping touches, so they run one after the other: whichever starts first " +
        "holds the lock and the other waits until it finishes.",
      "",
    );
    for (const [first, second] of conflicts) {
      const a = context.unitsById.get(first);
      const b = context.unitsById.get(second);
      const shared = a !== undefined && b !== undefined ? sharedTouches(a, b) : [];
      const detail = pairDetail(a, b, shared);
      lines.push(`- **${escapeId(first)}** ↔ **${escapeId(second)}**${detail}`);
    }
  }
  if (context.conflictsTruncated) {
    lines.push("", `> The list stops at ${conflicts.length} pairs: more pairs conflict than are shown.`);
  }
  const shared = context.units.filter(
    (unit) => unit.concurrency === "write-shared" && unit.status !== "done",
  );
  if (shared.length > 0) {
    lines.push(
      "",
      "Write-shared units run alone: no other writing unit runs beside them (read-only units may).",
      "",
    );
    for (const unit of shared) lines.push(`- **${escapeId(unit.id)}**`);
  }
  return lines;
}

function pairDetail(a: UnitView | undefined, b: UnitView | undefined, shared: string[]): string {
  if (shared.length > 0) return `: ${inlineList(shared, (touch) => codeSpan(touch), 5)}`;
  const writeShared = [a, b].find((unit) => unit?.concurrency === "write-shared");
  return writeShared === undefined ? "" : ` (${escapeId(writeShared.id)} is write-shared)`;
}

/**
 * The touches both units name, or that one covers as a folder (`src/` covers `src/a.ts`). Globs are left to the
 * engine: this is only a hint for the reader, and a pair with no visible overlap is still listed.
 */
function sharedTouches(a: UnitView, b: UnitView): string[] {
  if (a.touches.length * b.touches.length > maxTouchComparisons) return [];
  const found = new Set<string>();
  for (const x of a.touches) {
    for (const y of b.touches) {
      if (x === y || (x.endsWith("/") && y.startsWith(x))) found.add(y);
      else if (y.endsWith("/") && x.startsWith(y)) found.add(x);
    }
  }
  return [...found];
}
