// An attempt's life after dispatch: its run starts, it reports (or fails), its PR merges or is closed. Events of
// an attempt that is no longer the unit's current one (a late delivery after a retry) change nothing.

import { bookAttempt } from "./budget.js";
import type { Effect } from "./effects.js";
import type { TaskReport } from "./events.js";
import { applyMetrics } from "./gates.js";
import { heldLocks } from "./held-locks.js";
import { endAttemptUnfinished } from "./retry.js";
import { canExtend, scopeViolations } from "./scope.js";
import { spawnFromReport } from "./spawn.js";
import type { EngineState, TrackState, UnitRun } from "./state.js";
import { stopTrack } from "./stop.js";
import { isInFlight } from "./unit-run.js";
import { ownRun } from "./working-copy.js";

/** The unit's run when `attempt` is its current attempt and still out; null otherwise. */
function currentAttempt(track: TrackState, unit: string, attempt: number): UnitRun | null {
  const run = track.runs[unit];
  return run && run.attempt === attempt && isInFlight(run.status) ? (ownRun(track, unit) ?? null) : null;
}

export function attemptStarted(track: TrackState, unit: string, attempt: number): void {
  const run = currentAttempt(track, unit, attempt);
  if (run?.status === "dispatched") run.status = "running";
}

export function attemptFailed(
  track: TrackState,
  unit: string,
  attempt: number,
  outcome: "failed" | "timed-out" | "cancelled",
  message: string,
  tasksDone: readonly string[],
  now: number,
  effects: Effect[],
  costUsd: number | null = null,
): void {
  const run = currentAttempt(track, unit, attempt);
  if (!run) return;
  const progressed = saveCheckpoint(track, unit, tasksDone);
  const what = outcome === "timed-out" ? "timed out" : outcome;
  // Unknown cost books the reservation (the agent may have spent it); a known one, e.g. 0 for a run that never
  // started, books what it was.
  const cost = costUsd !== null && Number.isFinite(costUsd) && costUsd >= 0 ? costUsd : null;
  endAttemptUnfinished(track, unit, now, `${what}${message ? `: ${clip(message)}` : ""}`, cost);
  countProgress(track, progressed, effects);
}

export function reportArrived(
  state: EngineState,
  track: TrackState,
  unit: string,
  attempt: number,
  pr: number | null,
  report: TaskReport,
  now: number,
  effects: Effect[],
): void {
  const run = currentAttempt(track, unit, attempt);
  if (!run) return;
  if (pr !== null) run.pr = pr;
  const progressed = saveCheckpoint(track, unit, report.tasksDone) || report.status === "done";
  applyMetrics(track, unit, report.metrics, effects);
  const found = spawnFromReport(track, unit, report.spawnCandidates, effects);
  if (found.critical.length > 0) {
    stopTrack(
      track,
      "critical",
      `${unit} found critical work: ${found.critical.map((t) => `"${clip(t)}"`).join(", ")}. Decide what to do, then /resume.`,
      effects,
    );
  } else if (found.budgetSpent) {
    stopTrack(
      track,
      "spawn-budget",
      `the spawn budget (${track.settings.spawnBudget}) is spent and ${unit} found more work. Raise it with /budget spawn N, or /resume to go on without it.`,
      effects,
    );
  }

  const violations = run.lock ? scopeViolations(run.lock, report.changedFiles) : [];
  if (violations.length > 0 && report.status !== "failed") {
    const files =
      violations.slice(0, 10).join(", ") +
      (violations.length > 10 ? ` and ${violations.length - 10} more` : "");
    const policy = track.settings.scopePolicy;
    const self = { track: track.id, unit };
    if (policy === "extend" && run.lock && canExtend(heldLocks(state), self, violations)) {
      run.lock = { ...run.lock, touches: [...run.lock.touches, ...violations] };
      effects.push({
        type: "comment",
        track: track.id,
        unit,
        body: `${unit} changed files beyond its touches (${files}); nobody else holds them, so its lock now covers them.`,
      });
    } else if (policy === "fail") {
      endAttemptUnfinished(track, unit, now, `changed files beyond its touches (${files})`, report.costUsd);
      countProgress(track, false, effects);
      return;
    } else {
      bookAttempt(track, unit, report.costUsd);
      ask(
        run,
        `${unit} changed files beyond its touches: ${files}. /answer ${unit} to accept them (its lock then covers them), or /cancel ${unit}.`,
        "engine",
        violations,
      );
      const question = run.questions[run.questions.length - 1];
      if (question?.files && report.status === "done" && report.escalations.length === 0)
        question.thenReview = true;
      countProgress(track, progressed, effects);
      return;
    }
  }

  switch (report.status) {
    case "done":
      bookAttempt(track, unit, report.costUsd);
      for (const question of report.escalations) ask(run, clip(question));
      if (run.questions.length === 0) {
        run.status = "review";
        run.finishedAt = now;
        run.reason =
          run.pr !== null ? `PR #${run.pr} waits for review and merge` : "waits for review and merge";
      }
      break;
    case "needs-input":
      bookAttempt(track, unit, report.costUsd);
      for (const question of report.escalations) ask(run, clip(question));
      if (run.questions.length === 0) ask(run, `${unit} stopped to ask a person; see its PR.`);
      break;
    case "partial":
    case "failed":
      endAttemptUnfinished(
        track,
        unit,
        now,
        report.status === "partial" ? "stopped at a checkpoint" : "failed",
        report.costUsd,
      );
      break;
  }
  countProgress(track, progressed, effects);
}

