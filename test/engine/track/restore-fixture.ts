// Shared pieces of the restore tests: a small plan whose locks and dependencies matter, an observation builder,
// and a driver that has read the plan and then been told what GitHub shows.

import type { ObservedUnit, RestoreEvent } from "../../../src/engine/track/restore.js";
import type { UnitSpec } from "../../../src/engine/track/state.js";
import type { Plan } from "../../../src/plan/model.js";
import type { PlanOptions } from "../../support/make-plan.js";
import { spawnedSpec } from "../../support/unit-specs.js";
import { deepFreeze, type TaskSpec, TrackDriver, trackId } from "./track-driver.js";

export function seen(overrides: Partial<ObservedUnit> = {}): ObservedUnit {
  return { label: null, issueClosed: false, attempt: 0, running: false, pr: null, ...overrides };
}

/** A → C ← B; A and D write the same file. Every task costs $10. */
export const planTasks = (): TaskSpec[] => [
  { id: "A", touches: ["a.ts"], costUsd: 10 },
  { id: "B", touches: ["b.ts"], costUsd: 10 },
  { id: "C", deps: ["A", "B"], touches: ["c.ts"], costUsd: 10 },
  { id: "D", touches: ["a.ts"], costUsd: 10 },
];

/** The rebuilt clock: restores happen long after the work began. */
export const restoredAt = 5_000_000;

export function restoreEvent(
  d: TrackDriver,
  units: Record<string, ObservedUnit>,
  specs: UnitSpec[] = [],
): RestoreEvent {
  return { id: d.id(), type: "restore", track: trackId, units, specs };
}

/** The plan read again, then what GitHub shows; the event itself is frozen, so restore cannot write to it. */
export function restored(
  units: Record<string, ObservedUnit>,
  specs: UnitSpec[] = [],
  options: PlanOptions = {},
  tasks: TaskSpec[] = planTasks(),
  edit?: (plan: Plan) => void,
): TrackDriver {
  const d = new TrackDriver();
  d.planOf(tasks, { maxParallel: 4, budgetUsd: 100, ...options }, edit);
  d.now = restoredAt;
  d.send(deepFreeze(restoreEvent(d, units, specs)));
  return d;
}

/** What the app sends right after a restore. */
export function resume(d: TrackDriver): void {
  d.command({ type: "resume" });
}

export function dispatches(d: TrackDriver): [string, number][] {
  return d.ofType("dispatch", d.last).map((effect) => [effect.unit, effect.attempt]);
}

/** A unit A's report spawned: it waits for A and writes e.ts. */
export function foundSpec(id: string, overrides: Partial<UnitSpec> = {}): UnitSpec {
  return spawnedSpec(id, {
    deps: ["A"],
    touches: ["e.ts"],
    origin: { kind: "spawn", by: "A", key: "cache the thing" },
    ...overrides,
  });
}
