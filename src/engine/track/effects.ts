// What `step` asks its driver to do, as plain data. The state already says it happened (an attempt is recorded
// before its dispatch), so a driver that dies between the state write and an effect can redo the effects from
// the state, and each effect has a natural key that makes redoing it harmless.

import type { StopReason, UnitStatus } from "./state.js";

export type Effect =
  /** Start attempt `attempt` of a unit on its branch, from the first subtask not done. */
  | {
      type: "dispatch";
      track: string;
      unit: string;
      attempt: number;
      branch: string;
      /** The subtasks left, in order (a retry resumes from the one that failed). */
      tasks: string[];
      role: string | null;
      model: string;
      /** Answers a person gave, for the brief. */
      answers: string[];
    }
  /** Ask the runner of a running attempt to stop (a cancelled task). */
  | { type: "cancel-run"; track: string; unit: string; attempt: number }
  /** A unit entered the track after the plan: create its task issue. */
  | { type: "create-task"; track: string; unit: string; title: string; origin: string; deps: string[] }
  /** A unit's status, reason or blockers changed: update its labels and issue. */
  | {
      type: "set-status";
      track: string;
      unit: string;
      status: UnitStatus;
      reason: string | null;
      blockedBy: string[];
    }
  /** A gate's result changed (for the track when `unit` is null). */
  | {
      type: "post-check";
      track: string;
      unit: string | null;
      name: string;
      conclusion: "success" | "failure";
      summary: string;
    }
  /** Say something on the track issue (unit null) or a task issue. */
  | { type: "comment"; track: string; unit: string | null; body: string }
  | { type: "budget-warning"; track: string; spentUsd: number; budgetUsd: number }
  | { type: "stop-track"; track: string; reason: StopReason; message: string }
  | { type: "track-completed"; track: string; message: string }
  /** Call `step` with a tick at this time (a retry's backoff ends). */
  | { type: "wake"; at: number };

export type EffectType = Effect["type"];
