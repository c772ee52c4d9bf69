// The planned half of the dashboard's timeline: a list schedule of the units not out yet, kept small on purpose
// (a picture, not a promise). Whenever an agent is free, the unit that can start soonest goes on it — after its
// prerequisites end and once no overlapping lock is held — ties going to the track's dispatch order, which is
// what continuous dispatch does. Lock overlaps are asked once per pair: with glob touches they are the costly part.

import { unitsConflict } from "../engine/conflicts.js";
import type { UnitSpec, UnitStatus } from "../engine/track/state.js";
import { workLeft } from "../engine/track/unit-spec.js";
import type { ScheduleEntry } from "../engine/types.js";
import type { DashboardContext, UnitEntry } from "./dashboard-context.js";

export interface TimelineBar {
  id: string;
  start: number;
  end: number;
  lock: Pick<UnitSpec, "touches" | "concurrency"> | null;
}

/** Units not out yet: they get a planned bar. */
export const waitingStatuses: ReadonlySet<UnitStatus> = new Set(["ready", "blocked", "needs-input"]);

interface Candidate {
  unit: UnitEntry;
  length: number;
  /** Bars whose locks overlap this unit's touches, by start (planned ones join as they are placed). */
  clashes: TimelineBar[];
  /** Waiting units whose touches overlap this one's. */
  rivals: UnitEntry[];
}

/**
 * Planned bars of the waiting units, from `anchor` on. `ends` holds when each unit that can satisfy a dependency
 * ends (done and open work); a unit whose prerequisite never ends (failed, cancelled) is not planned.
 */
export function planWaiting(
  context: DashboardContext,
  ran: readonly ScheduleEntry[],
  bars: readonly TimelineBar[],
  ends: Map<string, number>,
  anchor: number,
  minHours: number,
): ScheduleEntry[] {
  const rank = new Map(context.track.priority.map((id, index) => [id, index]));
  const left: Candidate[] = context.units
    .filter(({ run }) => waitingStatuses.has(run.status))
    .sort(
      (a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || a.spec.order - b.spec.order,
    )
    .map((unit) => ({
      unit,
      length: Math.max(workLeft(unit.spec, unit.run.doneTasks).hours, minHours),
      clashes: bars.filter(
        (bar) => bar.id !== unit.id && bar.lock !== null && unitsConflict(bar.lock, unit.spec),
      ),
      rivals: [],
    }));
  left.forEach((a, i) => {
    for (const b of left.slice(i + 1)) {
      if (!unitsConflict(a.unit.spec, b.unit.spec)) continue;
      a.rivals.push(b.unit);
      b.rivals.push(a.unit);
    }
  });
  const byId = new Map(left.map((candidate) => [candidate.unit.id, candidate]));
  const agents = Math.max(1, Math.min(context.track.settings.maxParallel, left.length));
  const free = Array.from({ length: agents }, () => anchor);
  for (const entry of ran) {
    const lane = entry.agent - 1;
    if (lane < agents) free[lane] = Math.max(free[lane] ?? anchor, entry.end);
  }
  const planned: ScheduleEntry[] = [];
  for (;;) {
    const lane = free.reduce((best, time, k) => (time < (free[best] ?? Infinity) ? k : best), 0);
    let best: { candidate: Candidate; start: number } | null = null;
    for (const candidate of left) {
      const { deps } = candidate.unit.spec;
      if (!deps.every((dep) => ends.has(dep) || !context.byId.has(dep))) continue;
      const ready = deps.reduce((time, dep) => Math.max(time, ends.get(dep) ?? 0), free[lane] ?? anchor);
      const start = afterLocks(ready, candidate.length, candidate.clashes);
      if (best === null || start < best.start) best = { candidate, start };
    }
    if (best === null) return planned;
    const { candidate, start } = best;
    left.splice(left.indexOf(candidate), 1);
    const end = start + candidate.length;
    const bar = { id: candidate.unit.id, start, end, lock: candidate.unit.spec };
    planned.push({ id: bar.id, start, end, agent: lane + 1 });
    for (const rival of candidate.rivals) insertByStart(byId.get(rival.id)?.clashes, bar);
    ends.set(bar.id, end);
    free[lane] = end;
  }
}

/** Clashes stay sorted by start, so one pass of afterLocks nearly always settles. */
function insertByStart(clashes: TimelineBar[] | undefined, bar: TimelineBar): void {
  if (!clashes) return;
  let index = clashes.length;
  while (index > 0 && (clashes[index - 1]?.start ?? 0) > bar.start) index--;
  clashes.splice(index, 0, bar);
}

/** The earliest start at or after `from` at which none of `clashes` overlaps a bar of `length` hours. */
function afterLocks(from: number, length: number, clashes: readonly TimelineBar[]): number {
  let start = from;
  for (let moved = true, pass = 0; moved && pass <= clashes.length; pass++) {
    moved = false;
    for (const bar of clashes) {
      if (bar.start < start + length && bar.end > start) {
        start = bar.end;
        moved = true;
      }
    }
  }
  return start;
}
