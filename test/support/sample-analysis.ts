// Hand-written Plan and PlanAnalysis objects for renderer tests. The numbers are worked out by hand (rates: haiku
// $2/h, sonnet $6/h, opus $10/h, as in src/plan/defaults.ts), not computed by the engine, so a renderer test never
// depends on engine code that is still changing.

import type { AnalysedTask, PlanAnalysis } from "../../src/engine/plan-analysis.js";
import type { Gate, Plan, Task, Track } from "../../src/plan/model.js";

export function makeTask(overrides: Partial<Task> & Pick<Task, "id">): Task {
  return {
    title: `Task ${overrides.id}`,
    role: null,
    model: "sonnet",
    concurrency: "write-local",
    needsUserInput: false,
    mode: "background",
    effort: { size: "M", hours: 2 },
    costUsd: 12,
    costExplicit: false,
    deps: [],
    touches: [],
    discoveriesExpected: [],
    autoSpawn: "safe-only",
    acceptance: [],
    artifacts: [],
    gates: [],
    severity: "medium",
    requirements: [],
    status: "todo",
    parent: null,
    subtasks: [],
    group: null,
    source: { file: "plan.md", line: 1 },
    ...overrides,
  };
}

export function makeGate(overrides: Partial<Gate> & Pick<Gate, "name">): Gate {
  return {
    target: "pass",
    skip: false,
    current: null,
    status: null,
    fix: { title: `Close the ${overrides.name} gap`, role: null, touches: [], effortHours: 2 },
    source: { file: "plan.md", line: 1 },
    ...overrides,
  };
}

export function makePlan(tasks: Task[], track: Partial<Track> = {}, gates: Gate[] = []): Plan {
  return {
    format: "blocks",
    file: "plan.md",
    track: {
      id: "demo-track",
      title: "Demo track",
      maxParallel: 4,
      budgetUsd: null,
      spawnBudget: 20,
      retryLimit: 2,
      scopePolicy: "escalate",
      noProgressLimit: 3,
      modelRates: { haiku: 2, sonnet: 6, opus: 10 },
      ...track,
    },
    tasks,
    gates,
  };
}

/** The analysis's task list as the engine would derive it from the plan (unit = the top-most parent). */
export function analysedTasks(plan: Plan): AnalysedTask[] {
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  return plan.tasks.map((task) => ({
    id: task.id,
    title: task.title,
    deps: task.deps,
    touches: task.touches,
    effortHours: task.effort.hours,
    model: task.model,
    costUsd: task.costUsd,
    mode: task.mode,
    unit: task.parent !== null && byId.has(task.parent) ? task.parent : task.id,
    status: task.status,
  }));
}

export function makeAnalysis(plan: Plan, overrides: Partial<PlanAnalysis> = {}): PlanAnalysis {
  return {
    track: { id: plan.track.id, title: plan.track.title },
    tasks: analysedTasks(plan),
    readySet: [],
    waves: [],
    criticalPath: [],
    criticalPathHours: 0,
    serialHours: 0,
    parallelHours: 0,
    wavesHours: 0,
    agents: plan.track.maxParallel,
    speedup: 1,
    costUsd: 0,
    conflicts: [],
    schedule: [],
    ...overrides,
  };
}

/**
 * Six tasks in the shape of the swarm-iosm demo track (examples/demo-track, MIT): two done, one running, a diamond
 * after it. Titles and numbers are this project's own.
 */
export function demoPlan(): Plan {
  const gates = [
    makeGate({ name: "Gate-I", target: "≥0.75", current: "0.72", status: "gap" }),
    makeGate({ name: "Gate-M", target: "pass", current: "pass", status: "pass" }),
    makeGate({ name: "Gate-O", target: "tests pass", current: "2 failing", status: "gap" }),
    makeGate({ name: "Gate-S", target: "N/A", skip: true }),
  ];
  return makePlan(
    [
      makeTask({
        id: "T01",
        title: "Measure API latency",
        role: "Explorer",
        concurrency: "read-only",
        effort: { size: "S", hours: 1 },
        costUsd: 6,
        status: "done",
      }),
      makeTask({
        id: "T02",
        title: "Design the caching strategy",
        role: "Architect",
        needsUserInput: true,
        mode: "foreground",
        deps: ["T01"],
        touches: ["docs/caching-adr.md"],
        autoSpawn: "none",
        status: "done",
      }),
      makeTask({
        id: "T03",
        title: "Implement cache service",
        role: "Implementer-A",
        effort: { size: "M", hours: 3 },
        costUsd: 18,
        deps: ["T02"],
        touches: ["backend/core/cache.py", "backend/core/__init__.py"],
        discoveriesExpected: ["type errors", "missing config"],
        status: "doing",
      }),
      makeTask({
        id: "T04",
        title: "Cache the natal endpoint",
        role: "Implementer-B",
        deps: ["T03"],
        touches: ["backend/api/natal.py", "tests/test_natal.py"],
        discoveriesExpected: ["cache key collisions"],
      }),
      makeTask({
        id: "T05",
        title: "Cache the transits endpoint",
        role: "Implementer-C",
        deps: ["T03"],
        touches: ["backend/api/transits.py", "tests/test_transits.py"],
      }),
      makeTask({
        id: "T06",
        title: "Integration tests",
        role: "TestRunner",
        deps: ["T04", "T05"],
        touches: ["tests/integration/", "test_results.xml"],
        discoveriesExpected: ["race conditions"],
        autoSpawn: "all",
      }),
    ],
    { budgetUsd: 100 },
    gates,
  );
}

/** 9h of work left (T03 3h, then T04 and T05 2h each side by side, then T06 2h) on 4 agents: 7h, $54. */
export function demoAnalysis(plan: Plan = demoPlan()): PlanAnalysis {
  return makeAnalysis(plan, {
    readySet: ["T03"],
    waves: [["T03"], ["T04", "T05"], ["T06"]],
    criticalPath: ["T03", "T04", "T06"],
    criticalPathHours: 7,
    serialHours: 9,
    parallelHours: 7,
    wavesHours: 7,
    agents: 4,
    speedup: 9 / 7,
    costUsd: 54,
    schedule: [
      { id: "T03", start: 0, end: 3, agent: 1 },
      { id: "T04", start: 3, end: 5, agent: 1 },
      { id: "T05", start: 3, end: 5, agent: 2 },
      { id: "T06", start: 5, end: 7, agent: 1 },
    ],
  });
}
