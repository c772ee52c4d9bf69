// A plan event: the first valid plan of an issue starts its track (idle until `/dispatch`); a later edit adds
// the units it adds and updates the ones not yet dispatched. An edit that changes or removes work already
// dispatched is refused whole, with a comment, and the track stays as it was.

import type { Plan } from "../../plan/model.js";
import type { Effect } from "./effects.js";
import { gateStatesOf } from "./gates.js";
import { priorityOf } from "./priority.js";
import { createTask } from "./spawn.js";
import type { EngineState, TrackSettings, TrackState } from "./state.js";
import { newRun } from "./unit-run.js";
import { sameWork, unitSpecsOf } from "./unit-spec.js";
import { frozenSpec } from "./working-copy.js";

/** The first retry waits a minute, then 2, 4, … up to half an hour. */
export const defaultBackoff = { retryBackoffMs: 60_000, retryBackoffMaxMs: 30 * 60_000 };

export function settingsOf(plan: Plan, previous: TrackSettings | null): TrackSettings {
  const { maxParallel, budgetUsd, spawnBudget, retryLimit, scopePolicy, noProgressLimit, modelRates } =
    plan.track;
  return {
    maxParallel,
    budgetUsd,
    spawnBudget,
    retryLimit,
    scopePolicy,
    noProgressLimit,
    modelRates: { ...modelRates },
    retryBackoffMs: previous?.retryBackoffMs ?? defaultBackoff.retryBackoffMs,
    retryBackoffMaxMs: previous?.retryBackoffMaxMs ?? defaultBackoff.retryBackoffMaxMs,
  };
}

export function applyPlan(state: EngineState, trackId: string, plan: Plan, effects: Effect[]): void {
  const { specs, done } = unitSpecsOf(plan);
  const existing = state.tracks[trackId];
  if (!existing) {
    const track: TrackState = {
      id: trackId,
      title: plan.track.title,
      status: "idle",
      stop: null,
      settings: settingsOf(plan, null),
      units: {},
      runs: {},
      priority: [],
      gates: gateStatesOf(plan.gates),
      spawnKeys: [],
      spawned: 0,
      stalls: 0,
      warnedBudget: false,
    };
    for (const spec of specs) {
      const finished = done.get(spec.id) ?? [];
      track.units[spec.id] = frozenSpec(spec);
      track.runs[spec.id] = newRun(finished, finished.length === spec.taskIds.length);
      effects.push(createTask(track, spec.id, "plan"));
    }
    track.priority = priorityOf(track);
    state.tracks[trackId] = track;
    return;
  }
  if (existing.status === "cancelled" || existing.status === "completed") return;
  const incoming = new Map(specs.map((spec) => [spec.id, spec]));
  const refused: string[] = [];
  for (const id of Object.keys(existing.units)) {
    const spec = existing.units[id];
    const run = existing.runs[id];
    if (!spec || !run || spec.origin.kind !== "plan" || run.attempt === 0) continue;
    const next = incoming.get(id);
    if (!next) refused.push(`${id} was removed, but it has been dispatched`);
    else if (!sameWork(spec, next)) refused.push(`${id} was changed, but it has been dispatched`);
  }
  if (refused.length > 0) {
    effects.push({
      type: "comment",
      track: trackId,
      unit: null,
      body: `This edit of the plan was not applied: ${refused.join("; ")}. Restore those tasks as they were; add new tasks instead of changing dispatched ones.`,
    });
    return;
  }
  const order = Object.keys(existing.units).reduce(
    (max, id) => Math.max(max, existing.units[id]?.order ?? 0),
    -1,
  );
  for (const id of Object.keys(existing.units)) {
    const spec = existing.units[id];
    const run = existing.runs[id];
    if (!spec || !run || spec.origin.kind !== "plan" || run.attempt > 0) continue;
    const next = incoming.get(id);
    if (next) existing.units[id] = frozenSpec({ ...next, order: spec.order });
    else {
      delete existing.units[id];
      delete existing.runs[id];
    }
  }
  let added = 0;
  for (const spec of specs) {
    if (existing.units[spec.id]) continue;
    const finished = done.get(spec.id) ?? [];
    existing.units[spec.id] = frozenSpec({ ...spec, order: order + 1 + added++ });
    existing.runs[spec.id] = newRun(finished, finished.length === spec.taskIds.length);
    effects.push(createTask(existing, spec.id, "plan edit"));
  }
  existing.title = plan.track.title;
  existing.settings = settingsOf(plan, existing.settings);
  const byName = new Map(existing.gates.map((gate) => [gate.name, gate]));
  existing.gates = gateStatesOf(plan.gates).map((gate) => {
    const before = byName.get(gate.name);
    return before ? { ...gate, status: before.status, current: before.current, fixes: before.fixes } : gate;
  });
  existing.priority = priorityOf(existing);
}
