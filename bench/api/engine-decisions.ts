// The engine's share of answering a webhook: the pure decision `stepAll(state, [event], now)`, timed in-process on
// the generated 200-task work. The driver feeds events one decision at a time, as the app does for a delivery
// (src/github/state/decide.ts): both tracks' plans into one repository state, /dispatch on each, then for every
// dispatch its run starting, its report, its Gate-O result and its merge, interleaved over all running tasks.
// Absolute times on a shared machine are noise, so each figure stands beside two baselines measured in the same
// process: a trivial fixed loop, and a JSON round trip of the very state decided on (which the app does anyway
// to read and write the state document). The whole 200 units as one track through the simulator is timed too.

import { performance } from "node:perf_hooks";
import type { Effect } from "../../src/engine/track/effects.js";
import type { EngineEvent } from "../../src/engine/track/events.js";
import { type EngineState, emptyState } from "../../src/engine/track/state.js";
import { stepAll } from "../../src/engine/track/step.js";
import type { Plan } from "../../src/plan/model.js";
import { parsePlan } from "../../src/plan/parse-plan.js";
import { simulateTrack } from "../../src/simulate/simulate-track.js";

export interface DecisionTiming {
  decisions: number;
  tasksDone: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  /** JSON.stringify + JSON.parse of the state decided on, median. */
  jsonMedianMs: number;
  stateKb: number;
  /** The trivial loop (a million steps of a xorshift), fastest of several runs. */
  loopMs: number;
  /** All 200 units as one track through simulateTrack, fastest of 3. */
  simulateMs: number;
  simulateUnits: number;
}

export function readPlan(body: string, maxParallel: number): Plan {
  const { plan, diagnostics } = parsePlan(body, { file: "bench" });
  if (!plan) throw new Error(`the generated plan does not parse: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  return { ...plan, track: { ...plan.track, maxParallel } };
}

function baselineLoop(): number {
  let x = 2463534242;
  let sum = 0;
  for (let i = 0; i < 1_000_000; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    sum += x & 1;
  }
  return sum;
}

function fastest(fn: () => unknown, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const percentile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

export function timeDecisions(
  tracks: readonly { id: string; plan: Plan }[],
  repoMaxParallel: number,
  whole: Plan,
): DecisionTiming {
  // Warm up the JIT on a first pass, then measure a second, identical one.
  drive(tracks, repoMaxParallel);
  const run = drive(tracks, repoMaxParallel);
  const sorted = [...run.times].sort((a, b) => a - b);
  const json = run.states.map((state) => {
    const start = performance.now();
    JSON.parse(JSON.stringify(state));
    return performance.now() - start;
  });
  json.sort((a, b) => a - b);
  const biggest = Math.max(...run.states.map((state) => JSON.stringify(state).length));
  return {
    decisions: run.times.length,
    tasksDone: run.merged,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    meanMs: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    jsonMedianMs: percentile(json, 0.5),
    stateKb: biggest / 1024,
    loopMs: fastest(baselineLoop, 5),
    simulateMs: fastest(() => simulateTrack(whole), 3),
    simulateUnits: whole.tasks.length,
  };
}

interface DriveRun {
  times: number[];
  /** A sample of the states decided on (every tenth), for the JSON baseline. */
  states: EngineState[];
  merged: number;
}

function drive(tracks: readonly { id: string; plan: Plan }[], repoMaxParallel: number): DriveRun {
  let state = emptyState(repoMaxParallel);
  const queue: EngineEvent[] = [];
  const times: number[] = [];
  const states: EngineState[] = [];
  let merged = 0;
  let now = Date.UTC(2026, 0, 1);
  let pr = 0;
  for (const { id, plan } of tracks) queue.push({ id: `plan:${id}`, type: "plan", track: id, plan });
  for (const { id } of tracks)
    queue.push({
      id: `dispatch:${id}`,
      type: "command",
      track: id,
      command: { type: "dispatch", task: null },
      by: "mona",
    });
  const follow = (effect: Effect) => {
    if (effect.type !== "dispatch") return;
    const { track, unit, attempt } = effect;
    queue.push({
      id: `run:${track}:${unit}:${attempt}:started`,
      type: "attempt-started",
      track,
      unit,
      attempt,
    });
  };
  for (let event = queue.shift(); event; event = queue.shift()) {
    now += 1000;
    if (times.length % 10 === 0) states.push(state);
    const start = performance.now();
    const result = stepAll(state, [event], now);
    times.push(performance.now() - start);
    state = result.state;
    for (const effect of result.effects) follow(effect);
    // What GitHub sends next for this unit: its report with the PR, CI's Gate-O, the merge.
    if (event.type === "attempt-started") {
      const { track, unit, attempt } = event;
      queue.push({
        id: `report:${track}:${unit}:${attempt}`,
        type: "report",
        track,
        unit,
        attempt,
        pr: ++pr,
        report: {
          status: "done",
          changedFiles: [`src/mod-${unit}.ts`],
          tasksDone: [unit],
          spawnCandidates: [],
          escalations: [],
          costUsd: 0.25,
          metrics: {},
        },
      });
    } else if (event.type === "report") {
      const { track, unit } = event;
      queue.push({
        id: `gate:${unit}`,
        type: "gate",
        track,
        unit,
        gate: "Gate-O",
        status: "pass",
        current: "pass",
      });
      queue.push({ id: `merged:${event.pr}`, type: "pr-merged", track, unit, pr: event.pr ?? 0 });
    } else if (event.type === "pr-merged") {
      merged++;
    }
  }
  return { times, states, merged };
}
