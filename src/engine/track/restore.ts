// A `restore` event: what GitHub shows of a track's units, after the state document was lost or damaged and the
// track was re-created from its plan (every unit blocked or ready). The rules, strongest evidence first:
//
// - a merged pull request, or a `done` label: done (every subtask done, no lock);
// - a `cancelled` label: cancelled;
// - an open pull request: in review, its lock held over the unit's touches;
// - a run of its latest attempt still queued or in progress: running, its lock held and its estimate reserved;
// - a `failed` label: failed, saying it was restored so and that `/retry` helps;
// - a `needs-input` label after an attempt: waits for a person again (the question was lost with the state);
// - anything else: left to the settle pass (blocked or ready from its dependencies).
//
// The attempt number never goes below the highest one GitHub shows, so the next dispatch is a new attempt: an
// attempt number is never reused. The actual costs were lost with the document: each done or in-review unit is
// booked at its estimate (as a report without a cost is), so the budget is never overshot. Units GitHub shows
// that the plan lacks (spawned or gate-fix units, read back from their task issues) are added first.

import { priorityOf } from "./priority.js";
import type { TrackState, UnitRun, UnitSpec, UnitStatus } from "./state.js";
import { newRun } from "./unit-run.js";
import { workLeft } from "./unit-spec.js";
import { frozenSpec, ownRun } from "./working-copy.js";

export interface ObservedUnit {
  /** The status the task issue's labels show (`dispatched` shows as running), or null. */
  label: UnitStatus | null;
  issueClosed: boolean;
  /** The highest attempt number among the unit's runs (from their names); 0 when it never ran. */
  attempt: number;
  /** That attempt's run is queued or in progress. */
  running: boolean;
  pr: { number: number; state: "open" | "merged" | "closed" } | null;
}

/** Attempt numbers beyond this are not believed (a run name is text anyone with write access can fake). */
const maxAttempt = 100_000;

export function restoreTrack(
  track: TrackState,
  observed: Readonly<Record<string, ObservedUnit>>,
  specs: readonly UnitSpec[],
  now: number,
): void {
  addMissingUnits(track, specs);
  for (const id of Object.keys(observed)) {
    if (!Object.hasOwn(track.units, id) || !Object.hasOwn(track.runs, id)) continue;
    const seen = observed[id] as ObservedUnit;
    const run = ownRun(track, id) as UnitRun;
    const spec = track.units[id] as UnitSpec;
    restoreUnit(spec, run, seen, now);
  }
}

function restoreUnit(spec: UnitSpec, run: UnitRun, seen: ObservedUnit, now: number): void {
  run.attempt = Math.max(run.attempt, attemptOf(seen.attempt));
  const lock = { touches: [...spec.touches], concurrency: spec.concurrency };
  const estimate = workLeft(spec, run.doneTasks).costUsd;
  const pr = seen.pr && Number.isSafeInteger(seen.pr.number) && seen.pr.number > 0 ? seen.pr : null;
  if (pr?.state === "merged" || seen.label === "done") {
    Object.assign(run, { status: "done", lock: null, reservedUsd: 0, finishedAt: now, reason: null });
    run.spentUsd = Math.max(run.spentUsd, estimate);
    run.doneTasks = [...spec.taskIds];
    if (pr) run.pr = pr.number;
  } else if (seen.label === "cancelled") {
    Object.assign(run, { status: "cancelled", lock: null, reservedUsd: 0, reason: "restored as cancelled" });
  } else if (pr?.state === "open") {
    Object.assign(run, { status: "review", lock, pr: pr.number, reservedUsd: 0 });
    run.spentUsd = Math.max(run.spentUsd, estimate);
    run.reason = `PR #${pr.number} waits for review and merge`;
    run.attempt = Math.max(run.attempt, 1);
  } else if (seen.running && run.attempt > 0) {
    Object.assign(run, { status: "running", lock, reservedUsd: estimate, dispatchedAt: now, reason: null });
  } else if (seen.label === "failed") {
    Object.assign(run, { status: "failed", lock: null, reservedUsd: 0 });
    run.reason = "restored as failed when the state was rebuilt; /retry to try again";
  } else if (seen.label === "needs-input" && run.attempt > 0) {
    Object.assign(run, { status: "needs-input", lock: null, reservedUsd: 0 });
    run.reason = "waits for a person: the question was lost with the state; /answer again";
    run.questions = [
      {
        id: `q${run.attempt}-1`,
        text: `${spec.id} was waiting for an answer when the state was rebuilt; the question is on its task issue and pull request. Answer with /answer ${spec.id} <text>.`,
        from: "engine",
      },
    ];
  }
}

/** Units GitHub shows that the track lacks, after every unit there is; spawned ones count against the budget. */
function addMissingUnits(track: TrackState, specs: readonly UnitSpec[]): void {
  const before = Object.keys(track.units).length;
  let order = Object.keys(track.units).reduce((max, key) => Math.max(max, track.units[key]?.order ?? 0), -1);
  for (const spec of specs) {
    if (typeof spec?.id !== "string" || Object.hasOwn(track.units, spec.id) || spec.origin.kind === "plan")
      continue;
    order += 1;
    track.units[spec.id] = frozenSpec({
      ...spec,
      taskIds: [...spec.taskIds],
      deps: spec.deps.filter((dep) => Object.hasOwn(track.units, dep)),
      touches: [...spec.touches],
      taskHours: [...spec.taskHours],
      taskCostUsd: [...spec.taskCostUsd],
      gates: [...spec.gates],
      origin: { ...spec.origin },
      order,
    });
    track.runs[spec.id] = newRun([], false);
    if (spec.origin.kind === "spawn") {
      track.spawned += 1;
      if (!track.spawnKeys.includes(spec.origin.key)) track.spawnKeys.push(spec.origin.key);
    }
  }
  if (Object.keys(track.units).length > before) track.priority = priorityOf(track);
}

function attemptOf(value: number): number {
  return Number.isSafeInteger(value) && value > 0 ? Math.min(value, maxAttempt) : 0;
}
