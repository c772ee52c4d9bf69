// An independent check of every schedule the benchmark scores, so a ratio below the proven optimum could only
// come from the model, never from a schedule that breaks a rule: each unit once, after its dependencies, no
// more units at once than agents, and no two conflicting units at once.

import { unitsConflict } from "../src/engine/conflicts.js";
import type { DispatchUnit, Schedule } from "../src/engine/types.js";

/** Throws with the first broken rule. */
export function checkSchedule(
  units: readonly DispatchUnit[],
  schedule: Schedule,
  agents: number,
  what: string,
): void {
  const live = units.filter((unit) => unit.status !== "done");
  const byId = new Map(live.map((unit) => [unit.id, unit]));
  const entryOf = new Map(schedule.entries.map((entry) => [entry.id, entry]));
  const fail = (message: string): never => {
    throw new Error(`${what}: ${message}`);
  };
  if (schedule.entries.length !== live.length || entryOf.size !== live.length)
    fail(`${schedule.entries.length} entries for ${live.length} units`);
  let last = 0;
  for (const entry of schedule.entries) {
    const unit = byId.get(entry.id) ?? fail(`unknown unit ${entry.id}`);
    if (Math.abs(entry.end - entry.start - unit.hours) > 1e-9) fail(`${entry.id} does not take its hours`);
    for (const dep of unit.deps) {
      const before = entryOf.get(dep);
      if (before && entry.start < before.end - 1e-9) fail(`${entry.id} starts before ${dep} ends`);
    }
    last = Math.max(last, entry.end);
  }
  if (Math.abs(last - schedule.makespan) > 1e-9) fail(`makespan ${schedule.makespan}, last end ${last}`);
  // Sweep the starts in time order: what runs at each start must fit the agents and conflict with nothing.
  const sorted = [...schedule.entries].sort((a, b) => a.start - b.start);
  for (const [k, entry] of sorted.entries()) {
    let running = 0;
    for (let j = 0; j < k; j++) {
      const other = sorted[j];
      if (!other || other.end <= entry.start || other.end === other.start) continue;
      running++;
      if (
        entry.end > entry.start &&
        unitsConflict(byId.get(other.id) as DispatchUnit, byId.get(entry.id) as DispatchUnit)
      )
        fail(`${entry.id} runs with ${other.id}, whose touches it overlaps`);
    }
    if (running >= Math.max(1, Math.floor(agents)) && entry.end > entry.start)
      fail(`more than ${agents} units at ${entry.start}`);
  }
}
