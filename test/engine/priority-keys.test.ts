import { describe, expect, it } from "vitest";
import { PreparedGraph } from "../../src/engine/prepared-graph.js";
import { PriorityKeys } from "../../src/engine/priority-keys.js";
import { planPlaces, rankBy } from "../../src/engine/priority-rules.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { makePlan } from "../support/make-plan.js";

// A diamond with a tail: top → left, right → bottom → tail, and a loose unit.
const keys = new PriorityKeys(
  new PreparedGraph(
    dispatchUnits(
      makePlan([
        { id: "top", hours: 1 },
        { id: "left", deps: ["top"], hours: 2 },
        { id: "right", deps: ["top"], hours: 3 },
        { id: "bottom", deps: ["left", "right"], hours: 1 },
        { id: "tail", deps: ["bottom"], hours: 1 },
        { id: "loose", hours: 4 },
      ]),
    ),
  ),
);

describe("PriorityKeys", () => {
  it("measures each unit: earliest start, direct and indirect successors, work waiting", () => {
    expect([...keys.tLevels]).toEqual([0, 1, 1, 4, 5, 0]);
    expect([...keys.bLevels]).toEqual([6, 4, 5, 2, 1, 4]);
    expect([...keys.successors]).toEqual([2, 1, 1, 1, 0, 0]);
    expect([...keys.descendants]).toEqual([4, 2, 2, 1, 0, 0]);
    expect([...keys.descendantWork]).toEqual([8, 4, 5, 2, 1, 4]);
  });

  it("counts descendants past the 32 units of one bit word", () => {
    const chain = new PriorityKeys(
      new PreparedGraph(
        dispatchUnits(
          makePlan(
            Array.from({ length: 70 }, (_, i) => ({
              id: `T${i}`,
              deps: i > 0 ? [`T${i - 1}`] : [],
              hours: 1,
            })),
          ),
        ),
      ),
    );
    expect(chain.descendants[0]).toBe(69);
    expect(chain.descendants[40]).toBe(29);
    expect(chain.descendantWork[0]).toBe(70);
  });
});

describe("rankBy", () => {
  it("ranks by each key descending, then by plan order", () => {
    const plan = dispatchUnits(makePlan([{ id: "a" }, { id: "b" }, { id: "c" }]));
    const order = rankBy([Float64Array.from([1, 2, 2]), Float64Array.from([0, 0, 5])], planPlaces(plan));
    expect([...order]).toEqual([2, 1, 0]);
    const tied = rankBy([Float64Array.from([1, 1, 1])], planPlaces(plan));
    expect([...tied]).toEqual([0, 1, 2]);
    const listedOutOfOrder = plan.map((unit, i) => ({ ...unit, order: [2, 0, 1][i] as number }));
    expect([...rankBy([Float64Array.from([1, 1, 1])], planPlaces(listedOutOfOrder))]).toEqual([1, 2, 0]);
  });
});
