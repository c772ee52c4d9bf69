import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fifoSchedule, lowerBound } from "../../src/engine/schedule.js";
import type { ScheduleEntry } from "../../src/engine/types.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { makePlan, type TaskSpec } from "../support/make-plan.js";
import { referenceSchedule } from "../support/reference-schedule.js";
import { agentsArb, unitsArb } from "./arbitraries.js";

const units = (specs: TaskSpec[]) => dispatchUnits(makePlan(specs));
const slots = (entries: ScheduleEntry[]) => entries.map((e) => [e.id, e.start, e.end, e.agent]);

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
        expect(schedule.entries).toEqual(referenceSchedule(list, agents, { by: "arrival" }).entries);
        expect(schedule.makespan).toBe(Math.max(0, ...schedule.entries.map((e) => e.end)));
        expect(schedule.makespan).toBeGreaterThanOrEqual(lowerBound(list, agents) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
