import { describe, expect, it } from "vitest";
import { PreparedGraph } from "../../src/engine/prepared-graph.js";
import { makespanBound } from "../../src/engine/priority-bound.js";
import { PriorityKeys } from "../../src/engine/priority-keys.js";
import { planPriority } from "../../src/engine/priority-plan.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { makePlan, type TaskSpec } from "../support/make-plan.js";

function bound(specs: TaskSpec[], agents: number): number {
  const prepared = new PreparedGraph(dispatchUnits(makePlan(specs)));
  return makespanBound(prepared, agents, new PriorityKeys(prepared).tLevels);
}

const independent = (hours: number[], touches: string[] = []): TaskSpec[] =>
  hours.map((h, i) => ({ id: `T${i}`, hours: h, touches }));

describe("makespanBound", () => {
  it("rounds the work per agent up to the hours every schedule is made of", () => {
    // 10 hours over 3 agents: at least 4, since every start and end falls on a whole hour.
    expect(bound(independent([3, 3, 1, 1, 1, 1]), 3)).toBe(4);
    expect(bound(independent([1.5, 1.5, 0.5, 0.5, 0.5, 0.5]), 3)).toBe(2);
    // Sevenths of an hour are not whole seconds: no grain to round to.
    expect(bound(independent([3, 3, 1, 1, 1, 1].map((h) => h / 7)), 3)).toBeCloseTo(10 / 21, 9);
  });

  it("counts the longest units that cannot each have an agent of their own", () => {
    expect(bound(independent([5, 5, 5, 1]), 2)).toBe(10);
  });

  it("adds up units that hold one lock, and write-shared units with them", () => {
    expect(bound(independent([1, 1, 1], ["src/a.ts"]), 3)).toBe(3);
    const withShared = [
      ...independent([1, 1, 1], ["src/a.ts"]),
      { id: "S", hours: 1, concurrency: "write-shared" as const },
    ];
    expect(bound(withShared, 4)).toBe(4);
  });

  it("spreads only the work that cannot start before a long first unit ends", () => {
    const fanOut: TaskSpec[] = [
      { id: "head", hours: 4 },
      ...Array.from({ length: 6 }, (_, i) => ({ id: `part-${i}`, deps: ["head"], hours: 1 })),
    ];
    expect(bound(fanOut, 3)).toBe(6);
    expect(planPriority(dispatchUnits(makePlan(fanOut)), 3).makespan).toBe(6);
  });

  it("is 0 for no work", () => {
    expect(bound([], 4)).toBe(0);
  });
});
