import { describe, expect, it } from "vitest";
import { readySet } from "../../src/engine/ready-set.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { makePlan } from "../support/make-plan.js";

describe("readySet", () => {
  it("holds the units not done whose dependencies are done, in plan order", () => {
    const units = dispatchUnits(
      makePlan([
        { id: "T01", status: "done" },
        { id: "T02", deps: ["T01"], status: "done" },
        { id: "T03", deps: ["T02"] },
        { id: "T04", deps: ["T03"] },
        { id: "T05", deps: ["T01"], mode: "foreground" },
        { id: "T06", deps: ["T04", "T05"] },
      ]),
    );
    expect(readySet(units)).toEqual(["T03", "T05"]);
  });

  it("keeps a unit that is under way, and a parent whose first subtasks are done", () => {
    const units = dispatchUnits(
      makePlan([
        { id: "A", status: "doing" },
        { id: "P", subtasks: ["P.1", "P.2"] },
        { id: "P.1", status: "done" },
        { id: "P.2", deps: ["P.1"] },
        { id: "B", deps: ["P.1"] },
      ]),
    );
    expect(readySet(units)).toEqual(["A", "P"]);
  });

  it("treats dependencies outside the list as satisfied", () => {
    const units = dispatchUnits(makePlan([{ id: "A" }, { id: "B", deps: ["A"] }]));
    expect(readySet(units.slice(1))).toEqual(["B"]);
    expect(readySet([])).toEqual([]);
  });
});
