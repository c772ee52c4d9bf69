// The list-scheduling rule written as plainly as possible, as an oracle for the engine's fast schedulers: at
// each event, scan the ready units in one order and start each one an agent is free for and whose touches
// conflict with no running unit. Slow on purpose; only the order of the ready units differs between baselines.

import { unitsConflict } from "../../src/engine/conflicts.js";
import type { DispatchUnit, ScheduleEntry } from "../../src/engine/types.js";

/**
 * How ready units are ordered; ties always go by plan order.
 * - `priority`: the highest value first (a unit missing from the map counts as 0).
 * - `arrival`: the unit that became ready first. "When" is the event that freed it: zero-hour units can free
 *   others at the same clock time, but at a later event.
 */
export type ReadyOrder = { by: "priority"; priority: ReadonlyMap<string, number> } | { by: "arrival" };

export interface ReferenceSchedule {
  /** In dispatch order. */
  entries: ScheduleEntry[];
  /** When the last unit ends; `startAt` when nothing runs. */
  end: number;
}

/**
 * Schedules the units not done on `agents` agents (at least one) from `startAt`. A dependency outside the units
 * scheduled counts as ended; each unit takes the lowest-numbered free agent.
 */
export function referenceSchedule(
  units: readonly DispatchUnit[],
  agents: number,
  readyOrder: ReadyOrder,
  startAt = 0,
): ReferenceSchedule {
  const live = units.filter((u) => u.status !== "done");
  const ids = new Set(live.map((u) => u.id));
  const limit = Math.max(1, Math.floor(agents));
  const endOf = new Map<string, number>();
  const arrival = new Map<DispatchUnit, number>();
  const before = (a: DispatchUnit, b: DispatchUnit): number =>
    readyOrder.by === "arrival"
      ? (arrival.get(a) as number) - (arrival.get(b) as number)
      : (readyOrder.priority.get(b.id) ?? 0) - (readyOrder.priority.get(a.id) ?? 0);
  const waiting = [...live];
  const running: { unit: DispatchUnit; end: number; agent: number }[] = [];
  const entries: ScheduleEntry[] = [];
  let now = startAt;
  let end = startAt;
  for (let event = 0; waiting.length > 0 || running.length > 0; event++) {
    for (const unit of waiting) {
      const depsEnded = unit.deps.every(
        (d) => !ids.has(d) || d === unit.id || (endOf.get(d) ?? Number.POSITIVE_INFINITY) <= now,
      );
      if (depsEnded && !arrival.has(unit)) arrival.set(unit, event);
    }
    const ready = waiting.filter((u) => arrival.has(u)).sort((a, b) => before(a, b) || a.order - b.order);
    for (const unit of ready) {
      if (running.length >= limit) break;
      if (running.some((r) => unitsConflict(r.unit, unit))) continue;
      const used = new Set(running.map((r) => r.agent));
      let agent = 1;
      while (used.has(agent)) agent++;
      running.push({ unit, end: now + unit.hours, agent });
      entries.push({ id: unit.id, start: now, end: now + unit.hours, agent });
      end = Math.max(end, now + unit.hours);
      waiting.splice(waiting.indexOf(unit), 1);
    }
    if (running.length === 0) break;
    now = Math.min(...running.map((r) => r.end));
    for (const r of running.filter((r) => r.end <= now)) {
      endOf.set(r.unit.id, r.end);
      running.splice(running.indexOf(r), 1);
    }
  }
  return { entries, end };
}
