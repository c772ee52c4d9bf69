import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unitsConflict } from "../../src/engine/conflicts.js";
import { bLevels } from "../../src/engine/graph.js";
import { planPriority } from "../../src/engine/priority-plan.js";
import { estimateSchedule, lowerBound, wavesSchedule } from "../../src/engine/schedule.js";
import { simulateDispatch } from "../../src/engine/simulate-dispatch.js";
import type { DispatchUnit, Schedule, ScheduleEntry } from "../../src/engine/types.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { makePlan, type TaskSpec } from "../support/make-plan.js";
import { referenceSchedule } from "../support/reference-schedule.js";
import { agentsArb, unitsArb } from "./arbitraries.js";

const units = (specs: TaskSpec[]) => dispatchUnits(makePlan(specs));
const slots = (schedule: Schedule) => schedule.entries.map((e) => [e.id, e.start, e.end, e.agent]);

const demo = units([
  { id: "T01", status: "done" },
  { id: "T02", deps: ["T01"], status: "done" },
  { id: "T03", deps: ["T02"], hours: 3 },
  { id: "T04", deps: ["T03"], hours: 2, touches: ["backend/api/natal.py"] },
  { id: "T05", deps: ["T03"], hours: 2, touches: ["backend/api/transits.py"] },
  { id: "T06", deps: ["T04", "T05"], hours: 2, touches: ["tests/integration/"] },
]);

describe("estimateSchedule", () => {
  it("runs the demo track in the time of its critical path", () => {
    const schedule = estimateSchedule(demo, 2);
    expect(slots(schedule)).toEqual([
      ["T03", 0, 3, 1],
      ["T04", 3, 5, 1],
      ["T05", 3, 5, 2],
      ["T06", 5, 7, 1],
    ]);
    expect(schedule.makespan).toBe(7);
  });

  it("starts a unit the moment its dependencies end, without waiting for a wave", () => {
    const plan = units([
      { id: "short", hours: 1 },
      { id: "long", hours: 5 },
      { id: "after-short", deps: ["short"], hours: 1 },
    ]);
    expect(slots(estimateSchedule(plan, 2))).toEqual([
      ["long", 0, 5, 1],
      ["short", 0, 1, 2],
      ["after-short", 1, 2, 2],
    ]);
    expect(wavesSchedule(plan, 2).makespan).toBe(6);
  });

  it("skips a candidate whose touches are locked and starts the next one", () => {
    const plan = units([
      { id: "folder", hours: 4, touches: ["src/"] },
      { id: "inside", hours: 3, touches: ["src/a.ts"] },
      { id: "elsewhere", hours: 1, touches: ["docs/a.md"] },
      { id: "reader", hours: 2, touches: ["src/"], concurrency: "read-only" },
    ]);
    expect(slots(estimateSchedule(plan, 3))).toEqual([
      ["folder", 0, 4, 1],
      ["reader", 0, 2, 2],
      ["elsewhere", 0, 1, 3],
      ["inside", 4, 7, 1],
    ]);
  });

  it("runs a write-shared unit alone among writers", () => {
    const plan = units([
      { id: "lockfile", hours: 1, concurrency: "write-shared" },
      { id: "a", hours: 2, touches: ["src/a.ts"] },
      { id: "b", hours: 2, touches: ["src/b.ts"] },
      { id: "read", hours: 1, concurrency: "read-only" },
    ]);
    expect(slots(estimateSchedule(plan, 4))).toEqual([
      ["a", 0, 2, 1],
      ["b", 0, 2, 2],
      ["read", 0, 1, 3],
      ["lockfile", 2, 3, 1],
    ]);
  });

  it("handles zero-hour units and no work at all", () => {
    const plan = units([
      { id: "a", hours: 0, touches: ["x"] },
      { id: "b", hours: 0, touches: ["x"], deps: ["a"] },
      { id: "c", hours: 1, touches: ["x"] },
    ]);
    expect(slots(estimateSchedule(plan, 1))).toEqual([
      ["c", 0, 1, 1],
      ["a", 1, 1, 1],
      ["b", 1, 1, 1],
    ]);
    expect(estimateSchedule([], 4)).toEqual({ entries: [], makespan: 0 });
    expect(estimateSchedule(demo.slice(0, 2), 4)).toEqual({ entries: [], makespan: 0 });
  });

  it("uses at least one agent whatever it is given", () => {
    for (const agents of [0, -3, Number.NaN, 0.5]) expect(estimateSchedule(demo, agents).makespan).toBe(9);
    expect(estimateSchedule(demo, Number.POSITIVE_INFINITY).makespan).toBe(7);
  });

  it("serialises a hostile 20,000-unit plan where every unit writes under src/", () => {
    const specs = Array.from({ length: 20_000 }, (_, i) => ({
      id: `T${i}`,
      hours: 1,
      touches: ["src/", `src/f${i}.ts`],
    }));
    const schedule = estimateSchedule(units(specs), 8);
    expect(schedule.entries).toHaveLength(20_000);
    expect(schedule.makespan).toBe(20_000);
    expect(new Set(schedule.entries.map((e) => e.agent))).toEqual(new Set([1]));
  });

  it("schedules 10,000 units with distinct files in parallel", () => {
    const specs = Array.from({ length: 10_000 }, (_, i) => ({
      id: `T${i}`,
      hours: 1,
      deps: i >= 8 ? [`T${i - 8}`] : [],
      touches: [`src/module-${i}/index.ts`],
    }));
    const schedule = estimateSchedule(units(specs), 8);
    expect(schedule.makespan).toBe(1250);
  });
});

