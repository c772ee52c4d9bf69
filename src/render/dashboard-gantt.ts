// The timeline section: the Mermaid Gantt of what ran and what is planned, or a line saying why it is left out.

import type { DashboardContext } from "./dashboard-context.js";
import { formatTime, plural } from "./dashboard-links.js";
import { buildTimeline } from "./dashboard-timeline.js";
import { renderMermaidGantt } from "./mermaid-gantt.js";

/** Above this many units the chart is left out: GitHub draws no Mermaid chart that large, and it costs room. */
export const maxGanttUnits = 200;

export function renderGantt(context: DashboardContext): string[] {
  const lines = ["### Timeline", ""];
  if (!context.limits.gantt) {
    lines.push("Left out to fit GitHub's size limit for an issue body.");
    return lines;
  }
  if (context.units.length > maxGanttUnits) {
    lines.push(
      `Left out: ${context.units.length} tasks are more than a chart shows (at most ${maxGanttUnits}).`,
    );
    return lines;
  }
  const timeline = buildTimeline(context);
  if (timeline.entries.length === 0) {
    lines.push("Nothing ran and nothing is planned.");
    return lines;
  }
  const from =
    timeline.originMs === null
      ? "the first dispatch"
      : `the first dispatch (${formatTime(timeline.originMs)})`;
  lines.push(
    `Hours from ${from}. What ran is drawn as it happened, the rest as planned from effort estimates, ` +
      `${plural(context.track.settings.maxParallel, "agent")} at a time.`,
  );
  if (timeline.heldBack > 0) {
    lines.push(
      `${plural(timeline.heldBack, "task waits", "tasks wait")} for a failed or cancelled task and ` +
        `${timeline.heldBack === 1 ? "is" : "are"} not drawn.`,
    );
  }
  lines.push("", renderMermaidGantt(timeline.entries, timeline.titles));
  return lines;
}
