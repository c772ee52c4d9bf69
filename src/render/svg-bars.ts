// The caller's schedule as bars ready to draw: times clamped, agents checked, attempts numbered, styles chosen.
//
// Bad numbers: times are clamped, never refused, because the chart pictures data that was already computed and
// one bad estimate should not hide the rest of it:
//  - a start or end that is NaN or negative (or -Infinity) becomes 0; a NaN end becomes the start;
//  - an end before its start becomes the start (a zero-length bar);
//  - a finite time above 1e9 hours (about 114,000 years) is capped there, so axis arithmetic stays finite;
//  - +Infinity becomes the largest finite time in the input: the bar runs to the end of the axis;
//  - a makespan that is not a finite non-negative number is ignored: the axis then spans the entries.
// An agent is refused with a thrown RangeError naming `entries[i].agent` unless it is a whole number from 1:
// there is no lane to guess for it.

import type { ScheduleEntry } from "../engine/types.js";

export type AttemptStatus = "done" | "failed" | "cancelled" | "running";
/** `planned`: no status known (an estimated schedule). */
export type BarStatus = AttemptStatus | "planned";

export interface SvgGanttInput {
  entries: readonly ScheduleEntry[];
  /** Unit id → title, shown in the bar's tooltip. */
  titles?: ReadonlyMap<string, string>;
  makespan: number;
  /** The chart's heading. */
  title?: string;
  /** The time unit of the entries; without one, the axis prints bare numbers. */
  unit?: "h";
  /** Unit id → the state of its latest attempt. Given, it also marks the id's earlier attempts as failed. */
  statuses?: ReadonlyMap<string, AttemptStatus>;
  /** Ids whose bars are highlighted. */
  criticalPath?: readonly string[];
}

export interface GanttBar {
  id: string;
  agent: number;
  start: number;
  end: number;
  status: BarStatus;
  critical: boolean;
  /** 1-based among the entries sharing this id, in time order. */
  attempt: number;
  attempts: number;
}

export interface PreparedBars {
  /** Sorted by agent, start, end, id: the drawing order, independent of the input's order. */
  bars: GanttBar[];
  /** The agents with at least one bar, ascending: one lane each. */
  lanes: number[];
  /** The latest time drawn: the makespan or the latest bar end, whichever is later; 0 for an empty chart. */
  extent: number;
  /** The makespan to mark, or null when it was unusable or zero. */
  makespan: number | null;
}

const maxHours = 1e9;
const attemptStatuses = new Set<string>(["done", "failed", "cancelled", "running"]);

export function prepareBars(input: SvgGanttInput): PreparedBars {
  const { entries } = input;
  const makespan =
    Number.isFinite(input.makespan) && input.makespan > 0 ? Math.min(input.makespan, maxHours) : 0;
  let extent = makespan;
  entries.forEach((entry, index) => {
    if (!Number.isSafeInteger(entry.agent) || entry.agent < 1) {
      throw new RangeError(
        `renderSvgGantt: entries[${index}].agent must be a whole number from 1, got ${String(entry.agent)}`,
      );
    }
    for (const time of [entry.start, entry.end]) if (Number.isFinite(time)) extent = Math.max(extent, time);
  });
  extent = Math.min(extent, maxHours);
  const placed = entries.map((entry) => {
    const start = settle(entry.start, extent, 0);
    return {
      id: String(entry.id),
      agent: entry.agent,
      start,
      end: Math.max(settle(entry.end, extent, start), start),
    };
  });
  const attemptOf = numberAttempts(placed);
  const critical = new Set(input.criticalPath ?? []);
  const bars = placed.map((entry, index): GanttBar => {
    const [attempt, attempts] = attemptOf[index] ?? [1, 1];
    // A literal of one fixed shape: spreading `entry` here made every bar a slow dictionary object.
    return {
      id: entry.id,
      agent: entry.agent,
      start: entry.start,
      end: entry.end,
      status: statusOf(input, entry.id, attempt < attempts),
      critical: critical.has(entry.id),
      attempt,
      attempts,
    };
  });
  const order = bars.map((_, index) => index).sort((a, b) => compareBars(bars, a, b));
  const sorted = order.map((index) => bars[index] as GanttBar);
  const lanes = [...new Set(sorted.map((bar) => bar.agent))];
  return { bars: sorted, lanes, extent, makespan: makespan > 0 ? makespan : null };
}

function settle(time: number, extent: number, fallback: number): number {
  if (Number.isNaN(time)) return fallback;
  if (time === Number.POSITIVE_INFINITY) return extent;
  return Math.min(Math.max(time, 0), maxHours);
}

function statusOf(input: SvgGanttInput, id: string, superseded: boolean): BarStatus {
  if (input.statuses === undefined) return "planned";
  // Only a failed attempt is retried, so every attempt but an id's latest one failed.
  if (superseded) return "failed";
  const status = input.statuses.get(id);
  return status !== undefined && attemptStatuses.has(status) ? status : "planned";
}

type Placed = Pick<GanttBar, "id" | "agent" | "start" | "end">;

/** [attempt, attempts] per entry: entries sharing an id are numbered by start, then end, then agent. */
function numberAttempts(placed: readonly Placed[]): [number, number][] {
  const byId = new Map<string, number[]>();
  placed.forEach((entry, index) => {
    const group = byId.get(entry.id);
    if (group === undefined) byId.set(entry.id, [index]);
    else group.push(index);
  });
  const result: [number, number][] = placed.map(() => [1, 1]);
  for (const group of byId.values()) {
    if (group.length === 1) continue;
    group.sort((a, b) => compareTimes(placed[a] as Placed, placed[b] as Placed) || a - b);
    group.forEach((index, rank) => {
      result[index] = [rank + 1, group.length];
    });
  }
  return result;
}

function compareTimes(a: Placed, b: Placed): number {
  return a.start - b.start || a.end - b.end || a.agent - b.agent;
}

function compareBars(bars: readonly GanttBar[], a: number, b: number): number {
  const left = bars[a] as GanttBar;
  const right = bars[b] as GanttBar;
  return (
    left.agent - right.agent ||
    left.start - right.start ||
    left.end - right.end ||
    (left.id < right.id ? -1 : left.id > right.id ? 1 : 0) ||
    left.attempt - right.attempt
  );
}
