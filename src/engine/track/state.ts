// The engine's state: every track of one repository, as plain JSON-ready data. The GitHub app keeps it in one
// document per repository (written with a compare-and-swap), the simulator in memory. Locks are not stored
// apart: a unit holds its lock while `lock` is set, so the held locks can never disagree with the units.

import type { AutoSpawnRule, ConcurrencyClass, scopePolicies } from "../../plan/model.js";

export type ScopePolicy = (typeof scopePolicies)[number];

/** A unit's place in its lifecycle (see the README's task lifecycle). */
export type UnitStatus =
  | "blocked"
  | "ready"
  | "dispatched"
  | "running"
  | "review"
  | "done"
  | "failed"
  | "needs-input"
  | "cancelled";

/** What a unit is, fixed when it enters the track (from the plan, a spawn candidate or a gate's fix). */
export interface UnitSpec {
  id: string;
  title: string;
  /** Subtask ids in order; `[id]` for a standalone task. */
  taskIds: string[];
  deps: string[];
  touches: string[];
  concurrency: ConcurrencyClass;
  /** Waits for a person before its first dispatch (foreground work or `needs user input`). */
  needsPerson: boolean;
  /** Estimated hours and cost of each task, in `taskIds` order. */
  taskHours: number[];
  taskCostUsd: number[];
  role: string | null;
  model: string;
  autoSpawn: AutoSpawnRule;
  gates: string[];
  /** Where it came from: the plan, a report of another unit, or a gate gap. */
  origin: { kind: "plan" } | { kind: "spawn"; by: string; key: string } | { kind: "gate"; gate: string };
  /** Index in plan order (spawned units after the plan's): the stable tie-break. */
  order: number;
}

export interface Question {
  id: string;
  text: string;
  /** Who asked: the plan (a foreground task), an agent's escalation, or the engine (scope, a held candidate). */
  from: "plan" | "agent" | "engine";
  /** A scope question: the files an answer lets the unit keep (its lock is extended to them). */
  files?: string[];
  /** After the answer, the unit's finished work goes to review instead of a new attempt. */
  thenReview?: boolean;
}

/** What changes as a unit runs. */
export interface UnitRun {
  status: UnitStatus;
  /** The current (or last) attempt; 0 before the first dispatch. Attempts are numbered once, never reused. */
  attempt: number;
  /** Failed attempts since the last success or manual retry, against the track's retry limit. */
  failures: number;
  /** Not dispatched again before this time (retry backoff); null when free to go. */
  retryAt: number | null;
  /** Units this one waits for (blocked), or the failed unit that holds it back. */
  blockedBy: string[];
  /** Why it is blocked, failed, cancelled or waiting for a person, in a sentence. */
  reason: string | null;
  /** Subtasks finished, kept across attempts: a retry resumes from the first one not in this list. */
  doneTasks: string[];
  /** Held while the unit's work is in flight (dispatched, running, in review, or waiting for an answer). */
  lock: { touches: string[]; concurrency: ConcurrencyClass } | null;
  /** The estimate reserved against the budget for the attempt in flight; 0 once its cost is known. */
  reservedUsd: number;
  /** Money booked for this unit over all attempts. */
  spentUsd: number;
  pr: number | null;
  /** A person released it (answer or explicit dispatch): foreground work may go. */
  released: boolean;
  /** An explicit `/dispatch <task>` asked for it while the track as a whole is not dispatching. */
  requested: boolean;
  questions: Question[];
  /** The answers given, handed to the next attempt's brief. */
  answers: string[];
  dispatchedAt: number | null;
  finishedAt: number | null;
}

export type StopReason = "needs-person" | "critical" | "budget" | "spawn-budget" | "no-progress";

export type TrackStatus = "idle" | "active" | "paused" | "stopped" | "completed" | "cancelled";

export interface GateState {
  name: string;
  target: string;
  skip: boolean;
  /** pass / fail once measured; unknown before. */
  status: "pass" | "fail" | "unknown";
  current: string | null;
  fix: { title: string; role: string | null; touches: string[]; effortHours: number };
  /** How many fix tasks this gate has spawned. */
  fixes: number;
}

export interface TrackSettings {
  maxParallel: number;
  budgetUsd: number | null;
  spawnBudget: number;
  retryLimit: number;
  scopePolicy: ScopePolicy;
  noProgressLimit: number;
  modelRates: Record<string, number>;
  /** First retry waits this long (ms); each further one twice as long, up to `retryBackoffMaxMs`. */
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
}

export interface TrackState {
  id: string;
  title: string;
  status: TrackStatus;
  stop: { reason: StopReason; message: string } | null;
  settings: TrackSettings;
  units: Record<string, UnitSpec>;
  runs: Record<string, UnitRun>;
  /** Unit ids in dispatch priority, best first (the planner's order). */
  priority: string[];
  gates: GateState[];
  /** Dedup keys of spawn candidates seen (spawned or not), so a repeated finding spawns nothing. */
  spawnKeys: string[];
  spawned: number;
  /** Attempts that ended without progress, in a row. */
  stalls: number;
  warnedBudget: boolean;
}

export interface EngineState {
  version: 1;
  tracks: Record<string, TrackState>;
  /** Repository-wide cap on units running at once, over all tracks; null for none. */
  maxParallel: number | null;
  /** Ids of the last events handled, so a redelivered event changes nothing. */
  seen: string[];
}

/** How many event ids `seen` keeps: redeliveries come within minutes, not thousands of events later. */
export const seenLimit = 1000;

export function emptyState(maxParallel: number | null = null): EngineState {
  return { version: 1, tracks: {}, maxParallel, seen: [] };
}
