// The structured report of one attempt: what an agent's markdown report says, read into one strict shape (see
// parse-report.ts), and the machine-readable block the Action writes at the end of the task's pull request
// (see report-block.ts), which the app reads. Everything in a report is the agent's text, hence hostile: every
// field has a cap (report-limits.ts) and touches are repository-relative paths.

import type { Severity } from "../engine/track/events.js";

export type ReportStatus = "done" | "partial" | "failed" | "needs-input";

export interface ReportCandidate {
  /** `SC-01` as the agent numbered it. */
  id: string;
  /** What the follow-up work is (the table's Subtask column). */
  title: string;
  touches: string[];
  /** As written (`S`, `M (3 hours)`), and the hours it means (null when it cannot be read). */
  effort: string | null;
  effortHours: number | null;
  needsUserInput: boolean;
  severity: Severity;
  dedupKey: string | null;
  acceptance: string | null;
}

export interface ReportEscalation {
  /** `E-01` as the agent numbered it. */
  id: string;
  title: string;
  /** The question a person must answer, with its context and options, as plain text. */
  question: string;
}

export interface AgentReport {
  status: ReportStatus;
  summary: string;
  touchesPlanned: string[];
  touchesActual: string[];
  /** Subtasks of a parent unit this attempt finished (a checkpoint). */
  tasksDone: string[];
  spawnCandidates: ReportCandidate[];
  escalations: ReportEscalation[];
  costUsd: number | null;
  /** Gate metrics and the like: name → number or short text. */
  metrics: Record<string, number | string>;
  /** What the next task should know (the report's handoff notes). */
  handoff: string;
}

/** How the attempt's run ended, as the Action saw it (not as the agent claims). */
export type RunOutcome = "completed" | "failed" | "timed-out";

/** The `<!-- swarm-report:v1 … -->` block: what the app trusts about an attempt. */
export interface ReportBlock {
  version: 1;
  track: string;
  task: string;
  attempt: number;
  outcome: RunOutcome;
  /** The report's status; `failed` when the run failed or timed out, or the report was rejected. */
  status: ReportStatus;
  /** Files the attempt changed, measured from git (never from the agent's claims). */
  changedFiles: string[];
  /** Changed files outside the task's touches (and outside the paths any task may change). */
  scopeViolations: string[];
  tasksDone: string[];
  spawnCandidates: ReportCandidate[];
  escalations: ReportEscalation[];
  costUsd: number | null;
  metrics: Record<string, number | string>;
  handoff: string;
  /**
   * Why the agent's report was rejected (then the report fields are empty), what of an accepted report could not
   * be read (a dropped candidate, a cut summary), and what was cut to fit the block's size; [] when nothing was.
   */
  problems: string[];
}
