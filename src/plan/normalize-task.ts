// One draft task → one model task, every field parsed and defaulted. Dependencies stay as written here; they
// are resolved across the whole plan in resolve-deps.ts.

import { defaultEffortSize, effortHours } from "./defaults.js";
import type { Diagnostics } from "./diagnostics.js";
import type { DraftTask, Sourced } from "./draft.js";
import {
  autoSpawnRules,
  type ConcurrencyClass,
  concurrencyClasses,
  severities,
  type Task,
  type TaskStatus,
} from "./model.js";
import { normalizeTouches } from "./normalize-touches.js";
import { parseEffort } from "./parse-effort.js";
import { canonicalWord, isNone, parseBoolean, parseMoney } from "./parse-values.js";
import { modelRate, resolveModel } from "./resolve-model.js";

const statusWords: Record<string, TaskStatus> = {
  todo: "todo",
  pending: "todo",
  open: "todo",
  "not-started": "todo",
  doing: "doing",
  "in-progress": "doing",
  wip: "doing",
  running: "doing",
  review: "doing",
  done: "done",
  complete: "done",
  completed: "done",
  merged: "done",
};

export interface NormalizeContext {
  diag: Diagnostics;
  rates: Record<string, number>;
  /** Models already warned about, so an unknown model is reported once. */
  unknownModels: Set<string>;
}

export function normalizeTask(draft: DraftTask, parent: string | null, ctx: NormalizeContext): Task {
  const { diag } = ctx;
  const f = draft.fields;
  for (const unknown of draft.unknownFields ?? []) {
    diag.warning(unknown.line, `${draft.id}: unknown field "${unknown.value}" ignored`);
  }
  const needsUserInput = pick(
    f.needsUserInput,
    parseBoolean,
    false,
    diag,
    `${draft.id}: "Needs user input" must be true or false`,
  );
  const modeWord = f.mode ? canonicalWord(f.mode.value) : "";
  if (f.mode && !["fg", "bg", "foreground", "background"].includes(modeWord)) {
    diag.error(
      f.mode.line,
      `${draft.id}: mode "${f.mode.value}" must be FG or BG (foreground or background)`,
    );
  }
  const foreground = needsUserInput || modeWord === "fg" || modeWord === "foreground";

  const touches = normalizeTouches(f.touches?.value ?? []);
  const touchLine = f.touches?.line ?? draft.line;
  for (const error of touches.errors) diag.error(touchLine, `${draft.id}: ${error}`);
  for (const prose of touches.prose) {
    diag.warning(
      touchLine,
      `${draft.id}: touch "${prose}" is not a path, so the task runs alone (write-shared)`,
      "write repo-relative files or folders ending in / to let it run in parallel",
    );
  }
  const concurrency = concurrencyOf(
    draft,
    touches.paths,
    touches.readOnlyHint,
    touches.prose.length > 0,
    diag,
  );

  const effortDraft = f.effort;
  let effort = {
    size: defaultEffortSize as Task["effort"]["size"],
    hours: effortHours[defaultEffortSize] as number,
  };
  if (effortDraft && !isNone(effortDraft.value)) {
    const parsed = parseEffort(effortDraft.value);
    if ("error" in parsed) diag.error(effortDraft.line, `${draft.id}: ${parsed.error}`);
    else effort = parsed;
  }

  const role = f.role && !isNone(f.role.value) ? f.role.value.trim() : null;
  const model = resolveModel({ model: f.model?.value ?? null, role, concurrency, needsUserInput });
  const { rate, known } = modelRate(model, ctx.rates);
  if (!known && !ctx.unknownModels.has(model)) {
    ctx.unknownModels.add(model);
    diag.warning(
      f.model?.line ?? draft.line,
      `model "${model}" has no rate; costs use the default rate of $${rate.toFixed(2)}/h`,
      "add it to the plan's model rates",
    );
  }
  let costUsd = effort.hours * rate;
  let costExplicit = false;
  if (f.cost && !isNone(f.cost.value)) {
    const cost = parseMoney(f.cost.value);
    if (cost === null)
      diag.error(f.cost.line, `${draft.id}: cost "${f.cost.value}" is not an amount in USD (e.g. $1.50)`);
    else {
      costUsd = cost;
      costExplicit = true;
    }
  }

  return {
    id: draft.id,
    title: draft.title.trim() || draft.id,
    role,
    model,
    concurrency,
    needsUserInput,
    mode: foreground ? "foreground" : "background",
    effort,
    costUsd,
    costExplicit,
    deps: [],
    touches: concurrency === "read-only" ? [] : touches.paths,
    discoveriesExpected: list(f.discoveries),
    autoSpawn: autoSpawnOf(draft, diag),
    acceptance: list(f.acceptance),
    artifacts: list(f.artifacts),
    gates: list(f.gates),
    severity: pickEnum(f.severity, severities, "medium", diag, `${draft.id}: severity`),
    requirements: list(f.requirements),
    status: statusOf(draft, diag),
    parent,
    subtasks: draft.subtasks.map((subtask) => subtask.id),
    group: f.group?.value.trim() || null,
    source: { file: diag.file, line: draft.line },
  };
}

