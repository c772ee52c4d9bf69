// A spawned unit's spec for tests of the engine's restore and the task issue's spec block: the shape
// spawn.ts gives a unit found in a report, overridable field by field.

import type { UnitSpec } from "../../src/engine/track/state.js";

export function spawnedSpec(id: string, overrides: Partial<UnitSpec> = {}): UnitSpec {
  return {
    id,
    title: "Found while doing T04",
    taskIds: [id],
    deps: ["T04"],
    touches: ["src/cache/"],
    concurrency: "write-local",
    needsPerson: false,
    taskHours: [1],
    taskCostUsd: [6],
    role: null,
    model: "sonnet",
    autoSpawn: "safe-only",
    gates: [],
    origin: { kind: "spawn", by: "T04", key: "session cache" },
    order: 7,
    ...overrides,
  };
}
