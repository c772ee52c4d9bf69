import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unitsConflict } from "../../src/engine/conflicts.js";
import { fifoSchedule, lowerBound } from "../../src/engine/schedule.js";
import type { DispatchUnit, ScheduleEntry } from "../../src/engine/types.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { makePlan, type TaskSpec } from "../support/make-plan.js";
import { agentsArb, unitsArb } from "./arbitraries.js";

const units = (specs: TaskSpec[]) => dispatchUnits(makePlan(specs));
const slots = (entries: ScheduleEntry[]) => entries.map((e) => [e.id, e.start, e.end, e.agent]);

/**
 * The rule written plainly: at each event, scan the ready units in the order they became ready, then plan order.
 * "When" is the event that freed them: zero-hour units can free others at the same clock time, but later.
 */
function plainFifo(all: readonly DispatchUnit[], agents: number): ScheduleEntry[] {
  const live = all.filter((u) => u.status !== "done");
  const ids = new Set(live.map((u) => u.id));
  const endOf = new Map<string, number>();
  const arrival = new Map<DispatchUnit, number>();
  const waiting = [...live];
  const running: { unit: DispatchUnit; end: number; agent: number }[] = [];
  const entries: ScheduleEntry[] = [];
  let now = 0;
  for (let event = 0; waiting.length > 0 || running.length > 0; event++) {
    for (const unit of waiting) {
      const depsEnded = unit.deps.every(
        (d) => !ids.has(d) || d === unit.id || (endOf.get(d) ?? Infinity) <= now,
      );
      if (depsEnded && !arrival.has(unit)) arrival.set(unit, event);
    }
    const ready = waiting
      .filter((u) => arrival.has(u))
      .sort((a, b) => (arrival.get(a) as number) - (arrival.get(b) as number) || a.order - b.order);
    for (const unit of ready) {
      if (running.length >= Math.max(1, Math.floor(agents))) break;
      if (running.some((r) => unitsConflict(r.unit, unit))) continue;
      const used = new Set(running.map((r) => r.agent));
      let agent = 1;
      while (used.has(agent)) agent++;
      running.push({ unit, end: now + unit.hours, agent });
      entries.push({ id: unit.id, start: now, end: now + unit.hours, agent });
      waiting.splice(waiting.indexOf(unit), 1);
    }
    if (running.length === 0) break;
    now = Math.min(...running.map((r) => r.end));
    for (const r of running.filter((r) => r.end <= now)) {
      endOf.set(r.unit.id, r.end);
      running.splice(running.indexOf(r), 1);
    }
  }
  return entries;
}

describe("fifoSchedule", () => {
  it("takes the unit that became ready first, whatever its plan order or chain", () => {
    const plan = units([
      { id: "first", hours: 1 },
      { id: "after-first", deps: ["first"], hours: 1 },
      { id: "ready-early", hours: 5 },
    ]);
    expect(slots(fifoSchedule(plan, 1).entries)).toEqual([
      ["first", 0, 1, 1],
      ["ready-early", 1, 6, 1],
      ["after-first", 6, 7, 1],
    ]);
  });

  it("skips a unit whose touches are locked, and it keeps its place in the queue", () => {
    const plan = units([
      { id: "holder", hours: 2, touches: ["src/"] },
      { id: "blocked", hours: 1, touches: ["src/a.ts"] },
      { id: "free", hours: 1, touches: ["docs/a.md"] },
      { id: "late", deps: ["free"], hours: 1, touches: ["docs/b.md"] },
    ]);
    expect(slots(fifoSchedule(plan, 2).entries)).toEqual([
      ["holder", 0, 2, 1],
      ["free", 0, 1, 2],
      ["late", 1, 2, 2],
      ["blocked", 2, 3, 1],
    ]);
  });

  it("handles no work at all", () => {
    expect(fifoSchedule([], 3)).toEqual({ entries: [], makespan: 0 });
  });

  it("makes the same decisions as a plain scan in arrival order, and cannot beat the lower bound", () => {
    fc.assert(
      fc.property(unitsArb({ maxUnits: 25 }), agentsArb, (list, agents) => {
        const schedule = fifoSchedule(list, agents);
        expect(schedule.entries).toEqual(plainFifo(list, agents));
        expect(schedule.makespan).toBe(Math.max(0, ...schedule.entries.map((e) => e.end)));
        expect(schedule.makespan).toBeGreaterThanOrEqual(lowerBound(list, agents) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
