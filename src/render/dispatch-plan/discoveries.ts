// Expected discoveries and auto-spawn rules: what each task expects to find, and what a report may spawn unasked.

import type { AutoSpawnRule } from "../../plan/model.js";
import { escapeId, escapeInline, inlineList } from "../markdown-text.js";
import type { DispatchPlanContext } from "./context.js";

const ruleMeaning: Record<AutoSpawnRule, string> = {
  none: "spawn candidates wait for a person",
  "safe-only": "only read-only or low-risk candidates become tasks without a person",
  all: "every candidate becomes a task, within the spawn budget",
};

export function renderDiscoveries(context: DispatchPlanContext): string[] {
  const lines = ["## Expected discoveries and auto-spawn rules", ""];
  const declaring = context.plan.tasks.filter((task) => task.discoveriesExpected.length > 0);
  if (declaring.length === 0) {
    lines.push("No task declares expected discoveries.");
  } else {
    for (const task of declaring) {
      const found = inlineList(task.discoveriesExpected, (item) => escapeInline(item, 100));
      lines.push(`- **${escapeId(task.id)}**: ${found}`);
    }
  }
  const open = context.units.filter((unit) => unit.status !== "done");
  lines.push(
    "",
    `Auto-spawn rules (spawn budget: ${context.plan.track.spawnBudget} tasks for the track):`,
    "",
  );
  if (open.length === 0) {
    lines.push("None: every task is done.");
    return lines;
  }
  for (const unit of open) {
    lines.push(`- **${escapeId(unit.id)}**: ${unit.autoSpawn} (${ruleMeaning[unit.autoSpawn]})`);
  }
  return lines;
}
