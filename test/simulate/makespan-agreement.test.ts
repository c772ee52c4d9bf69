import { existsSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planPriority } from "../../src/engine/priority-plan.js";
import { estimateSchedule } from "../../src/engine/schedule.js";
import { dispatchUnits } from "../../src/engine/units.js";
import type { Plan } from "../../src/plan/model.js";
import { simulateTrack } from "../../src/simulate/simulate-track.js";
import { agentsArb, planSpecsArb } from "../engine/arbitraries.js";
import { makePlan } from "../support/make-plan.js";
import { engineOrder, engineOrderMakespan, readPlanFile, withoutBudget } from "./simulate-support.js";

const examples = [
  "fixtures/plans/demo-track.md",
  "fixtures/plans/checklist.md",
  "fixtures/plans/template.md",
  "fixtures/plans/phase-5-3.yaml",
  "fixtures/plans/stg/diamond.stg",
  "fixtures/plans/stg/tiny-workflow.json",
];
const stgFolder = "/work/shared/bench/stg/50";
const stgFiles = existsSync(stgFolder)
  ? readdirSync(stgFolder)
      .filter((name) => name.endsWith(".stg"))
      .sort()
      .slice(0, 12)
      .map((name) => `${stgFolder}/${name}`)
  : [];

/**
 * Without noise or a scenario, every attempt takes its estimate, so the simulated track is the planner's list
 * schedule in the order the engine dispatches by, to the last bit; that order is the planner's best order, so the
 * makespan is the planner's estimate.
 */
function checkAgreement(plan: Plan, agents: number): void {
  const result = simulateTrack(plan, { agents });
  expect(result.ending.status).toBe("completed");
  expect(result.makespan).toBe(engineOrderMakespan(plan, agents));
  const units = dispatchUnits(plan);
  expect(engineOrder(plan, agents)).toEqual(planPriority(units, agents).order);
  const estimate = estimateSchedule(units, agents);
  expect(result.makespan).toBe(estimate.makespan);
  expect(result.schedule).toEqual(estimate.entries);
}

describe("simulateTrack without noise or scenario", () => {
  it.each(examples)("reproduces the planner's schedule of %s", (file) => {
    const plan = withoutBudget(readPlanFile(file));
    for (const agents of [1, 2, 3, 4, 8]) checkAgreement(plan, agents);
  });

  it("ends the demo track at the planner's estimate of 7 hours, with its schedule", () => {
    const plan = readPlanFile("fixtures/plans/demo-track.md");
    const result = simulateTrack(plan, { agents: 2 });
    expect(result.makespan).toBe(estimateSchedule(dispatchUnits(plan), 2).makespan);
    expect(result.makespan).toBe(7);
    expect(result.schedule).toEqual(estimateSchedule(dispatchUnits(plan), 2).entries);
  });

  it.skipIf(stgFiles.length === 0)("reproduces the planner's schedule of STG benchmark graphs", () => {
    expect(readPlanFile(`${stgFolder}/rand0000.stg`).tasks).toHaveLength(50);
    for (const file of stgFiles) {
      const plan = readPlanFile(file);
      for (const agents of [2, 4, 8]) checkAgreement(plan, agents);
    }
  });

  it("reproduces the planner's schedule of random plans (subtasks, foreground and done tasks, lock conflicts)", () => {
    fc.assert(
      fc.property(planSpecsArb({ maxTasks: 14 }), agentsArb, (specs, agents) => {
        const plan = makePlan(specs);
        checkAgreement(plan, agents);
      }),
      { numRuns: 150 },
    );
  });
});
