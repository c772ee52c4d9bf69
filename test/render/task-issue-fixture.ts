// Units and plan tasks for task-issue tests, made by the engine's own unitSpecsOf from hand-written plans.

import type { UnitSpec } from "../../src/engine/track/state.js";
import { unitSpecsOf } from "../../src/engine/track/unit-spec.js";
import type { Task } from "../../src/plan/model.js";
import { makePlan, makeTask } from "../support/sample-analysis.js";
import { spawnedSpec } from "../support/unit-specs.js";

export const loginTasks: Task[] = [
  makeTask({ id: "T01", title: "Session schema", touches: ["db/schema.sql"] }),
  makeTask({
    id: "T04",
    title: "Login API",
    role: "backend",
    deps: ["T01"],
    subtasks: ["T04.1", "T04.2"],
    acceptance: ["POST /login answers 200 for a valid user", "Locked accounts get 423"],
    artifacts: ["docs/api/login.md"],
    gates: ["Gate-O"],
  }),
  makeTask({
    id: "T04.1",
    title: "Handler",
    parent: "T04",
    role: "backend",
    touches: ["src/api/login.ts"],
    acceptance: ["Handler validates the body"],
  }),
  makeTask({
    id: "T04.2",
    title: "Tests",
    parent: "T04",
    deps: ["T04.1"],
    model: "haiku",
    touches: ["test/api/"],
    effort: { size: "S", hours: 1 },
    acceptance: ["Covers the locked case"],
  }),
  makeTask({ id: "T05", title: "Read the logs", concurrency: "read-only", deps: ["T04"] }),
];

export function unitsOf(tasks: Task[]): Map<string, UnitSpec> {
  return new Map(unitSpecsOf(makePlan(tasks)).specs.map((spec) => [spec.id, spec]));
}

export function loginUnit(): UnitSpec {
  return unitsOf(loginTasks).get("T04") as UnitSpec;
}

export function spawnedUnit(overrides: Partial<UnitSpec> = {}): UnitSpec {
  return spawnedSpec("T04-fix-1", {
    title: "Handle the empty password",
    touches: ["src/api/login.ts"],
    autoSpawn: "none",
    origin: { kind: "spawn", by: "T04", key: "k1" },
    order: 9,
    ...overrides,
  });
}
