import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unitsConflict } from "../../src/engine/conflicts.js";
import { bLevels } from "../../src/engine/graph.js";
import { PreparedGraph } from "../../src/engine/prepared-graph.js";
import { makespanBound } from "../../src/engine/priority-bound.js";
import { PriorityKeys } from "../../src/engine/priority-keys.js";
import { planPriority, priorityOrder } from "../../src/engine/priority-plan.js";
import { estimateSchedule, lowerBound } from "../../src/engine/schedule.js";
import { simulateDispatch } from "../../src/engine/simulate-dispatch.js";
import type { DispatchUnit, ScheduleEntry } from "../../src/engine/types.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { makePlan, type TaskSpec } from "../support/make-plan.js";
import { agentsArb, unitsArb } from "./arbitraries.js";

const units = (specs: TaskSpec[]) => dispatchUnits(makePlan(specs));
const bLevelPass = (list: readonly DispatchUnit[], agents: number) =>
  simulateDispatch(list, agents, bLevels(list), 0).end;

/**
 * Two units tie on b-level (3 hours): plan order starts `solo` first, which leaves `tail` alone at the end; a
 * rule that prefers the unit others wait for (CP/MISF) starts `head` and ends an hour sooner.
 */
const trap = units([
  { id: "solo", hours: 3 },
  { id: "head", hours: 2 },
  { id: "tail", deps: ["head"], hours: 1 },
  { id: "long", hours: 4 },
]);

describe("planPriority", () => {
  it("keeps the b-level order when nothing is shorter", () => {
    const plan = units([
      { id: "a", hours: 3 },
      { id: "b", deps: ["a"], hours: 2 },
      { id: "c", hours: 1 },
    ]);
    expect(planPriority(plan, 2)).toEqual({ order: ["a", "b", "c"], makespan: 5, rule: "b-level" });
  });

  it("finds an order shorter than one b-level pass when there is one, and the schedule follows it", () => {
    expect(bLevelPass(trap, 2)).toBe(6);
    expect(planPriority(trap, 2)).toEqual({
      order: ["long", "head", "solo", "tail"],
      makespan: 5,
      rule: "cp-misf",
    });
    expect(estimateSchedule(trap, 2).entries.map((e) => [e.id, e.start, e.end])).toEqual([
      ["long", 0, 4],
      ["head", 0, 2],
      ["solo", 2, 5],
      ["tail", 4, 5],
    ]);
    expect(priorityOrder(trap, 2)).toEqual(["long", "head", "solo", "tail"]);
  });

  it("orders only the units not done, and nothing at all for an empty plan", () => {
    const plan = units([
      { id: "done", status: "done", hours: 1 },
      { id: "left", deps: ["done"], hours: 1 },
    ]);
    expect(planPriority(plan, 3)).toEqual({ order: ["left"], makespan: 1, rule: "b-level" });
    expect(planPriority([], 3)).toEqual({ order: [], makespan: 0, rule: "b-level" });
  });

  it("with no budget, is the b-level pass", () => {
    const best = planPriority(trap, 2, { work: 0 });
    expect(best.rule).toBe("b-level");
    expect(best.makespan).toBe(6);
  });

  it("terminates on a cycle that slipped past the normaliser, ordering every unit", () => {
    const cyclic = units([
      { id: "A", deps: ["B"] },
      { id: "B", deps: ["A"] },
      { id: "C", hours: 1 },
    ]);
    expect(planPriority(cyclic, 2).order.sort()).toEqual(["A", "B", "C"]);
  });

  it("answers for non-finite and extreme hours", () => {
    for (const odd of [Number.POSITIVE_INFINITY, Number.NaN, 1e308, 1e-300]) {
      const plan = units([
        { id: "a", hours: 1 },
        { id: "b", hours: 2, deps: ["a"] },
        { id: "c", hours: 3 },
      ]).map((unit) => (unit.id === "c" ? { ...unit, hours: odd } : unit));
      const best = planPriority(plan, 2);
      expect([...best.order].sort()).toEqual(["a", "b", "c"]);
      expect(best.rule).toBe("b-level");
    }
  });

  it("tries only b-level and CP/MISF on a 10,000-unit plan", () => {
    const specs = Array.from({ length: 10_000 }, (_, i) => ({
      id: `T${i}`,
      hours: (i % 4) + 1,
      deps: i >= 8 ? [`T${i - 8 - (i % 3)}`] : [],
      touches: [`src/module-${i % 500}/index.ts`],
    }));
    const best = planPriority(units(specs), 8);
    expect(best.order).toHaveLength(10_000);
    expect(["b-level", "cp-misf"]).toContain(best.rule);
    expect(best.makespan).toBeLessThanOrEqual(bLevelPass(units(specs), 8));
  });
});

describe("planPriority properties over random acyclic units", () => {
  const overlaps = (a: ScheduleEntry, b: ScheduleEntry) => a.start < b.end && b.start < a.end;

  it("orders exactly the units not done, never worse than b-level nor below any lower bound", () => {
    fc.assert(
      fc.property(unitsArb({ maxUnits: 25 }), agentsArb, (list, agents) => {
        const best = planPriority(list, agents);
        const live = list.filter((unit) => unit.status !== "done").map((unit) => unit.id);
        expect([...best.order].sort()).toEqual([...live].sort());
        expect(best.makespan).toBeLessThanOrEqual(bLevelPass(list, agents));
        const prepared = new PreparedGraph(list);
        const bound = makespanBound(prepared, agents, new PriorityKeys(prepared).tLevels);
        expect(best.makespan).toBeGreaterThanOrEqual(bound - 1e-9 * Math.max(1, bound));
        expect(bound).toBeGreaterThanOrEqual(lowerBound(list, agents) - 1e-9 * Math.max(1, bound));
      }),
      { numRuns: 300 },
    );
  });

  it("gives a schedule in that order that respects dependencies and locks", () => {
    fc.assert(
      fc.property(unitsArb({ maxUnits: 25 }), agentsArb, (list, agents) => {
        const best = planPriority(list, agents);
        const schedule = estimateSchedule(list, agents);
        expect(schedule.makespan).toBe(best.makespan);
        const byId = new Map(list.map((unit) => [unit.id, unit]));
        const entryOf = new Map(schedule.entries.map((entry) => [entry.id, entry]));
        for (const entry of schedule.entries) {
          for (const dep of (byId.get(entry.id) as DispatchUnit).deps) {
            const before = entryOf.get(dep);
            if (before) expect(entry.start).toBeGreaterThanOrEqual(before.end);
          }
        }
        for (const [i, a] of schedule.entries.entries()) {
          for (const b of schedule.entries.slice(i + 1)) {
            if (!overlaps(a, b)) continue;
            expect(unitsConflict(byId.get(a.id) as DispatchUnit, byId.get(b.id) as DispatchUnit)).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same answer for the same input", () => {
    fc.assert(
      fc.property(unitsArb({ maxUnits: 25 }), agentsArb, (list, agents) => {
        const copy = structuredClone(list);
        expect(planPriority(copy, agents)).toEqual(planPriority(list, agents));
      }),
      { numRuns: 100 },
    );
  });
});
