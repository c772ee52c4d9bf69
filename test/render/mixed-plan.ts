// A small plan that exercises every part of the dispatch plan: a parent with subtasks, a foreground unit, touches
// that conflict, a write-shared unit and a budget the estimate exceeds. Numbers worked out by hand (2 agents).

import type { PlanAnalysis } from "../../src/engine/plan-analysis.js";
import type { Plan } from "../../src/plan/model.js";
import { makeAnalysis, makeGate, makePlan, makeTask } from "../support/sample-analysis.js";

export function mixedPlan(): Plan {
  return makePlan(
    [
      makeTask({
        id: "A1",
        title: "Create the schema",
        touches: ["db/schema.sql"],
        costUsd: 6,
        status: "done",
      }),
      makeTask({
        id: "A2",
        title: "API layer",
        role: "Implementer",
        model: "opus",
        effort: { size: null, hours: 0 },
        costUsd: 0,
        deps: ["A1"],
        subtasks: ["A2.1", "A2.2"],
      }),
      makeTask({
        id: "A2.1",
        title: "Routes",
        model: "opus",
        effort: { size: "M", hours: 2 },
        costUsd: 20,
        deps: ["A1"],
        touches: ["src/api/routes.ts"],
        parent: "A2",
      }),
      makeTask({
        id: "A2.2",
        title: "Handlers",
        model: "opus",
        effort: { size: null, hours: 1.5 },
        costUsd: 15,
        deps: ["A2.1"],
        touches: ["src/api/"],
        parent: "A2",
      }),
      makeTask({
        id: "B1",
        title: "Write the user guide",
        needsUserInput: true,
        mode: "foreground",
        effort: { size: "S", hours: 1 },
        costUsd: 6,
        touches: ["docs/"],
        discoveriesExpected: ["outdated screenshots"],
      }),
      makeTask({
        id: "B2",
        title: "Docs index",
        model: "haiku",
        effort: { size: "S", hours: 0.75 },
        costUsd: 1.5,
        touches: ["docs/index.md"],
        autoSpawn: "none",
      }),
      makeTask({
        id: "C1",
        title: "Bump the lockfile",
        concurrency: "write-shared",
        effort: { size: "S", hours: 0.5 },
        costUsd: 3,
        deps: ["A2"],
        touches: ["package.json"],
      }),
    ],
    { id: "42", title: "Mixed track", maxParallel: 2, budgetUsd: 40, spawnBudget: 5, scopePolicy: "fail" },
    [
      makeGate({ name: "Gate-O", target: "CI green", status: "gap", fix: fixTests() }),
      makeGate({ name: "Gate-S", target: "skip", skip: true }),
    ],
  );
}

function fixTests() {
  return { title: "Fix failing tests", role: "TestRunner", touches: [], effortHours: 1.5 };
}

/** 5h 45m of work left; A2 (3h 30m) then C1 on agent 1, B1 then B2 (they conflict on docs/) on agent 2: 4h. */
export function mixedAnalysis(plan: Plan = mixedPlan()): PlanAnalysis {
  return makeAnalysis(plan, {
    readySet: ["A2", "B1", "B2"],
    waves: [["A2", "B1", "B2"], ["C1"]],
    criticalPath: ["A2", "C1"],
    criticalPathHours: 4,
    serialHours: 5.75,
    parallelHours: 4,
    wavesHours: 4,
    agents: 2,
    speedup: 5.75 / 4,
    costUsd: 45.5,
    conflicts: [
      ["A2", "C1"],
      ["B1", "B2"],
      ["B1", "C1"],
      ["B2", "C1"],
    ],
    schedule: [
      { id: "A2", start: 0, end: 3.5, agent: 1 },
      { id: "B1", start: 0, end: 1, agent: 2 },
      { id: "B2", start: 1, end: 1.75, agent: 2 },
      { id: "C1", start: 3.5, end: 4, agent: 1 },
    ],
  });
}
