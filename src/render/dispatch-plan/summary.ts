// The Summary: how much work, how long with one agent and with N, the chain that bounds it, and what it costs.

import { formatHours, formatShare, formatSpeedup, formatUsd } from "../format-numbers.js";
import { escapeId, escapeInline, plainText } from "../markdown-text.js";
import type { DispatchPlanContext } from "./context.js";

const maxPathIds = 40;
const maxModels = 8;
/** The track warns at 80% of its budget spent; the plan says so ahead of time. */
const budgetWarnShare = 0.8;

export function renderSummary(context: DispatchPlanContext): string[] {
  const { analysis, plan } = context;
  const taskCount = analysis.tasks.length;
  const doneCount = analysis.tasks.filter((task) => task.status === "done").length;
  const unitCount = context.units.length;
  const units = unitCount === taskCount ? "" : ` in ${unitCount} dispatch ${plural(unitCount, "unit")}`;
  const lines = [
    "## Summary",
    "",
    `- **Tasks:** ${taskCount}${units}, ${doneCount} done`,
    `- **Agents:** ${analysis.agents}`,
    `- **Serial estimate:** ${formatHours(analysis.serialHours)} (one agent, one unit after another)`,
    `- **Parallel estimate:** ${formatHours(analysis.parallelHours)} with continuous dispatch ` +
      `(${formatSpeedup(analysis.speedup)} speedup); ${formatHours(analysis.wavesHours)} with wave barriers`,
    `- **Critical path:** ${criticalPath(analysis.criticalPath, analysis.criticalPathHours)}`,
    `- **Estimated cost:** ${formatUsd(analysis.costUsd)}${costBreakdown(context)}`,
  ];
  const budget = plan.track.budgetUsd;
  if (budget === null) {
    lines.push("- **Budget:** none set");
    return lines;
  }
  lines.push(
    `- **Budget:** ${formatUsd(budget)}; the estimate takes ${formatShare(analysis.costUsd, budget)}`,
  );
  if (analysis.costUsd > budget) {
    lines.push(
      "",
      `> **Warning:** the estimated cost (${formatUsd(analysis.costUsd)}) exceeds the budget (${formatUsd(budget)}) ` +
        `by ${formatUsd(analysis.costUsd - budget)}: the track will stop before every task is done ` +
        "unless the budget is raised.",
    );
  } else if (budget > 0 && analysis.costUsd >= budget * budgetWarnShare) {
    lines.push(
      "",
      "> **Note:** the estimate uses 80% or more of the budget; the track warns once 80% is spent.",
    );
  }
  return lines;
}

function criticalPath(ids: readonly string[], hours: number): string {
  if (ids.length === 0) return "none (no work left)";
  const shown = ids.slice(0, maxPathIds).map((id) => escapeId(id));
  if (ids.length > maxPathIds) shown.push(`… (${ids.length - maxPathIds} more)`);
  return `${shown.join(" → ")} (${formatHours(hours)})`;
}

/** ` (3 × sonnet $36.00, 1 × opus $12.00)` over the tasks not done, most expensive model first. */
function costBreakdown(context: DispatchPlanContext): string {
  const withSubtasks = new Set(
    context.plan.tasks.filter((task) => task.subtasks.length > 0).map((task) => task.id),
  );
  const byModel = new Map<string, { count: number; cost: number }>();
  for (const task of context.analysis.tasks) {
    // A parent's hours and cost are the sum of its subtasks': counting it too would count that work twice.
    if (task.status === "done" || withSubtasks.has(task.id)) continue;
    const model = plainText(task.model, 40);
    const entry = byModel.get(model) ?? { count: 0, cost: 0 };
    entry.count += 1;
    entry.cost += task.costUsd;
    byModel.set(model, entry);
  }
  if (byModel.size === 0) return "";
  const sorted = [...byModel].sort(([a, x], [b, y]) => y.cost - x.cost || (a < b ? -1 : a > b ? 1 : 0));
  const parts = sorted
    .slice(0, maxModels)
    .map(([model, { count, cost }]) => `${count} × ${escapeInline(model)} ${formatUsd(cost)}`);
  const rest = sorted.slice(maxModels);
  if (rest.length > 0) {
    const restCost = rest.reduce((sum, [, entry]) => sum + entry.cost, 0);
    parts.push(`${rest.length} other ${plural(rest.length, "model")} ${formatUsd(restCost)}`);
  }
  return ` (${parts.join(", ")})`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
