// Statuses of the tasks inside a dispatch unit, for task issues and the dashboard. A unit runs its subtasks in
// order, so the finished ones are done, the first unfinished one shares the unit's state (running, failed,
// waiting for an answer…), and the ones after it wait for the one before. The parent's status is derived back
// from its subtasks by `parentStatus`, and the two agree: what a person sees on the parent is what its subtasks say.

import type { TrackState, UnitStatus } from "./state.js";

export interface TaskStatus {
  status: UnitStatus;
  blockedBy: string[];
  reason: string | null;
}

/** Unit states in which a unit has begun its subtasks: the ones after the current one wait in line. */
const underway: readonly UnitStatus[] = ["dispatched", "running", "review", "failed", "needs-input"];

export function taskStatusesOf(track: TrackState, unit: string): Map<string, TaskStatus> {
  const statuses = new Map<string, TaskStatus>();
  const spec = track.units[unit];
  const run = track.runs[unit];
  if (!spec || !run) return statuses;
  let current: string | null = null;
  for (const id of spec.taskIds) {
    if (run.status === "done" || run.doneTasks.includes(id)) {
      statuses.set(id, { status: "done", blockedBy: [], reason: null });
    } else if (current === null || !underway.includes(run.status)) {
      current ??= id;
      statuses.set(id, { status: run.status, blockedBy: [...run.blockedBy], reason: run.reason });
    } else {
      statuses.set(id, { status: "blocked", blockedBy: [current], reason: `runs after ${current}` });
    }
  }
  return statuses;
}

/** Precedence when subtasks differ: what most needs a person's eye first. */
const precedence: readonly UnitStatus[] = [
  "failed",
  "needs-input",
  "running",
  "dispatched",
  "review",
  "cancelled",
  "ready",
  "blocked",
];

/** A parent's status from its subtasks': done when all are done, else the most pressing one. */
export function parentStatus(statuses: readonly UnitStatus[]): UnitStatus {
  if (statuses.every((status) => status === "done")) return "done";
  for (const status of precedence) if (statuses.includes(status)) return status;
  return "blocked";
}
