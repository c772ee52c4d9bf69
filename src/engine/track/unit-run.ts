// A unit's running record: how it starts, and the small questions every handler asks of it.

import type { UnitRun, UnitStatus } from "./state.js";

export function newRun(doneTasks: readonly string[], allDone: boolean): UnitRun {
  return {
    status: allDone ? "done" : "blocked",
    attempt: 0,
    failures: 0,
    retryAt: null,
    blockedBy: [],
    reason: null,
    doneTasks: [...doneTasks],
    lock: null,
    reservedUsd: 0,
    spentUsd: 0,
    pr: null,
    released: false,
    requested: false,
    questions: [],
    answers: [],
    dispatchedAt: null,
    finishedAt: null,
  };
}

/** An attempt is out in a runner: it uses an agent. */
export function isInFlight(status: UnitStatus): boolean {
  return status === "dispatched" || status === "running";
}

/** Finished for good (a person can still retry a failed or cancelled unit). */
export function isSettled(status: UnitStatus): boolean {
  return status === "done" || status === "cancelled";
}

/** Not yet dispatched in its current round: its status follows from its dependencies. */
export function isWaiting(status: UnitStatus): boolean {
  return status === "blocked" || status === "ready";
}
