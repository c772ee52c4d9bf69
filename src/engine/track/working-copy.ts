// The copy of the state a step works on. Everything that can change during a step is copied once, then changed
// in place; unit specs never change after they enter a track, so they are shared with the old state and only
// the record that lists them is copied. The old state is never touched, which is what lets a driver keep it to
// retry a conflicting write (a test freezes the input of every step to hold this).
//
// Immer was tried first: its proxies made a step on a 1,000-unit track cost ~45 ms, most of it creating a draft
// for every unit the settle pass reads; structuredClone cost ~9 ms; these copies by hand cost well under 1 ms.
// A new object or array field of a run, a track or a gate must be copied here too.

import type { EngineState, GateState, TrackState, UnitRun, UnitSpec } from "./state.js";

export function workingCopy(state: EngineState): EngineState {
  const tracks: Record<string, TrackState> = {};
  for (const id of Object.keys(state.tracks)) tracks[id] = copyTrack(state.tracks[id] as TrackState);
  return { version: state.version, maxParallel: state.maxParallel, seen: [...state.seen], tracks };
}

function copyTrack(track: TrackState): TrackState {
  const runs: Record<string, UnitRun> = {};
  for (const id of Object.keys(track.runs)) runs[id] = copyRun(track.runs[id] as UnitRun);
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
