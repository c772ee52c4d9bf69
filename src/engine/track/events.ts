// What can happen to a track, as plain data: drivers turn webhooks, commands and simulated agents into these
// events and feed them to `step`. Every event has an id (a webhook's delivery id, or a natural key such as
// `report:T03:2`), so a redelivered event is recognised and changes nothing.

import type { Plan, severities } from "../../plan/model.js";
import type { UnitSpec, UnitStatus } from "./state.js";

export type Severity = (typeof severities)[number];

/** A follow-up an agent found, as its report states it. Hostile data: validated before anything is spawned. */
export interface SpawnCandidate {
  title: string;
  touches: string[];
  severity: Severity;
  needsUserInput: boolean;
  /** Findings with the same key are one finding; the title stands in when absent. */
  dedupKey?: string | null;
  effortHours?: number | null;
  role?: string | null;
  model?: string | null;
}

/** The structured report of one attempt (the Action measures `changedFiles` from git, never from the agent). */
export interface TaskReport {
  /** done: the work is complete and in review; partial: stopped at a safe point; needs-input: it asks a person. */
  status: "done" | "partial" | "failed" | "needs-input";
  changedFiles: string[];
  /** Subtasks this attempt finished (a parent unit's checkpoint). */
  tasksDone: string[];
  spawnCandidates: SpawnCandidate[];
  escalations: string[];
  /** What the attempt cost, when the agent knows; otherwise the estimate stands. */
  costUsd: number | null;
  metrics: Record<string, number | string>;
}

/** What the app saw of one unit on GitHub when it rebuilt a lost state (see restore.ts). Checked again there. */
export interface ObservedUnit {
  /** The status its task issue's labels show (`dispatched` shows as running), or null for none. */
  label: UnitStatus | null;
  issueClosed: boolean;
  /** The highest attempt number among the unit's runs (from their names); 0 when it never ran. */
  attempt: number;
  /** That attempt's run is queued or in progress. */
  running: boolean;
  /** The unit's newest pull request. */
  pr: { number: number; state: "open" | "merged" | "closed" } | null;
}

export type Command =
  | { type: "dispatch"; task: string | null }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "retry"; task: string }
  | { type: "cancel"; task: string | null }
  | { type: "answer"; task: string; text: string }
  | { type: "unlock"; task: string }
  | { type: "set-budget"; usd: number | null; spawn: number | null };

interface Base {
  id: string;
  track: string;
}

export type EngineEvent =
  /** A plan issue was opened or edited: start the track, or add the tasks a valid edit adds. */
  | (Base & { type: "plan"; plan: Plan })
  | (Base & { type: "command"; command: Command; by: string })
  /** The attempt's run began in a runner. */
  | (Base & { type: "attempt-started"; unit: string; attempt: number })
  /** The attempt's run finished and its PR carries this report. */
  | (Base & { type: "report"; unit: string; attempt: number; pr: number | null; report: TaskReport })
  /** The attempt's run failed, timed out or was cancelled (whether or not a PR exists). */
  | (Base & {
      type: "attempt-failed";
      unit: string;
      attempt: number;
      outcome: "failed" | "timed-out" | "cancelled";
      message: string;
      /** Subtasks its checkpoints saved. */
      tasksDone: string[];
      /** What the attempt cost, when known (0 for a run that never started); otherwise its estimate is booked. */
      costUsd?: number | null;
    })
  | (Base & { type: "pr-merged"; unit: string; pr: number })
  | (Base & { type: "pr-closed"; unit: string; pr: number })
  /** A gate was evaluated (for one unit's PR, or for the track when `unit` is null). */
  | (Base & {
      type: "gate";
      unit: string | null;
      gate: string;
      status: "pass" | "fail";
      current: string | null;
    })
  /** What GitHub shows of the track's units, after its state was rebuilt from the plan (see restore.ts). */
  | (Base & { type: "restore"; units: Record<string, ObservedUnit>; specs: UnitSpec[] })
  /** Time passed: retries whose backoff is over may go (every track). */
  | { id: string; type: "tick" };

export type EngineEventType = EngineEvent["type"];

export type RestoreEvent = Extract<EngineEvent, { type: "restore" }>;
