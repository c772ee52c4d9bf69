// `swarm-dispatch simulate`: the run as one markdown document: how it ended, the numbers beside the planner's,
// the timeline, and a Mermaid Gantt chart of every attempt.

import type { ScheduleEntry } from "../engine/types.js";
import { escapeInline, plainText } from "../render/markdown-text.js";
import { renderMermaidGantt } from "../render/mermaid-gantt.js";
import type { SimulationResult } from "./simulate-track.js";
import { hoursText } from "./step-timeline.js";

export interface RenderSimulationOptions {
  /** The scenario file's name, when one was given. */
  scenario?: string;
}

export function renderSimulation(result: SimulationResult, options: RenderSimulationOptions = {}): string {
  const name = result.track.title.trim() === "" ? result.track.id : result.track.title;
  const noise =
    result.noise === 0 ? "no noise" : `noise ±${Math.round(result.noise * 100)}% (seed ${result.seed})`;
  const scenario = options.scenario ? ` · scenario ${escapeInline(options.scenario)}` : "";
  const blocks = [
    `# Simulation — ${escapeInline(name).replaceAll("#", "\\#")}`.trimEnd(),
    `${result.agents} agent${result.agents === 1 ? "" : "s"} · ${noise}${scenario}`,
    `**${capitalise(result.ending.status)} at ${hoursText(result.makespan)}.** ${escapeInline(capitalise(result.ending.message), 1000)}`,
    ["## Result", "", ...resultTable(result)].join("\n"),
    [
      "## Timeline",
      "",
      "```text",
      ...result.events.filter((event) => event.kind !== "end").map(timelineLine),
      "```",
    ].join("\n"),
    ["## Gantt chart", "", renderMermaidGantt(ganttEntries(result), ganttTitles(result))].join("\n"),
  ];
  return `${blocks.join("\n\n")}\n`;
}

function resultTable(result: SimulationResult): string[] {
  const row = (what: string, value: string) => `| ${what} | ${value} |`;
  const utilisation = `${Math.round(result.utilisation * 100)}% (${hoursText(result.busyHours)} busy of ${result.agents} × ${hoursText(result.makespan)})`;
  return [
    "| measure | value |",
    "|---|---|",
    row("makespan (simulated)", hoursText(result.makespan)),
    row("planner's estimate (continuous dispatch)", hoursText(result.estimate)),
    row("lower bound: max(critical path, total work / agents)", hoursText(result.lowerBound)),
    row("critical path", hoursText(result.criticalPathLength)),
    row("total work", hoursText(result.totalWork)),
    row("wave barriers, same input", hoursText(result.baselines.waves)),
    row("first in, first out, same input", hoursText(result.baselines.fifo)),
    row("agent utilisation", utilisation),
    row("spent", `$${result.spentUsd.toFixed(2)}`),
  ];
}

/** One timeline line; backticks are replaced so hostile text cannot close the code fence. */
function timelineLine(event: SimulationResult["events"][number]): string {
  const text = plainText(event.text, 600).replace(/`/g, "'");
  return `${hoursText(event.at).padStart(9)}  ${event.kind.padEnd(8)}  ${text}`;
}

/** A retried task's later attempts get their own bars: `T03 attempt 2`. */
function ganttEntries(result: SimulationResult): ScheduleEntry[] {
  return result.schedule.map((entry, k) => {
    const attempt = result.attempts[k] ?? 1;
    return attempt > 1 ? { ...entry, id: `${entry.id} attempt ${attempt}` } : entry;
  });
}

function ganttTitles(result: SimulationResult): Map<string, string> {
  const titles = new Map<string, string>();
  result.schedule.forEach((entry, k) => {
    const attempt = result.attempts[k] ?? 1;
    const title = result.titles.get(entry.id);
    if (title !== undefined) titles.set(attempt > 1 ? `${entry.id} attempt ${attempt}` : entry.id, title);
  });
  return titles;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
