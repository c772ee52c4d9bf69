// The estimated schedule as a Mermaid Gantt chart: one section per agent, one bar per dispatch unit.
//
// Times are written as dates on a fixed anchor day (2000-01-01 00:00) with `dateFormat YYYY-MM-DD HH:mm`. Mermaid
// parses those dates in the viewer's time zone and prints the axis in it too, so the axis starts at 00:00 for every
// reader; epoch seconds (`dateFormat X`) would shift the axis by the viewer's UTC offset. Computed with Date.UTC,
// so the output does not depend on the machine's zone either.

import type { Schedule, ScheduleEntry } from "../engine/types.js";
import { createMermaidIds, ganttText } from "./mermaid-text.js";

const anchorUtc = Date.UTC(2000, 0, 1);
// Caps a hostile or absurd estimate (a billion hours) at about 100 years, which Date and Mermaid still handle.
const maxMinutes = 100 * 366 * 24 * 60;

function ganttTime(hours: number): string {
  const minutes = Number.isFinite(hours) ? Math.min(Math.max(Math.round(hours * 60), 0), maxMinutes) : 0;
  const iso = new Date(anchorUtc + minutes * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function agentNumber(agent: number): number {
  return Number.isSafeInteger(agent) ? agent : 0;
}

/**
 * A fenced ```mermaid block. `titles` maps a unit id to its title (missing titles show the id alone). Agents with
 * no scheduled unit get no section: Mermaid draws an empty section as a blank row anyway.
 */
export function renderMermaidGantt(
  schedule: Schedule | readonly ScheduleEntry[],
  titles: ReadonlyMap<string, string>,
): string {
  const entries: readonly ScheduleEntry[] = isSchedule(schedule) ? schedule.entries : schedule;
  const byAgent = new Map<number, ScheduleEntry[]>();
  let makespan = 0;
  for (const entry of entries) {
    const agent = agentNumber(entry.agent);
    const list = byAgent.get(agent) ?? [];
    list.push(entry);
    byAgent.set(agent, list);
    if (Number.isFinite(entry.end)) makespan = Math.max(makespan, entry.end);
  }
  const mermaidId = createMermaidIds();
  // Beyond one day %H:%M would repeat; %-j is the day of the year, which is the day number from the anchor.
  const axisFormat = makespan <= 24 ? "%H:%M" : "day %-j %H:%M";
  const lines = ["```mermaid", "gantt", "    dateFormat YYYY-MM-DD HH:mm", `    axisFormat ${axisFormat}`];
  lines.push("    todayMarker off");
  for (const agent of [...byAgent.keys()].sort((a, b) => a - b)) {
    lines.push(`    section Agent ${agent}`);
    const list = (byAgent.get(agent) ?? [])
      .slice()
      .sort((a, b) => a.start - b.start || compareIds(a.id, b.id));
    for (const entry of list) {
      const title = titles.get(entry.id);
      const text = ganttText(title === undefined ? entry.id : `${entry.id} ${title}`) || mermaidId(entry.id);
      const start = ganttTime(entry.start);
      const end = ganttTime(Math.max(entry.end, entry.start));
      lines.push(`    ${text} : ${mermaidId(entry.id)}, ${start}, ${end}`);
    }
  }
  lines.push("```");
  return lines.join("\n");
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isSchedule(schedule: Schedule | readonly ScheduleEntry[]): schedule is Schedule {
  return !Array.isArray(schedule);
}
