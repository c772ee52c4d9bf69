// A hand-cranked driver for the track state machine's tests: it feeds events to `step`, keeps every effect, and
// gives the short verbs a scenario is written in (finish, fail, merge, command). Times are plain numbers (ms).

import type { Effect } from "../../../src/engine/track/effects.js";
import type { Command, EngineEvent, TaskReport } from "../../../src/engine/track/events.js";
import {
  type EngineState,
  emptyState,
  type TrackState,
  type UnitRun,
} from "../../../src/engine/track/state.js";
import { step } from "../../../src/engine/track/step.js";
import type { Gate, Plan } from "../../../src/plan/model.js";
import { makePlan, type PlanOptions, type TaskSpec } from "../../support/make-plan.js";

export const trackId = "42";

export function report(overrides: Partial<TaskReport> = {}): TaskReport {
  return {
    status: "done",
    changedFiles: [],
    tasksDone: [],
    spawnCandidates: [],
    escalations: [],
    costUsd: null,
    metrics: {},
    ...overrides,
  };
}

export function gate(name: string, target: string, fix: Partial<Gate["fix"]> = {}): Gate {
  return {
    name,
    target,
    skip: false,
    current: null,
    status: null,
    fix: { title: `Close the ${name} gap`, role: null, touches: ["test/"], effortHours: 1, ...fix },
    source: { file: "plan.yaml", line: 1 },
  };
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class TrackDriver {
  state: EngineState;
  now = 0;
  /** Every effect so far, in order; `last` holds the latest step's. */
  effects: Effect[] = [];
  last: Effect[] = [];
  private next = 0;

  constructor(maxParallel: number | null = null) {
    this.state = emptyState(maxParallel);
  }

  send(event: EngineEvent): Effect[] {
    // A step must never change the state it is given: frozen, any write to it throws.
    deepFreeze(this.state);
    const result = step(this.state, event, this.now);
    this.state = result.state;
    this.last = result.effects;
    this.effects.push(...result.effects);
    return result.effects;
  }

  id(): string {
    this.next += 1;
    return `e${this.next}`;
  }

  plan(plan: Plan, track = trackId): Effect[] {
    return this.send({ id: this.id(), type: "plan", track, plan });
  }

  /** A plan from specs, with the plan-level settings given. */
  planOf(
    specs: TaskSpec[],
    options: PlanOptions = {},
    edit?: (plan: Plan) => void,
    track = trackId,
  ): Effect[] {
    const plan = structuredClone(makePlan(specs, options));
    edit?.(plan);
    return this.plan(plan, track);
  }

  command(command: Command, track = trackId, by = "maintainer"): Effect[] {
    return this.send({ id: this.id(), type: "command", track, command, by });
  }

  run(unit: string, track = trackId): UnitRun {
    const run = this.track(track).runs[unit];
    if (!run) throw new Error(`no unit ${unit} in track ${track}`);
    return run;
  }

  track(track = trackId): TrackState {
    const state = this.state.tracks[track];
    if (!state) throw new Error(`no track ${track}`);
    return state;
  }

  status(unit: string, track = trackId): UnitRun["status"] {
    return this.run(unit, track).status;
  }

  /** The units dispatched by the latest step, in order. */
  dispatched(): string[] {
    return this.last.flatMap((effect) => (effect.type === "dispatch" ? [effect.unit] : []));
  }

  started(unit: string, track = trackId): Effect[] {
    const { attempt } = this.run(unit, track);
    return this.send({ id: this.id(), type: "attempt-started", track, unit, attempt });
  }

  finish(unit: string, overrides: Partial<TaskReport> = {}, track = trackId, pr = 100): Effect[] {
    const { attempt } = this.run(unit, track);
    return this.send({ id: this.id(), type: "report", track, unit, attempt, pr, report: report(overrides) });
  }

  fail(unit: string, tasksDone: string[] = [], track = trackId, costUsd?: number | null): Effect[] {
    const { attempt } = this.run(unit, track);
    return this.send({
      id: this.id(),
      type: "attempt-failed",
      track,
      unit,
      attempt,
      outcome: "failed",
      message: "exit code 1",
      tasksDone,
      ...(costUsd === undefined ? {} : { costUsd }),
    });
  }

  merge(unit: string, track = trackId): Effect[] {
    const pr = this.run(unit, track).pr ?? 100;
    return this.send({ id: this.id(), type: "pr-merged", track, unit, pr });
  }

  /** Report done and merge at once. */
  complete(unit: string, overrides: Partial<TaskReport> = {}, track = trackId): Effect[] {
    const reported = this.finish(unit, overrides, track);
    return [...reported, ...this.merge(unit, track)];
  }

  tick(at: number): Effect[] {
    this.now = at;
    return this.send({ id: this.id(), type: "tick" });
  }

  ofType<T extends Effect["type"]>(
    type: T,
    effects: Effect[] = this.effects,
  ): Extract<Effect, { type: T }>[] {
    return effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type);
  }
}

export type { TaskSpec };
