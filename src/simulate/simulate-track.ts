// `simulateTrack(plan, options)`: runs the plan through the track state machine with simulated agents and people
// (see drive-track.ts) and sets the result beside what the planner knows of the same plan: the lower bound, the
// critical path, the total work, and the makespans of wave barriers and first-in-first-out dispatch.

import { criticalPath } from "../engine/graph.js";
import { estimateSchedule, fifoSchedule, lowerBound, wavesSchedule } from "../engine/schedule.js";
import { seededRandom } from "../engine/seeded-random.js";
import type { UnitStatus } from "../engine/track/state.js";
import type { ScheduleEntry } from "../engine/types.js";
import { dispatchUnits } from "../engine/units.js";
import type { Plan } from "../plan/model.js";
import { driveTrack } from "./drive-track.js";
import { emptyScenario, type Scenario } from "./scenario-schema.js";
import type { TimelineEvent, TrackEnding } from "./timeline.js";
import { spentOf, trackEnding } from "./track-ending.js";

export interface SimulateOptions {
  /** Agents running at once (default: the plan's max parallel); it replaces the track's parallelism. */
  agents?: number;
  /** Seed of the noise (default 1). */
  seed?: number;
  /** Each attempt's duration and cost are its estimate × a factor uniformly within ±noise (0 to 1; default 0). */
  noise?: number;
  scenario?: Scenario;
}

export interface SimulationResult {
  track: { id: string; title: string };
  agents: number;
  seed: number;
  noise: number;
  /** Hours from the start until the track state last changed. */
  makespan: number;
  lowerBound: number;
  criticalPathLength: number;
  totalWork: number;
  /** Busy agent-hours / (agents × makespan); 0 when nothing ran. */
  utilisation: number;
  busyHours: number;
  /** The planner's estimate (continuous dispatch), and the baselines it is compared with. */
  estimate: number;
  baselines: { fifo: number; waves: number };
  /** One entry per attempt, in dispatch order (a retried task appears once per attempt). */
  schedule: ScheduleEntry[];
  attempts: number[];
  events: TimelineEvent[];
  ending: TrackEnding;
  spentUsd: number;
  /** Titles of every unit of the track, spawned ones included. */
  titles: Map<string, string>;
  /** Where each unit ended up. */
  statuses: Map<string, UnitStatus>;
  criticalPath: string[];
}

export const defaultSeed = 1;

export function simulateTrack(plan: Plan, options: SimulateOptions = {}): SimulationResult {
  const agents = options.agents ?? plan.track.maxParallel;
  const noise = options.noise ?? 0;
  const seed = options.seed ?? defaultSeed;
  if (!Number.isInteger(agents) || agents < 1)
    throw new RangeError(`agents must be a whole number ≥ 1 (got ${agents})`);
  if (!(noise >= 0 && noise <= 1)) throw new RangeError(`noise must be from 0 to 1 (got ${noise})`);
  const run = driveTrack({
    plan: { ...plan, track: { ...plan.track, maxParallel: agents } },
    agents,
    scenario: options.scenario ?? emptyScenario,
    noise,
    random: seededRandom(seed),
  });
  const track = run.state.tracks[plan.track.id];
  const ending = trackEnding(track, run.timeline, run.cutOff);
  const makespan = run.lastChange;
  const events: TimelineEvent[] = [
    ...run.timeline,
    { at: makespan, kind: "end", task: null, attempt: null, agent: null, text: ending.message },
  ];
  let busyHours = 0;
  for (const entry of run.schedule) busyHours += entry.end - entry.start;

  const units = dispatchUnits(plan);
  const left = units.filter((unit) => unit.status !== "done");
  let totalWork = 0;
  for (const unit of left) totalWork += unit.hours;
  const titles = new Map<string, string>();
  const statuses = new Map<string, UnitStatus>();
  for (const id of Object.keys(track?.units ?? {})) {
    titles.set(id, track?.units[id]?.title ?? id);
    statuses.set(id, track?.runs[id]?.status ?? "blocked");
  }
  const critical = criticalPath(units);
  return {
    track: { id: plan.track.id, title: plan.track.title },
    agents,
    seed,
    noise,
    makespan,
    lowerBound: lowerBound(units, agents),
    criticalPathLength: critical.hours,
    totalWork,
    utilisation: makespan > 0 ? busyHours / (agents * makespan) : 0,
    busyHours,
    estimate: estimateSchedule(units, agents).makespan,
    baselines: { fifo: fifoSchedule(units, agents).makespan, waves: wavesSchedule(units, agents).makespan },
    schedule: run.schedule,
    attempts: run.attempts,
    events,
    ending,
    spentUsd: spentOf(track),
    titles,
    statuses,
    criticalPath: critical.ids,
  };
}
