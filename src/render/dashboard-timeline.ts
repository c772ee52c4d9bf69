// The dashboard's timeline: what ran as it happened, and what is planned as estimated, as one schedule for
// renderMermaidGantt. Hours count from the first dispatch. Planned work starts at the latest event the state
// records (not at the clock), so the chart changes only when the track does.

import { isInFlight } from "../engine/track/unit-run.js";
import { workLeft } from "../engine/track/unit-spec.js";
import type { ScheduleEntry } from "../engine/types.js";
import type { DashboardContext } from "./dashboard-context.js";
import { statusWord } from "./dashboard-links.js";
import { planWaiting, type TimelineBar, waitingStatuses } from "./dashboard-timeline-plan.js";

const hourMs = 3_600_000;
/** A planned bar is drawn at least this long (hours), so a unit estimated at zero still shows. */
const minPlannedHours = 0.25;
const minRanHours = 1 / 60;

export interface Timeline {
  entries: ScheduleEntry[];
  titles: Map<string, string>;
  /** When hour 0 is (the first dispatch), or null before any. */
  originMs: number | null;
  /** Units not drawn: held back by a failed or cancelled prerequisite. */
  heldBack: number;
}

export function buildTimeline(context: DashboardContext): Timeline {
  let originMs: number | null = null;
  let latestMs: number | null = null;
  for (const { run } of context.units) {
    if (isTime(run.dispatchedAt)) originMs = Math.min(originMs ?? Infinity, run.dispatchedAt);
    for (const time of [run.dispatchedAt, run.finishedAt]) {
      if (isTime(time)) latestMs = Math.max(latestMs ?? -Infinity, time);
    }
  }
  const hours = (ms: number): number => (originMs === null ? 0 : (ms - originMs) / hourMs);
  const anchor = latestMs === null ? 0 : Math.max(0, hours(latestMs));
  const titles = new Map<string, string>();
  const ranBars: TimelineBar[] = [];
  const ends = new Map<string, number>();
  for (const { id, spec, run } of context.units) {
    if (waitingStatuses.has(run.status)) continue;
    if (!isTime(run.dispatchedAt)) {
      if (run.status === "done") ends.set(id, 0);
      continue;
    }
    const start = hours(run.dispatchedAt);
    const estimate = start + Math.max(workLeft(spec, run.doneTasks).hours, minPlannedHours);
    const finished =
      isTime(run.finishedAt) && run.finishedAt >= run.dispatchedAt ? hours(run.finishedAt) : null;
    // In flight, in review or waiting for an answer: it ends no earlier than now-as-the-state-knows-it.
    const open = isInFlight(run.status) || finished === null;
    const end = open ? Math.max(estimate, anchor) : Math.max(finished, start + minRanHours);
    ranBars.push({ id, start, end, lock: run.lock });
    titles.set(id, `${statusWord(run.status)} · ${spec.title}`);
    if (run.status !== "failed" && run.status !== "cancelled") ends.set(id, end);
  }
  const entries = assignLanes(ranBars);
  const planned = planWaiting(context, entries, ranBars, ends, anchor, minPlannedHours);
  for (const entry of planned) {
    const unit = context.byId.get(entry.id);
    const label = unit?.run.status === "needs-input" ? "needs input" : "planned";
    titles.set(entry.id, `${label} · ${unit?.spec.title ?? ""}`);
  }
  const waitingCount = context.units.filter(({ run }) => waitingStatuses.has(run.status)).length;
  return { entries: [...entries, ...planned], titles, originMs, heldBack: waitingCount - planned.length };
}

/** Agents for what ran: each bar on the first agent free at its start (interval partitioning). */
function assignLanes(bars: readonly TimelineBar[]): ScheduleEntry[] {
  const laneEnds: number[] = [];
  return [...bars]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((bar) => {
      let lane = laneEnds.findIndex((end) => end <= bar.start);
      if (lane < 0) lane = laneEnds.push(bar.end) - 1;
      else laneEnds[lane] = bar.end;
      return { id: bar.id, start: bar.start, end: bar.end, agent: lane + 1 };
    });
}

function isTime(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}
