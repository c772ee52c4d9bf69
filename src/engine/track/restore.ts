// A `restore` event: what GitHub shows of a track's units after the state document was lost or damaged and the
// track was made again from its plan. Only units the state never dispatched are set, so a second restore cannot
// undo the first. The rules, first match wins:
// - a merged pull request, or a `done` label: done (every subtask done, no lock, finished now);
// - a `cancelled` label, or a closed task issue with no status label (the app closes one only when its unit is
//   done or cancelled, and done needs the label or a merge): cancelled;
// - a run of the latest attempt queued or in progress: running, lock held, estimate reserved. It beats the rest
//   because a retry runs on the same branch and PR, and its report must still count;
// - a `failed` label: failed, saying so and that `/retry` helps;
// - a `needs-input` label after an attempt: waits for a person again; the answer was lost with the state, so the
//   person answers again. Before any attempt the settle pass asks the plan's question (waiting.ts);
// - an open pull request: review, lock held, its number recorded. The labels above beat it: a PR stays open
//   while its unit waits for an answer or has failed;
// - a pull request closed without merging, under a review label or none: failed, as a closed PR fails a unit;
// - anything else: left to the settle pass (blocked or ready from its dependencies).
// The attempt number never goes below the highest GitHub shows, so the next dispatch is a new attempt: attempt
// numbers are never reused, which keeps each attempt exactly-once. Money: the actual costs were lost with the
// document, so each unit whose work GitHub shows (done, in review, or failed, waiting or cancelled after an
// attempt) is booked once at its estimate, as a report without a cost is, and a running one reserves it. Locks
// are taken running first, then review, then waiting, never over one already held: work that overlaps (after an
// `/unlock`) is restored without its lock rather than break the rule that held locks never overlap.

import { defaultModel } from "../../plan/defaults.js";
import { autoSpawnRules, concurrencyClasses } from "../../plan/model.js";
import type { Effect } from "./effects.js";
import type { ObservedUnit } from "./events.js";
import { blockingLock, type HeldLock, heldLocks } from "./held-locks.js";
import { priorityOf } from "./priority.js";
import type { EngineState, TrackState, UnitRun, UnitSpec } from "./state.js";
import { newRun } from "./unit-run.js";
import { workLeft } from "./unit-spec.js";
import { frozenSpec, ownRun } from "./working-copy.js";

export type { ObservedUnit, RestoreEvent } from "./events.js";

/** Attempt numbers above this are cut to it: run names carry six digits at most, so a larger one is made up. */
const maxAttempt = 100_000;
const statuses = "blocked ready dispatched running review done failed needs-input cancelled".split(" ");
type Outcome = "done" | "cancelled" | "running" | "failed" | "needs-input" | "review" | "pr-closed" | null;
/** The outcomes that hold a lock, in the order they take it. */
const lockRank: Partial<Record<string, number>> = { running: 0, review: 1, "needs-input": 2 };
type Restoring = { track: TrackState; held: HeldLock[]; now: number; effects: Effect[] };

export function restoreTrack(
  state: EngineState,
  track: TrackState,
  observed: Readonly<Record<string, ObservedUnit>>,
  specs: readonly UnitSpec[],
  now: number,
  effects: Effect[],
): void {
  if (Array.isArray(specs)) addMissingUnits(track, specs);
  const found: { id: string; seen: ObservedUnit; outcome: Outcome }[] = [];
  for (const id of typeof observed === "object" && observed !== null ? Object.keys(observed) : []) {
    const run = Object.hasOwn(track.units, id) && Object.hasOwn(track.runs, id) ? track.runs[id] : undefined;
    const fresh = run?.attempt === 0 && ["blocked", "ready", "needs-input"].includes(run.status);
    const seen = fresh ? sane(observed[id]) : null;
    if (seen) found.push({ id, seen, outcome: outcomeOf(seen) });
  }
  const rank = (outcome: Outcome) => lockRank[outcome ?? ""] ?? 3;
  const order = (id: string) => track.units[id]?.order ?? 0;
  found.sort((a, b) => rank(a.outcome) - rank(b.outcome) || order(a.id) - order(b.id));
  const at: Restoring = { track, held: heldLocks(state), now, effects };
  for (const { id, seen, outcome } of found) restoreUnit(at, id, seen, outcome);
  track.priority = priorityOf(track);
}