describe("wavesSchedule and lowerBound", () => {
  it("waits for the whole previous wave", () => {
    const plan = units([
      { id: "a", hours: 1 },
      { id: "b", hours: 4 },
      { id: "c", deps: ["a"], hours: 1 },
    ]);
    expect(slots(wavesSchedule(plan, 2))).toEqual([
      ["b", 0, 4, 1],
      ["a", 0, 1, 2],
      ["c", 4, 5, 1],
    ]);
    expect(wavesSchedule(plan, 2).makespan).toBe(5);
    expect(estimateSchedule(plan, 2).makespan).toBe(4);
  });

  it("bounds the makespan by the critical path and by the work per agent", () => {
    expect(lowerBound(demo, 2)).toBe(7);
    expect(lowerBound(demo, 1)).toBe(9);
    expect(lowerBound([], 3)).toBe(0);
  });
});

describe("schedule properties over random acyclic units", () => {
  const overlaps = (a: ScheduleEntry, b: ScheduleEntry) => a.start < b.end && b.start < a.end;

  it("respects dependencies, locks and the number of agents, and cannot beat the lower bound", () => {
    fc.assert(
      fc.property(unitsArb(), agentsArb, (list, agents) => {
        const schedule = estimateSchedule(list, agents);
        const byId = new Map(list.map((u) => [u.id, u]));
        const entryOf = new Map(schedule.entries.map((e) => [e.id, e]));
        const live = list.filter((u) => u.status !== "done");
        // Every unit not done appears exactly once.
        expect(schedule.entries.map((e) => e.id).sort()).toEqual(live.map((u) => u.id).sort());
        for (const entry of schedule.entries) {
          const unit = byId.get(entry.id) as DispatchUnit;
          expect(entry.end - entry.start).toBeCloseTo(unit.hours, 9);
          expect(entry.agent).toBeGreaterThanOrEqual(1);
          expect(entry.agent).toBeLessThanOrEqual(agents);
          // Never before its dependencies end.
          for (const dep of unit.deps) {
            const before = entryOf.get(dep);
            if (before) expect(entry.start).toBeGreaterThanOrEqual(before.end);
          }
        }
        for (const [i, a] of schedule.entries.entries()) {
          for (const b of schedule.entries.slice(i + 1)) {
            if (!overlaps(a, b)) continue;
            expect(a.agent).not.toBe(b.agent);
            expect(unitsConflict(byId.get(a.id) as DispatchUnit, byId.get(b.id) as DispatchUnit)).toBe(false);
          }
          const atOnce = schedule.entries.filter((b) => b.start <= a.start && a.start < b.end).length;
          expect(atOnce).toBeLessThanOrEqual(agents);
        }
        const lastEnd = Math.max(0, ...schedule.entries.map((e) => e.end));
        expect(schedule.makespan).toBe(lastEnd);
        expect(schedule.makespan).toBeGreaterThanOrEqual(lowerBound(list, agents) - 1e-9);
      }),
    );
  });

  it("makes the same decisions as a plain scan of every ready unit in the planner's order", () => {
    fc.assert(
      fc.property(unitsArb({ maxUnits: 30 }), agentsArb, (list, agents) => {
        const { order, makespan } = planPriority(list, agents);
        const first = new Map(order.map((id, place) => [id, -place]));
        const schedule = estimateSchedule(list, agents);
        expect(schedule.entries).toEqual(
          referenceSchedule(list, agents, { by: "priority", priority: first }).entries,
        );
        expect(schedule.makespan).toBe(makespan);
      }),
      { numRuns: 300 },
    );
  });

  it("dispatches by b-level, as a plain scan would, when given the b-levels", () => {
    fc.assert(
      fc.property(unitsArb({ maxUnits: 30 }), agentsArb, (list, agents) => {
        const priority = bLevels(list);
        expect(simulateDispatch(list, agents, priority, 0).entries).toEqual(
          referenceSchedule(list, agents, { by: "priority", priority }).entries,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("the wave schedule keeps every wave after the previous one and cannot beat the lower bound", () => {
    fc.assert(
      fc.property(unitsArb(), agentsArb, (list, agents) => {
        const schedule = wavesSchedule(list, agents);
        const live = list.filter((u) => u.status !== "done");
        expect(schedule.entries.map((e) => e.id).sort()).toEqual(live.map((u) => u.id).sort());
        const entryOf = new Map(schedule.entries.map((e) => [e.id, e]));
        for (const unit of live) {
          for (const dep of unit.deps) {
            const before = entryOf.get(dep);
            if (before)
              expect((entryOf.get(unit.id) as ScheduleEntry).start).toBeGreaterThanOrEqual(before.end);
          }
        }
        expect(schedule.makespan).toBeGreaterThanOrEqual(lowerBound(list, agents) - 1e-9);
      }),
    );
  });
});

describe("estimateSchedule on broken input", () => {
  it("terminates when a cycle slips past the normaliser, scheduling what it can", () => {
    const cyclic = units([
      { id: "A", deps: ["B"] },
      { id: "B", deps: ["A"] },
      { id: "C", hours: 1 },
    ]);
    expect(slots(estimateSchedule(cyclic, 2))).toEqual([["C", 0, 1, 1]]);
    expect(
      wavesSchedule(cyclic, 2)
        .entries.map((e) => e.id)
        .sort(),
    ).toEqual(["A", "B", "C"]);
  });
});
