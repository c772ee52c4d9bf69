// The attempts a simulation has sent out: which agent each runs on, its bar in the schedule, the PR number of
// its task (one PR per task: a retry updates the same PR, as on GitHub), and freeing the agent when it ends.

import type { UnitSpec } from "../engine/track/state.js";
import type { ScheduleEntry } from "../engine/types.js";
import { AgentSlots } from "./agent-slots.js";
import { type AttemptInput, type AttemptOutcome, attemptOutcome } from "./attempt-outcome.js";

export function attemptKey(unit: string, attempt: number): string {
  return `${unit}#${attempt}`;
}

export class AttemptsOut {
  /** One entry per attempt, in dispatch order; `attempts[k]` is entry k's attempt number. */
  readonly schedule: ScheduleEntry[] = [];
  readonly attempts: number[] = [];
  private readonly slots = new AgentSlots();
  private readonly running = new Map<string, ScheduleEntry>();
  private readonly prs = new Map<string, number>();

  /** Starts an attempt at `at` on the lowest free agent; returns what it will do. */
  start(
    at: number,
    spec: UnitSpec,
    input: Omit<AttemptInput, "spec" | "pr">,
  ): { entry: ScheduleEntry; outcome: AttemptOutcome } {
    let pr = this.prs.get(spec.id);
    if (pr === undefined) {
      pr = this.prs.size + 1;
      this.prs.set(spec.id, pr);
    }
    const outcome = attemptOutcome({ ...input, spec, pr });
    const entry = { id: spec.id, start: at, end: at + outcome.hours, agent: this.slots.take() };
    this.schedule.push(entry);
    this.attempts.push(input.attempt);
    this.running.set(attemptKey(spec.id, input.attempt), entry);
    return { entry, outcome };
  }

  /** The attempt ended (its outcome arrived, or its run was cancelled) at `at`: its agent is free again. */
  finish(key: string, at: number): void {
    const entry = this.running.get(key);
    if (!entry) return;
    this.running.delete(key);
    entry.end = at;
    this.slots.release(entry.agent);
  }

  isOut(key: string): boolean {
    return this.running.has(key);
  }

  agentOf(unit: string, attempt: number): number | null {
    const k = this.schedule.findIndex((entry, i) => entry.id === unit && this.attempts[i] === attempt);
    return this.schedule[k]?.agent ?? null;
  }
}