/**
 * A merge is what GitHub says happened: the unit is done whatever it was waiting for (a person may merge a PR
 * whose agent asked a question). An attempt still out for it is asked to stop.
 */
export function prMerged(track: TrackState, unit: string, pr: number, now: number, effects: Effect[]): void {
  const seen = track.runs[unit];
  if (!seen || seen.status === "done" || (seen.pr !== null && seen.pr !== pr)) return;
  if (seen.status !== "review" && seen.pr === null) return;
  const run = ownRun(track, unit) as UnitRun;
  if (isInFlight(run.status))
    effects.push({ type: "cancel-run", track: track.id, unit, attempt: run.attempt });
  bookAttempt(track, unit, null);
  run.status = "done";
  run.pr = pr;
  run.doneTasks = [...(track.units[unit]?.taskIds ?? run.doneTasks)];
  run.lock = null;
  run.questions = [];
  run.reason = null;
  run.blockedBy = [];
  run.finishedAt = now;
  track.stalls = 0;
}

export function prClosed(track: TrackState, unit: string, pr: number, now: number): void {
  const seen = track.runs[unit];
  if (
    !seen ||
    seen.pr !== pr ||
    seen.status === "done" ||
    seen.status === "cancelled" ||
    seen.status === "failed"
  )
    return;
  const run = ownRun(track, unit) as UnitRun;
  bookAttempt(track, unit, null);
  run.status = "failed";
  run.lock = null;
  run.retryAt = null;
  run.finishedAt = now;
  run.reason = `PR #${pr} was closed without merging; /retry ${unit} to run it again`;
}

/** Adds the subtasks an attempt finished; returns whether any is new. */
function saveCheckpoint(track: TrackState, unit: string, tasksDone: readonly string[]): boolean {
  const run = ownRun(track, unit);
  const spec = track.units[unit];
  if (!run || !spec) return false;
  let added = false;
  for (const id of spec.taskIds) {
    if (tasksDone.includes(id) && !run.doneTasks.includes(id)) {
      run.doneTasks.push(id);
      added = true;
    }
  }
  return added;
}

function ask(run: UnitRun, text: string, from: "agent" | "engine" = "agent", files?: string[]): void {
  run.status = "needs-input";
  run.reason = "waits for an answer";
  if (run.questions.some((q) => q.text === text)) return;
  run.questions.push({
    id: `q${run.attempt}-${run.questions.length + 1}`,
    text,
    from,
    ...(files ? { files, thenReview: false } : {}),
  });
}

/** Attempts that end without progress count towards the no-progress stop. */
function countProgress(track: TrackState, progressed: boolean, effects: Effect[]): void {
  if (progressed) {
    track.stalls = 0;
    return;
  }
  track.stalls += 1;
  if (track.stalls >= track.settings.noProgressLimit)
    stopTrack(
      track,
      "no-progress",
      `${track.stalls} attempts in a row ended without progress. Look at the failed attempts, then /resume.`,
      effects,
    );
}

export function clip(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
