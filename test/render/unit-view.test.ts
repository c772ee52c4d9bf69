import { describe, expect, it } from "vitest";
import { unitViews } from "../../src/render/unit-view.js";
import { mixedAnalysis, mixedPlan } from "./mixed-plan.js";

describe("unitViews", () => {
  it("gathers a parent's subtasks into one unit with their touches, outside deps and remaining work", () => {
    const plan = mixedPlan();
    const units = unitViews(plan, mixedAnalysis(plan));
    expect(units.map((unit) => unit.id)).toEqual(["A1", "A2", "B1", "B2", "C1"]);
    const api = units[1];
    expect(api).toMatchObject({
      taskIds: ["A2", "A2.1", "A2.2"],
      deps: ["A1"],
      touches: ["src/api/routes.ts", "src/api/"],
      concurrency: "write-local",
      hours: 3.5,
      costUsd: 35,
      status: "todo",
      autoSpawn: "safe-only",
    });
    expect(units[4]?.concurrency).toBe("write-shared");
    expect(units[2]?.mode).toBe("foreground");
  });

  it("derives a parent's status from its subtasks", () => {
    const plan = mixedPlan();
    for (const task of plan.tasks) if (task.id === "A2.1") task.status = "done";
    expect(unitViews(plan, mixedAnalysis(plan))[1]?.status).toBe("doing");
    for (const task of plan.tasks) if (task.id === "A2.2") task.status = "done";
    expect(unitViews(plan, mixedAnalysis(plan))[1]?.status).toBe("done");
  });
});