/** The observation with every field checked: the app builds it, but from what people and agents wrote. */
function sane(value: unknown): ObservedUnit | null {
  if (typeof value !== "object" || value === null) return null;
  const { label, issueClosed, attempt, running, pr } = value as ObservedUnit;
  const tried = Number.isSafeInteger(attempt) && attempt > 0 ? Math.min(attempt, maxAttempt) : 0;
  const prOk = typeof pr === "object" && pr !== null && Number.isSafeInteger(pr.number) && pr.number > 0;
  return {
    label: statuses.includes(label as string) ? label : null,
    issueClosed: issueClosed === true,
    attempt: tried,
    running: running === true && tried > 0,
    pr:
      prOk && ["open", "merged", "closed"].includes(pr.state) ? { number: pr.number, state: pr.state } : null,
  };
}

function outcomeOf(seen: ObservedUnit): Outcome {
  if (seen.pr?.state === "merged" || seen.label === "done") return "done";
  if (seen.label === "cancelled" || (seen.issueClosed && seen.label === null)) return "cancelled";
  if (seen.running) return "running";
  if (seen.label === "failed") return "failed";
  if (seen.label === "needs-input" && seen.attempt > 0) return "needs-input";
  if (seen.pr?.state === "open") return "review";
  if (seen.pr?.state === "closed" && (seen.label === "review" || seen.label === null)) return "pr-closed";
  return null;
}

function restoreUnit(at: Restoring, id: string, seen: ObservedUnit, outcome: Outcome): void {
  const { track, held, now, effects } = at;
  const spec = track.units[id] as UnitSpec;
  const run = ownRun(track, id) as UnitRun;
  const ran = seen.attempt > 0 || seen.pr !== null;
  // A unit that went out was released by a person if it needed one: its next attempt must not ask again.
  if (ran) run.released = true;
  run.attempt = Math.max(run.attempt, seen.attempt, ran ? 1 : 0);
  if (outcome === null) return;
  const estimate = workLeft(spec, run.doneTasks).costUsd;
  if (outcome === "running") run.reservedUsd = estimate;
  else if (outcome === "done" || outcome === "review" || ran) run.spentUsd += estimate;
  if (seen.pr && seen.pr.state !== "closed") run.pr = seen.pr.number;
  if (seen.running && (outcome === "done" || outcome === "cancelled"))
    effects.push({ type: "cancel-run", track: track.id, unit: id, attempt: run.attempt });
  const locks = lockRank[outcome] !== undefined;
  run.lock = locks ? takeLock(track.id, id, spec, held) : null;
  const note = locks && !run.lock ? " (restored without its lock: another task holds its files)" : "";
  const again = `when the state was rebuilt from GitHub; /retry ${id} to run it again`;
  run.status = outcome === "pr-closed" ? "failed" : outcome;
  run.blockedBy = [];
  run.reason = {
    done: null,
    cancelled: `restored as cancelled ${again}`,
    running: note === "" ? null : `runs${note}`,
    failed: `restored as failed ${again}`,
    "pr-closed": `PR #${seen.pr?.number} was closed without merging; /retry ${id} to run it again`,
    "needs-input": `waits for an answer${note}`,
    review: `PR #${seen.pr?.number} waits for review and merge${note}`,
  }[outcome];
  const text = `${id} was waiting for an answer when the state was lost, and any answer given was lost with it. Read its pull request and task issue, then /answer ${id} again.`;
  run.questions = outcome === "needs-input" ? [{ id: `q${run.attempt}-restored`, text, from: "engine" }] : [];
  if (outcome === "done") run.doneTasks = [...spec.taskIds];
  if (outcome === "done" || outcome === "review") run.finishedAt = now;
  if (outcome === "running") run.dispatchedAt = now;
}

