// What each plan format's extractor produces: the plan as written, every value still a string (or a string list)
// with the line it came from. One normaliser (normalize-plan.ts) turns a draft into the validated Plan, so
// defaults, validation and error messages are the same for every format.

import type { Diagnostics } from "./diagnostics.js";

export type PlanFormat = "blocks" | "registry" | "yaml" | "checklist" | "stg" | "wfcommons";

/** A value as written, with its 1-based source line. */
export interface Sourced<T> {
  value: T;
  line: number;
}

/**
 * Task fields by their canonical name. Extractors map the author's label ("Owner role", "Depends on", the table's
 * "Deps" column, YAML's `deps`) to these keys; values stay raw so the normaliser reports bad ones at their line.
 */
export interface DraftTaskFields {
  role?: Sourced<string>;
  model?: Sourced<string>;
  /** `read-only` / `write-local` / `write-shared`. */
  concurrency?: Sourced<string>;
  /** `true` / `false` / `yes` / `no`. */
  needsUserInput?: Sourced<string>;
  /** `FG` / `BG` / `foreground` / `background`. */
  mode?: Sourced<string>;
  /** `M`, `M (3 hours)`, `L (4-6 hours)`, `2h`, `90min`, `1.5`. */
  effort?: Sourced<string>;
  /** Explicit cost in USD: `$0.132`, `0.132`. */
  cost?: Sourced<string>;
  /** Ids (or group names, or `None`) as written, one entry per item; parentheticals already removed. */
  deps?: Sourced<string[]>;
  /** Paths as written, one entry per item: code spans unwrapped; bracketed notes such as `[read-only analysis]` kept with their brackets. */
  touches?: Sourced<string[]>;
  discoveries?: Sourced<string[]>;
  /** `none` / `safe-only` / `all`. */
  autoSpawn?: Sourced<string>;
  acceptance?: Sourced<string[]>;
  artifacts?: Sourced<string[]>;
  /** Gate names this task is checked by (`IOSM checks: Gate-I, Gate-M`); `N/A` allowed. */
  gates?: Sourced<string[]>;
  /** `TODO` / `DOING` / `DONE` (any case), `[x]` checkboxes already mapped to `DONE`. */
  status?: Sourced<string>;
  /** `critical` / `high` / `medium` / `low`. */
  severity?: Sourced<string>;
  requirements?: Sourced<string[]>;
  /** YAML only: the group this task belongs to. */
  group?: Sourced<string>;
}

export interface DraftTask {
  id: string;
  /** Line of the task's heading, row or item. */
  line: number;
  title: string;
  fields: DraftTaskFields;
  /** Ordered subtasks; a task with subtasks is one dispatch unit. Subtasks never have subtasks of their own. */
  subtasks: DraftTask[];
  /**
   * Checklist format only: a top-level task without a Depends line depends on the previous top-level task (the
   * author's order is the safe default). The normaliser applies it.
   */
  dependsOnPrevious?: boolean;
  /** Fields the extractor did not recognise, reported as warnings by the normaliser. */
  unknownFields?: Sourced<string>[];
  /** Heading context, e.g. "Phase 2" (blocks format), used by `All Phase 2-3 tasks` style dependencies. */
  phase?: number;
}

export interface DraftGate {
  name: string;
  line: number;
  /** As written: `≥0.75`, `pass`, `tests pass`, `N/A`. */
  target: string;
  /** Optional current value and status columns of a Gate Targets table. */
  current?: string;
  status?: string;
  /** The task a gap in this gate spawns, when the plan says (`Gate-O gap → spawn test/perf fixes`). */
  fix?: { title: string; line: number; role?: string; touches?: string[]; effort?: string };
}

export interface DraftGroup {
  name: string;
  line: number;
  /** Members listed on the group (YAML `groups: {A: [T1, T2]}`); members may also name their group. */
  tasks: Sourced<string>[];
  /** Dependencies every member of the group gets. */
  deps?: Sourced<string[]>;
}

/** Track settings by canonical name, raw. */
export interface DraftTrackSettings {
  id?: Sourced<string>;
  title?: Sourced<string>;
  maxParallel?: Sourced<string>;
  budgetUsd?: Sourced<string>;
  spawnBudget?: Sourced<string>;
  retryLimit?: Sourced<string>;
  scopePolicy?: Sourced<string>;
  noProgressLimit?: Sourced<string>;
  /** Model name → USD per agent-hour, raw. */
  modelRates?: Sourced<Record<string, string>>;
}

export interface DraftPlan {
  format: PlanFormat;
  track: DraftTrackSettings;
  tasks: DraftTask[];
  gates: DraftGate[];
  groups: DraftGroup[];
}

/** An extractor reads one format; it reports structural problems into `diag` and returns what it could read. */
export type Extractor = (text: string, diag: Diagnostics) => DraftPlan;
