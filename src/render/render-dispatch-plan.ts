// `swarm-dispatch plan FILE`: the plan and its analysis as one markdown document, section by section.

import type { PlanAnalysis } from "../engine/plan-analysis.js";
import type { Plan } from "../plan/model.js";
import type { DispatchPlanContext } from "./dispatch-plan/context.js";
import { renderDependencyGraph, renderSchedule } from "./dispatch-plan/diagrams.js";
import { renderDiscoveries } from "./dispatch-plan/discoveries.js";
import { renderGates } from "./dispatch-plan/gates.js";
import { renderLockPlan } from "./dispatch-plan/lock-plan.js";
import { renderReadySet } from "./dispatch-plan/ready-set.js";
import { renderSummary } from "./dispatch-plan/summary.js";
import { renderTaskRegistry } from "./dispatch-plan/task-registry.js";
import { escapeInline, plainText } from "./markdown-text.js";
import { unitViews } from "./unit-view.js";

export interface RenderDispatchPlanOptions {
  /** The conflict list in `analysis.conflicts` was cut at the engine's limit. */
  conflictsTruncated?: boolean;
}

const sections = [
  renderSummary,
  renderTaskRegistry,
  renderReadySet,
  renderLockPlan,
  renderDiscoveries,
  renderGates,
  renderSchedule,
  renderDependencyGraph,
];

export function renderDispatchPlan(
  plan: Plan,
  analysis: PlanAnalysis,
  options: RenderDispatchPlanOptions = {},
): string {
  const units = unitViews(plan, analysis);
  const context: DispatchPlanContext = {
    plan,
    analysis,
    units,
    unitsById: new Map(units.map((unit) => [unit.id, unit])),
    conflictsTruncated: options.conflictsTruncated ?? false,
  };
  const name = plainText(analysis.track.title) === "" ? analysis.track.id : analysis.track.title;
  // A heading drops trailing `#`s as a closing sequence, so `#` is escaped here too.
  const title = `# Continuous dispatch plan — ${escapeInline(name).replaceAll("#", "\\#")}`.trimEnd();
  const blocks = [title, ...sections.map((render) => render(context).join("\n"))];
  return `${blocks.join("\n\n")}\n`;
}
