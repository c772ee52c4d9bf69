// Auto-spawn: follow-ups from a report become units of the track, under the finder's rule (none / safe-only /
// all; safe-only spawns only work that needs no person and is below high severity), deduplicated by key,
// numbered T-AUTO-01…, counted against the spawn budget, with touches checked like a plan's. A spawned unit
// depends on the unit that found it. A critical finding spawns nothing: it stops the track.

import { defaultModel, defaultModelRates, effortHours } from "../../plan/defaults.js";
import { normalizeTouches } from "../../plan/normalize-touches.js";
import type { Effect } from "./effects.js";
import type { SpawnCandidate } from "./events.js";
import { priorityOf } from "./priority.js";
import type { TrackState, UnitSpec } from "./state.js";
import { newRun } from "./unit-run.js";
import { frozenSpec } from "./working-copy.js";

/** At most this many candidates of one report are considered; the rest are named in a comment. */
export const candidatesPerReport = 20;

export interface SpawnOutcome {
  /** Titles of critical findings: the track stops. */
  critical: string[];
  /** The spawn budget ran out while spawnable findings remained. */
  budgetSpent: boolean;
}

export function spawnFromReport(
  track: TrackState,
  finder: string,
  candidates: readonly SpawnCandidate[],
  effects: Effect[],
): SpawnOutcome {
  const outcome: SpawnOutcome = { critical: [], budgetSpent: false };
  const spec = track.units[finder];
  if (!spec) return outcome;
  const notes: string[] = [];
  let spawnedAny = false;
  for (const candidate of candidates.slice(0, candidatesPerReport)) {
    const key = dedupKey(candidate);
    if (track.spawnKeys.includes(key)) continue;
    const label = `"${candidate.title}" (${candidate.severity})`;
    if (candidate.severity === "critical") {
      track.spawnKeys.push(key);
      outcome.critical.push(candidate.title);
      continue;
    }
    const touches = normalizeTouches(candidate.touches);
    if (touches.errors.length > 0) {
      track.spawnKeys.push(key);
      notes.push(`${label} not spawned: ${touches.errors.join("; ")}`);
      continue;
    }
    const safe =
      !candidate.needsUserInput && (candidate.severity === "low" || candidate.severity === "medium");
    if (spec.autoSpawn === "none" || (spec.autoSpawn === "safe-only" && !safe)) {
      track.spawnKeys.push(key);
      notes.push(
        `${label} not spawned: ${finder} spawns ${spec.autoSpawn === "none" ? "nothing" : "only safe work"}; add it to the plan to run it`,
      );
      continue;
    }
    if (track.spawned >= track.settings.spawnBudget) {
      // The key stays unseen: once the spawn budget is raised, the same finding in a later report spawns.
      outcome.budgetSpent = true;
      notes.push(`${label} not spawned: the spawn budget (${track.settings.spawnBudget}) is spent`);
      continue;
    }
    track.spawnKeys.push(key);
    const id = addUnit(track, {
      title: candidate.title,
      deps: [finder],
      touches: touches.paths,
      writesUnknown: touches.prose.length > 0 || touches.paths.length === 0,
      readOnly: touches.readOnlyHint && touches.paths.length === 0 && touches.prose.length === 0,
      needsPerson: candidate.needsUserInput,
      hours: positive(candidate.effortHours) ?? effortHours.M,
      role: candidate.role ?? spec.role,
      model: candidate.model ?? spec.model,
      autoSpawn: spec.autoSpawn,
      origin: { kind: "spawn", by: finder, key },
    });
    spawnedAny = true;
    effects.push(createTask(track, id, `found by ${finder}`));
  }
  if (candidates.length > candidatesPerReport)
    notes.push(
      `${candidates.length - candidatesPerReport} more findings ignored (at most ${candidatesPerReport} per report)`,
    );
  if (spawnedAny) track.priority = priorityOf(track);
  if (notes.length > 0)
    effects.push({ type: "comment", track: track.id, unit: finder, body: notes.join("\n") });
  return outcome;
}

export interface NewUnit {
  title: string;
  deps: string[];
  touches: string[];
  /** No readable touches: the unit may write anywhere, so it runs alone (write-shared), as in a plan. */
  writesUnknown: boolean;
  readOnly: boolean;
  needsPerson: boolean;
  hours: number;
  role: string | null;
  model: string;
  autoSpawn: UnitSpec["autoSpawn"];
  origin: UnitSpec["origin"];
}

/** Adds a unit numbered T-AUTO-NN after every unit there is; returns its id. */
export function addUnit(track: TrackState, unit: NewUnit): string {
  let n = track.spawned + 1;
  let id = autoId(n);
  while (track.units[id]) id = autoId(++n);
  const rate =
    track.settings.modelRates[unit.model] ??
    defaultModelRates[unit.model] ??
    defaultModelRates[defaultModel] ??
    0;
  const order =
    Object.keys(track.units).reduce((max, key) => Math.max(max, track.units[key]?.order ?? 0), -1) + 1;
  track.units[id] = frozenSpec({
    id,
    title: unit.title.length > 200 ? `${unit.title.slice(0, 199)}…` : unit.title,
    taskIds: [id],
    deps: unit.deps,
    touches: unit.touches,
    concurrency: unit.readOnly ? "read-only" : unit.writesUnknown ? "write-shared" : "write-local",
    needsPerson: unit.needsPerson,
    taskHours: [unit.hours],
    taskCostUsd: [unit.hours * rate],
    role: unit.role,
    model: unit.model,
    autoSpawn: unit.autoSpawn,
    gates: [],
    origin: unit.origin,
    order,
  });
  track.runs[id] = newRun([], false);
  track.spawned += 1;
  return id;
}

/** The effect that creates a new unit's task issue. */
export function createTask(track: TrackState, id: string, origin: string): Effect {
  const spec = track.units[id];
  return {
    type: "create-task",
    track: track.id,
    unit: id,
    title: spec?.title ?? id,
    origin,
    deps: [...(spec?.deps ?? [])],
  };
}

function autoId(n: number): string {
  return `T-AUTO-${String(n).padStart(2, "0")}`;
}

/** The finding's identity: its key, or its title, case and spacing aside. */
export function dedupKey(candidate: SpawnCandidate): string {
  return (candidate.dedupKey?.trim() || candidate.title).toLowerCase().replace(/\s+/g, " ").trim();
}

function positive(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}
