// The copy of the state a step works on. Each track is copied with its small parts; its unit runs are shared
// with the old state until a step changes one: `ownRun` copies a run the first time a step writes to it. Unit
// specs never change after they enter a track, so they are shared (and frozen). The old state is never touched,
// which is what lets a driver keep it to retry a conflicting write; the tests freeze the input of every step, so
// a write that skips `ownRun` throws.
//
// Immer was tried first: its proxies made a step on a 1,000-unit track cost ~45 ms, most of it creating a draft
// for every unit the settle pass reads; structuredClone cost ~9 ms; copying every run by hand ~5 ms. Copying
// only the runs a step changes makes the copy independent of the track's size.
// A new object or array field of a run, a track or a gate must be copied here too.

import type { EngineState, GateState, TrackState, UnitRun, UnitSpec } from "./state.js";

export function workingCopy(state: EngineState): EngineState {
  const tracks: Record<string, TrackState> = {};
  for (const id of Object.keys(state.tracks)) tracks[id] = copyTrack(state.tracks[id] as TrackState);
  return { version: state.version, maxParallel: state.maxParallel, seen: [...state.seen], tracks };
}

/** Per working copy of a track: the ids of the runs this step already copied. */
const ownedRuns = new WeakMap<TrackState, Set<string>>();

/** The run of `id`, copied first if this step has not written to it yet; use it before any write to a run. */
export function ownRun(track: TrackState, id: string): UnitRun | undefined {
  const run = track.runs[id];
  if (!run) return undefined;
  let owned = ownedRuns.get(track);
  if (!owned) {
    owned = new Set();
    ownedRuns.set(track, owned);
  }
  if (owned.has(id)) return run;
  const copy = copyRun(run);
  track.runs[id] = copy;
  owned.add(id);
  return copy;
}

function copyTrack(track: TrackState): TrackState {
  const runs: Record<string, UnitRun> = { ...track.runs };
  return {
    ...track,
    stop: track.stop ? { ...track.stop } : null,
    settings: { ...track.settings, modelRates: { ...track.settings.modelRates } },
    units: { ...track.units },
    runs,
    priority: [...track.priority],
    gates: track.gates.map(copyGate),
    spawnKeys: [...track.spawnKeys],
  };
}

function copyRun(run: UnitRun): UnitRun {
  return {
    ...run,
    blockedBy: [...run.blockedBy],
    doneTasks: [...run.doneTasks],
    lock: run.lock ? { ...run.lock, touches: [...run.lock.touches] } : null,
    questions: run.questions.map((question) =>
      question.files ? { ...question, files: [...question.files] } : { ...question },
    ),
    answers: [...run.answers],
  };
}

function copyGate(gate: GateState): GateState {
  return { ...gate, fix: { ...gate.fix, touches: [...gate.fix.touches] } };
}

/** Specs are shared between states, so they are frozen: changing one in place throws instead of corrupting. */
export function frozenSpec(spec: UnitSpec): UnitSpec {
  for (const value of Object.values(spec))
    if (typeof value === "object" && value !== null) Object.freeze(value);
  return Object.freeze(spec);
}
