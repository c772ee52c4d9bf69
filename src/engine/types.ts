// Shared engine data: dispatch units (what is actually dispatched) and schedules. Plain data, no behaviour.

import type { ConcurrencyClass, TaskStatus } from "../plan/model.js";

/**
 * A dispatch unit: a parent task with its ordered subtasks, or a standalone task. Leaf subtasks are never
 * dispatched alone; their touches, hours, cost and dependencies are gathered onto their unit.
 */
export interface DispatchUnit {
  /** The parent's or standalone task's id. */
  id: string;
  title: string;
  /** For a parent, its subtask ids in order; for a standalone task, `[id]`. */
  taskIds: string[];
  /** Ids of the units this unit waits for (never itself; done units included: they are satisfied). */
  deps: string[];
  /** Union of its tasks' touches, in first-seen order. */
  touches: string[];
  /** The strongest class among its tasks: write-shared > write-local > read-only. */
  concurrency: ConcurrencyClass;
  /** foreground when any of its tasks waits for a person. */
  mode: "foreground" | "background";
  /** Hours of work left: the sum over its tasks that are not done. */
  hours: number;
  /** Cost of the work left, USD. */
  costUsd: number;
  /** Derived: done when every task is done; doing when any is done or doing; else todo. */
  status: TaskStatus;
  /** Index in plan order: the stable tie-break everywhere. */
  order: number;
}

/** One unit's slot in an estimated schedule, in hours from 0; agents are numbered from 1. */
export interface ScheduleEntry {
  id: string;
  start: number;
  end: number;
  agent: number;
}

export interface Schedule {
  entries: ScheduleEntry[];
  makespan: number;
}
