import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzePlan } from "../../src/engine/analyze-plan.js";
import { conflictPairs } from "../../src/engine/conflicts.js";
import { criticalPath, waves } from "../../src/engine/graph.js";
import type { PlanAnalysis } from "../../src/engine/plan-analysis.js";
import { readySet } from "../../src/engine/ready-set.js";
import { estimateSchedule, wavesSchedule } from "../../src/engine/schedule.js";
import { dispatchUnits } from "../../src/engine/units.js";
import type { Plan } from "../../src/plan/model.js";
import { makePlan } from "../support/make-plan.js";
import { agentsArb, planSpecsArb } from "./arbitraries.js";

/** The analysis composed from the public functions one by one, each building what it needs on its own. */
function composed(plan: Plan, agents: number): { analysis: PlanAnalysis; conflictsTruncated: boolean } {
  const round = (value: number, digits = 6): number => Number(value.toFixed(digits));
  const units = dispatchUnits(plan);
  const pending = units.filter((unit) => unit.status !== "done");
  const serialHours = pending.reduce((sum, unit) => sum + unit.hours, 0);
  const schedule = estimateSchedule(units, agents);
  const critical = criticalPath(units);
  const conflicts = conflictPairs(pending);
  const analysis: PlanAnalysis = {
    track: { id: plan.track.id, title: plan.track.title },
    tasks: plan.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      deps: task.deps,
      touches: task.touches,
      effortHours: round(task.effort.hours),
      model: task.model,
      costUsd: round(task.costUsd, 4),
      mode: task.mode,
      unit: task.parent ?? task.id,
      status: task.status,
    })),
    readySet: readySet(units),
    waves: waves(units),
    criticalPath: critical.ids,
    criticalPathHours: round(critical.hours),
    serialHours: round(serialHours),
    parallelHours: round(schedule.makespan),
    wavesHours: round(wavesSchedule(units, agents).makespan),
    agents,
    speedup: schedule.makespan > 0 ? round(serialHours / schedule.makespan, 3) : 1,
    costUsd: round(
      pending.reduce((sum, unit) => sum + unit.costUsd, 0),
      4,
    ),
    conflicts: conflicts.pairs,
    schedule: schedule.entries.map((entry) => ({
      ...entry,
      start: round(entry.start),
      end: round(entry.end),
    })),
  };
  return { analysis, conflictsTruncated: conflicts.truncated };
}

describe("analyzePlan", () => {
  it("gives exactly what composing the public functions gives, on random plans", () => {
    fc.assert(
      fc.property(planSpecsArb(), agentsArb, (specs, agents) => {
        const plan = makePlan(specs);
        expect(analyzePlan(plan, agents)).toStrictEqual(composed(plan, agents));
      }),
      { numRuns: 300 },
    );
  });

  it("does so with parents and subtasks, and with the plan's own number of agents", () => {
    const plan = makePlan([
      { id: "P", subtasks: ["P.1", "P.2"], touches: ["src/"] },
      { id: "P.1", hours: 1, status: "done" },
      { id: "P.2", deps: ["P.1"], hours: 3, touches: ["src/a.ts"] },
      { id: "Q", deps: ["P.2"], hours: 2, touches: ["src/b.ts"] },
      { id: "R", hours: 0.1, touches: ["docs/*.md"] },
      { id: "S", deps: ["R"], hours: 0.2, touches: ["docs/a.md"], concurrency: "write-shared" },
    ]);
    expect(analyzePlan(plan)).toStrictEqual(composed(plan, plan.track.maxParallel));
    expect(analyzePlan(plan).analysis).toMatchObject({
      readySet: ["P", "R"],
      waves: [
        ["P", "R"],
        ["Q", "S"],
      ],
      conflicts: [
        ["P", "Q"],
        ["P", "S"],
        ["Q", "S"],
        ["R", "S"],
      ],
    });
  });

  it("says when the conflict list is cut short", () => {
    const plan = makePlan(Array.from({ length: 200 }, (_, i) => ({ id: `T${i}`, touches: ["src/"] })));
    const { analysis, conflictsTruncated } = analyzePlan(plan, 4);
    expect(conflictsTruncated).toBe(true);
    expect(analysis.conflicts).toHaveLength(10_000);
    expect(analyzePlan(plan, 4)).toStrictEqual(composed(plan, 4));
  });

  it("matches the composition on a large generated plan", () => {
    const specs = Array.from({ length: 3_000 }, (_, i) => ({
      id: `T${i}`,
      deps: i === 0 ? [] : [`T${Math.floor((i * 7919) % i)}`, `T${i - 1}`],
      hours: (i % 5) + 0.5,
      touches:
        i % 20 === 0
          ? [`src/module-${i % 97}/`]
          : [`src/module-${i % 97}/file-${i % 7}.ts`, `test/m-${i}.ts`],
      status: i % 11 === 0 ? ("done" as const) : ("todo" as const),
    }));
    const plan = makePlan(specs);
    expect(analyzePlan(plan, 8)).toStrictEqual(composed(plan, 8));
  });
});
