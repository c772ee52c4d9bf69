import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bLevels, waves } from "../../src/engine/graph.js";
import { planPriority } from "../../src/engine/priority-plan.js";
import { estimateSchedule, wavesSchedule } from "../../src/engine/schedule.js";
import { simulateDispatch } from "../../src/engine/simulate-dispatch.js";
import type { DispatchUnit, ScheduleEntry } from "../../src/engine/types.js";
import { referenceSchedule } from "../support/reference-schedule.js";
import { agentsArb, unitsArb } from "./arbitraries.js";

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
          const members = wave.map((id) => byId.get(id) as DispatchUnit);
          const result = referenceSchedule(members, agents, { by: "priority", priority }, start);
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
        const first = new Map(planPriority(list, agents).order.map((id, place) => [id, -place]));
        expect(estimateSchedule(list, agents).entries).toEqual(
          referenceSchedule(list, agents, { by: "priority", priority: first }).entries,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("and the b-level pass as a plain scan by b-level, whatever the listing order", () => {
    fc.assert(
      fc.property(shuffledUnitsArb, agentsArb, (list, agents) => {
        const priority = bLevels(list);
        expect(simulateDispatch(list, agents, priority, 0).entries).toEqual(
          referenceSchedule(list, agents, { by: "priority", priority }).entries,
        );
      }),
      { numRuns: 300 },
    );
  });
});
