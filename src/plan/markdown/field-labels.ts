// The labels authors write for task fields (`Owner role`, `Depends on`, a table's `Deps` column) and the
// canonical DraftTaskFields key each one fills, plus how the value is read.

import type { DraftTaskFields } from "../draft.js";

export type TaskFieldKey = Exclude<keyof DraftTaskFields, "group">;

/**
 * text: one value as written · list: comma list · ids: comma list with parentheticals removed
 * (`T00 (if brownfield)` → `T00`) · entries: each line or nested item is one entry, commas included.
 */
export type FieldShape = "text" | "list" | "ids" | "entries";

const keysByLabel: Record<string, TaskFieldKey> = {
  "owner role": "role",
  role: "role",
  model: "model",
  "concurrency class": "concurrency",
  concurrency: "concurrency",
  "needs user input": "needsUserInput",
  mode: "mode",
  effort: "effort",
  "estimated effort": "effort",
  cost: "cost",
  "estimated cost": "cost",
  "depends on": "deps",
  dependencies: "deps",
  deps: "deps",
  touches: "touches",
  "discoveries expected": "discoveries",
  "expected discoveries": "discoveries",
  discoveries: "discoveries",
  "auto spawn allowed": "autoSpawn",
  "auto spawn": "autoSpawn",
  acceptance: "acceptance",
  "acceptance criteria": "acceptance",
  artifacts: "artifacts",
  "iosm checks": "gates",
  gates: "gates",
  status: "status",
  severity: "severity",
  requirements: "requirements",
};

const shapes: Record<TaskFieldKey, FieldShape> = {
  role: "text",
  model: "text",
  concurrency: "text",
  needsUserInput: "text",
  mode: "text",
  effort: "text",
  cost: "text",
  deps: "ids",
  touches: "list",
  discoveries: "list",
  autoSpawn: "text",
  acceptance: "entries",
  artifacts: "list",
  gates: "ids",
  status: "text",
  severity: "text",
  requirements: "list",
};

// Labels the swarm-iosm planner writes that mean nothing for dispatch (the engine computes the critical path).
const ignoredLabels = new Set(["is on critical path", "on critical path", "critical path", "notes", "note"]);

/** `Auto-spawn_Allowed:` → `auto spawn allowed`. */
export function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/:+$/, "")
    .replace(/[\s_-]+/g, " ")
    .trim();
}

/** The canonical key for a label, "ignored" for known-harmless labels, undefined for unknown ones. */
export function taskFieldKey(label: string): TaskFieldKey | "ignored" | undefined {
  const normal = normalizeLabel(label);
  if (ignoredLabels.has(normal)) return "ignored";
  return Object.hasOwn(keysByLabel, normal) ? keysByLabel[normal] : undefined;
}

export function fieldShape(key: TaskFieldKey): FieldShape {
  return shapes[key];
}
