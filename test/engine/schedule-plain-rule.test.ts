import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unitsConflict } from "../../src/engine/conflicts.js";
import { bLevels, waves } from "../../src/engine/graph.js";
import { planPriority } from "../../src/engine/priority-plan.js";
import { estimateSchedule, wavesSchedule } from "../../src/engine/schedule.js";
import { simulateDispatch } from "../../src/engine/simulate-dispatch.js";
import type { DispatchUnit, ScheduleEntry } from "../../src/engine/types.js";
import { agentsArb, unitsArb } from "./arbitraries.js";

/** One wave (or any units) scheduled by the plain rule from `startAt`, ranked by the given b-levels. */
function plainScan(
  members: readonly DispatchUnit[],
  agents: number,
  priority: ReadonlyMap<string, number>,
  startAt: number,
): { entries: ScheduleEntry[]; end: number } {
  const ids = new Set(members.map((u) => u.id));
  const queue = [...members].sort(
    (a, b) => (priority.get(b.id) ?? 0) - (priority.get(a.id) ?? 0) || a.order - b.order,
  );
  const endOf = new Map<string, number>();
  const running: { unit: DispatchUnit; end: number; agent: number }[] = [];
  const entries: ScheduleEntry[] = [];
  let now = startAt;
  let end = startAt;
  while (queue.length > 0 || running.length > 0) {
    for (const unit of [...queue]) {
      if (running.length >= Math.max(1, Math.floor(agents))) break;
      const depsEnded = unit.deps.every(
        (d) => !ids.has(d) || (endOf.get(d) ?? Number.POSITIVE_INFINITY) <= now,
      );
      if (!depsEnded || running.some((r) => unitsConflict(r.unit, unit))) continue;
      const used = new Set(running.map((r) => r.agent));
      let agent = 1;
      while (used.has(agent)) agent++;
      running.push({ unit, end: now + unit.hours, agent });
      entries.push({ id: unit.id, start: now, end: now + unit.hours, agent });
      end = Math.max(end, now + unit.hours);
      queue.splice(queue.indexOf(unit), 1);
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

/** Units listed out of plan order: the `order` fields are a random permutation. */
const shuffledUnitsArb = unitsArb({ maxUnits: 25 }).chain((list) =>
  fc
    .shuffledSubarray(
      list.map((_, i) => i),
      { minLength: list.length, maxLength: list.length },
    )
    .map((orders) => list.map((unit, i) => ({ ...unit, order: orders[i] as number }))),
);

describe("wavesSchedule against the plain rule", () => {
  it("schedules each wave as a plain scan of its units would, after the previous wave", () => {
    fc.assert(
      fc.property(fc.oneof(unitsArb({ maxUnits: 25 }), shuffledUnitsArb), agentsArb, (list, agents) => {
        const priority = bLevels(list);
        const byId = new Map(list.filter((u) => u.status !== "done").map((u) => [u.id, u]));
        const entries: ScheduleEntry[] = [];
        let start = 0;
        for (const wave of waves(list)) {
          const result = plainScan(
            wave.map((id) => byId.get(id) as DispatchUnit),
            agents,
            priority,
            start,
          );
          entries.push(...result.entries);
          start = result.end;
        }
        expect(wavesSchedule(list, agents)).toEqual({ entries, makespan: start });
      }),
      { numRuns: 300 },
    );
  });

  it("and continuous dispatch as a plain scan of every unit in the planner's order, whatever the listing order", () => {
    fc.assert(
      fc.property(shuffledUnitsArb, agentsArb, (list, agents) => {
        const live = list.filter((u) => u.status !== "done");
        const first = new Map(planPriority(list, agents).order.map((id, place) => [id, -place]));
        expect(estimateSchedule(list, agents).entries).toEqual(plainScan(live, agents, first, 0).entries);
      }),
      { numRuns: 300 },
    );
  });

  it("and the b-level pass as a plain scan by b-level, whatever the listing order", () => {
    fc.assert(
      fc.property(shuffledUnitsArb, agentsArb, (list, agents) => {
        const live = list.filter((u) => u.status !== "done");
        const priority = bLevels(list);
        expect(simulateDispatch(list, agents, priority, 0).entries).toEqual(
          plainScan(live, agents, priority, 0).entries,
        );
      }),
      { numRuns: 300 },
    );
  });
});
