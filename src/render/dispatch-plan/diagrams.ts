// The two Mermaid sections: the estimated schedule as a Gantt chart and the dependency graph as a flowchart.

import { formatHours } from "../format-numbers.js";
import { renderMermaidGantt } from "../mermaid-gantt.js";
import { renderMermaidGraph } from "../mermaid-graph.js";
import type { DispatchPlanContext } from "./context.js";

/** Above this many units both diagrams are left out: megabytes of Mermaid help nobody and GitHub won't draw them. */
export const maxDiagramUnits = 200;

function omitted(context: DispatchPlanContext): string | null {
  return context.units.length > maxDiagramUnits
    ? `(omitted: ${context.units.length} units; use --json)`
    : null;
}

export function renderSchedule(context: DispatchPlanContext): string[] {
  const { analysis } = context;
  const lines = ["## Estimated schedule", ""];
  if (analysis.schedule.length === 0) {
    lines.push("Nothing left to schedule: every task is done.");
    return lines;
  }
  lines.push(
    `Continuous dispatch with ${analysis.agents} ${analysis.agents === 1 ? "agent" : "agents"}: each unit starts ` +
      "as soon as its prerequisites are done, an agent is free and no running unit holds an overlapping lock. " +
      `Bars are effort estimates; the axis counts from the start of the track (${formatHours(analysis.parallelHours)} in all).`,
    "",
  );
  const titles = new Map(context.units.map((unit) => [unit.id, unit.title]));
  lines.push(omitted(context) ?? renderMermaidGantt(analysis.schedule, titles));
  return lines;
}

export function renderDependencyGraph(context: DispatchPlanContext): string[] {
  const lines = ["## Dependency graph", ""];
  if (context.units.length === 0) {
    lines.push("No tasks.");
    return lines;
  }
  lines.push("Arrows go from a prerequisite to the unit that waits for it; done units are grey.", "");
  lines.push(omitted(context) ?? renderMermaidGraph(context.units));
  return lines;
}