function concurrencyOf(
  draft: DraftTask,
  paths: string[],
  readOnlyHint: boolean,
  hasProse: boolean,
  diag: Diagnostics,
): ConcurrencyClass {
  const written = draft.fields.concurrency;
  let declared: ConcurrencyClass | null = null;
  if (written && !isNone(written.value)) {
    declared = pickEnum(written, concurrencyClasses, null, diag, `${draft.id}: concurrency class`);
  }
  if (declared === "write-shared" || hasProse) return "write-shared";
  if (declared === "read-only" || (declared === null && readOnlyHint)) {
    if (paths.length === 0) return "read-only";
    diag.warning(
      written?.line ?? draft.line,
      `${draft.id}: a read-only task declares touches; it will hold locks on them (write-local)`,
    );
    return "write-local";
  }
  if (paths.length > 0) return "write-local";
  if (declared === "write-local") {
    diag.warning(
      written?.line ?? draft.line,
      `${draft.id}: write-local task declares no touches, so it runs alone (write-shared)`,
    );
  }
  return "write-shared";
}

function autoSpawnOf(draft: DraftTask, diag: Diagnostics): Task["autoSpawn"] {
  const written = draft.fields.autoSpawn;
  const word = written ? canonicalWord(written.value) : "";
  if (!written || (isNone(word) && word !== "none")) return "safe-only";
  if ((autoSpawnRules as readonly string[]).includes(word)) return word as Task["autoSpawn"];
  diag.warning(
    written.line,
    `${draft.id}: auto-spawn "${written.value}" is not none, safe-only or all; using safe-only`,
  );
  return "safe-only";
}

function statusOf(draft: DraftTask, diag: Diagnostics): TaskStatus {
  const written = draft.fields.status;
  if (!written || isNone(written.value)) return "todo";
  const status = statusWords[canonicalWord(written.value)];
  if (status) return status;
  diag.error(written.line, `${draft.id}: status "${written.value}" must be TODO, DOING or DONE`);
  return "todo";
}

function list(field: Sourced<string[]> | undefined): string[] {
  return (field?.value ?? []).map((item) => item.trim()).filter((item) => item !== "" && !isNone(item));
}

function pick<T>(
  field: Sourced<string> | undefined,
  parse: (text: string) => T | null,
  fallback: T,
  diag: Diagnostics,
  message: string,
): T {
  if (!field || field.value.trim() === "") return fallback;
  const value = parse(field.value);
  if (value === null) {
    diag.error(field.line, `${message} (got "${field.value}")`);
    return fallback;
  }
  return value;
}

function pickEnum<T extends string, F extends T | null>(
  field: Sourced<string> | undefined,
  allowed: readonly T[],
  fallback: F,
  diag: Diagnostics,
  what: string,
): T | F {
  if (!field || field.value.trim() === "") return fallback;
  const word = canonicalWord(field.value);
  if ((allowed as readonly string[]).includes(word)) return word as T;
  diag.error(field.line, `${what} "${field.value}" must be one of ${allowed.join(", ")}`);
  return fallback;
}
