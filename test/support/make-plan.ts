// Builds valid `Plan` objects from short specs for tests: every schema field gets a sensible default, and the
// result goes through `planSchema.parse`, so a test can never feed the engine a plan the normaliser could not
// produce.

import { defaultModel, defaultModelRates, trackDefaults } from "../../src/plan/defaults.js";
import {
  type ConcurrencyClass,
  type Plan,
  planSchema,
  type Task,
  type TaskStatus,
  type Track,
} from "../../src/plan/model.js";

export interface TaskSpec {
  id: string;
  deps?: string[];
  touches?: string[];
  /** Effort hours; 2 (the `M` default) when omitted. */
  hours?: number;
  status?: TaskStatus;
  concurrency?: ConcurrencyClass;
  mode?: "foreground" | "background";
  /** Ordered subtask ids; each named subtask gets this task as its parent. */
  subtasks?: string[];
  /** Set only to build inconsistent plans; otherwise derived from the parents' `subtasks`. */
  parent?: string | null;
  title?: string;
  model?: string;
  costUsd?: number;
}

export interface PlanOptions extends Partial<Track> {
  format?: Plan["format"];
  file?: string;
}

export function makePlan(specs: readonly TaskSpec[], options: PlanOptions = {}): Plan {
  const { format = "yaml", file = "plan.yaml", ...track } = options;
  const modelRates = { ...defaultModelRates, ...track.modelRates };
  const parentOf = new Map<string, string>();
  for (const spec of specs) for (const subtask of spec.subtasks ?? []) parentOf.set(subtask, spec.id);
  const tasks: Task[] = specs.map((spec, index) => {
    const hours = spec.hours ?? 2;
    const model = spec.model ?? defaultModel;
    const mode = spec.mode ?? "background";
    return {
      id: spec.id,
      title: spec.title ?? `Task ${spec.id}`,
      role: "Implementer",
      model,
      concurrency: spec.concurrency ?? "write-local",
      needsUserInput: mode === "foreground",
      mode,
      effort: { size: null, hours },
      costUsd: spec.costUsd ?? hours * (modelRates[model] ?? 0),
      costExplicit: spec.costUsd !== undefined,
      deps: spec.deps ?? [],
      touches: spec.touches ?? [],
      discoveriesExpected: [],
      autoSpawn: "none",
      acceptance: [],
      artifacts: [],
      gates: [],
      severity: "medium",
      requirements: [],
      status: spec.status ?? "todo",
      parent: spec.parent !== undefined ? spec.parent : (parentOf.get(spec.id) ?? null),
      subtasks: spec.subtasks ?? [],
      group: null,
      source: { file, line: index + 1 },
    };
  });
  return planSchema.parse({
    format,
    file,
    track: {
      id: "test-track",
      title: "Test track",
      maxParallel: trackDefaults.maxParallel,
      budgetUsd: null,
      spawnBudget: trackDefaults.spawnBudget,
      retryLimit: trackDefaults.retryLimit,
      scopePolicy: trackDefaults.scopePolicy,
      noProgressLimit: trackDefaults.noProgressLimit,
      ...track,
      modelRates,
    },
    tasks,
    gates: [],
  });
}