function takeLock(track: string, unit: string, spec: UnitSpec, held: HeldLock[]): UnitRun["lock"] {
  const lock = { touches: [...spec.touches], concurrency: spec.concurrency };
  if (blockingLock(held, { track, unit }, lock)) return null;
  held.push({ track, unit, ...lock });
  return lock;
}

/**
 * Units GitHub shows that the track lacks (spawned and gate-fix units, read back from their task issues), added
 * as spawn.ts adds them: after every unit there is, counted against the spawn budget, a spawned one's key marked
 * seen so the same finding does not spawn again. In their old order, each depending only on units already there:
 * a finder was always added before what it found, so no cycle can be made.
 */
function addMissingUnits(track: TrackState, specs: readonly UnitSpec[]): void {
  const rank = (spec: UnitSpec) => (Number.isFinite(spec.order) ? spec.order : Number.POSITIVE_INFINITY);
  const taken = new Set(Object.values(track.units).flatMap((unit) => unit.taskIds));
  let order = Object.keys(track.units).reduce((max, key) => Math.max(max, track.units[key]?.order ?? 0), -1);
  for (const spec of specs.filter(addable).sort((a, b) => rank(a) - rank(b))) {
    // An id the track holds, as a unit or a subtask: the plan's unit is the one that counts.
    if (Object.hasOwn(track.units, spec.id) || taken.has(spec.id)) continue;
    taken.add(spec.id);
    const origin = spec.origin as Exclude<UnitSpec["origin"], { kind: "plan" }>;
    track.units[spec.id] = frozenSpec({
      id: spec.id,
      title: typeof spec.title === "string" ? spec.title : spec.id,
      taskIds: [spec.id],
      deps: spec.deps.filter((dep) => Object.hasOwn(track.units, dep)),
      touches: [...spec.touches],
      concurrency: spec.concurrency,
      needsPerson: spec.needsPerson === true,
      taskHours: [...spec.taskHours],
      taskCostUsd: [...spec.taskCostUsd],
      role: typeof spec.role === "string" ? spec.role : null,
      model: typeof spec.model === "string" && spec.model !== "" ? spec.model : defaultModel,
      autoSpawn: spec.autoSpawn,
      gates: [...spec.gates],
      origin:
        origin.kind === "spawn"
          ? { kind: "spawn", by: origin.by, key: origin.key }
          : { kind: "gate", gate: origin.gate },
      order: ++order,
    });
    track.runs[spec.id] = newRun([], false);
    track.spawned += 1;
    if (origin.kind === "spawn" && !track.spawnKeys.includes(origin.key)) track.spawnKeys.push(origin.key);
    const gate = origin.kind === "gate" ? track.gates.find((g) => g.name === origin.gate) : undefined;
    if (gate) gate.fixes += 1;
  }
}

/** A spawned or gate-fix unit of sound shape: one task under its own id, one estimate, known classes. */
function addable(spec: UnitSpec): boolean {
  if (typeof spec !== "object" || spec === null) return false;
  const { id, origin } = spec;
  const texts = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === "string");
  const amount = (list: unknown) =>
    Array.isArray(list) && list.length === 1 && Number.isFinite(list[0]) && list[0] >= 0;
  const from =
    origin?.kind === "spawn"
      ? typeof origin.by === "string" && typeof origin.key === "string"
      : origin?.kind === "gate" && typeof origin.gate === "string";
  // Assigning `__proto__` would replace the prototype of the units record instead of adding a unit.
  const name = typeof id === "string" && id !== "" && id !== "__proto__" && texts(spec.taskIds);
  const shape = texts(spec.deps) && texts(spec.touches) && texts(spec.gates);
  const sizes = amount(spec.taskHours) && amount(spec.taskCostUsd);
  const single = spec.taskIds.length === 1 && spec.taskIds[0] === id;
  const classes = concurrencyClasses.includes(spec.concurrency) && autoSpawnRules.includes(spec.autoSpawn);
  return from && name && single && shape && sizes && classes;
}
