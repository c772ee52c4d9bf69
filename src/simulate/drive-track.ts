// The simulator's driver of the track state machine: a virtual clock, simulated agents and simulated people.
// Events due at the same time go to `stepAll` together; effects are carried out the way the GitHub app will
// (a dispatch starts an attempt on the lowest free agent, a wake becomes a tick, a cancelled run's pending
// outcome is dropped). Pure: time is virtual and randomness comes from the seeded source it is given.

import type { Effect } from "../engine/track/effects.js";
import type { EngineEvent } from "../engine/track/events.js";
import { type EngineState, emptyState, type TrackState } from "../engine/track/state.js";
import { stepAll } from "../engine/track/step.js";
import type { ScheduleEntry } from "../engine/types.js";
import type { Plan } from "../plan/model.js";
import { AttemptsOut, attemptKey } from "./attempts-out.js";
import { EventQueue, type Pending, type PendingNote } from "./event-queue.js";
import { noiseFactor } from "./noise-factor.js";
import type { Scenario } from "./scenario-schema.js";
import { SimulatedPeople } from "./simulated-people.js";
import { hoursText, stepTimeline } from "./step-timeline.js";
import type { TimelineEvent } from "./timeline.js";

export const msPerHour = 3_600_000;
/** A scenario that keeps the track busy forever ends after this many steps per unit (and at least 100,000). */
const stepsPerUnit = 50;

export interface DriveInput {
  /** The plan, its maxParallel already set to the number of agents. */
  plan: Plan;
  agents: number;
  scenario: Scenario;
  noise: number;
  random: () => number;
}

export interface DriveResult {
  state: EngineState;
  /** One entry per attempt, in dispatch order; `attempts[k]` is entry k's attempt number. */
  schedule: ScheduleEntry[];
  attempts: number[];
  timeline: TimelineEvent[];
  /** When the track state last changed: the makespan. */
  lastChange: number;
  /** The step limit was reached with events still pending. */
  cutOff: boolean;
}

export function driveTrack(input: DriveInput): DriveResult {
  return new Driver(input).run();
}

class Driver {
  private state: EngineState;
  private readonly queue = new EventQueue();
  private readonly out = new AttemptsOut();
  private readonly people: SimulatedPeople;
  private readonly track: string;
  private readonly timeline: TimelineEvent[] = [];
  /** Attempts whose merge is already on the clock. */
  private readonly merging = new Set<string>();
  private readonly ticks = new Set<number>();
  private nextId = 1;
  private lastChange = 0;

  constructor(private readonly input: DriveInput) {
    this.state = emptyState(input.agents);
    this.track = input.plan.track.id;
    this.people = new SimulatedPeople(input.scenario, input.plan, this.track);
  }

  run(): DriveResult {
    const quiet: PendingNote = { kind: "quiet" };
    this.push(0, 0, { id: "", type: "plan", track: this.track, plan: this.input.plan }, quiet);
    for (const act of this.people.atStart()) this.push(act.at, act.party, act.event, act.note);
    const dispatch = { type: "dispatch" as const, task: null };
    this.push(0, 0, { id: "", type: "command", track: this.track, command: dispatch, by: "person" }, quiet);
    const maxSteps = Math.max(100_000, stepsPerUnit * this.input.plan.tasks.length);
    let steps = 0;
    let batch = this.queue.nextBatch();
    for (; batch && steps < maxSteps; batch = this.queue.nextBatch(), steps++)
      this.deliver(batch.at, batch.items);
    const { state, timeline, lastChange } = this;
    const { schedule, attempts } = this.out;
    return { state, schedule, attempts, timeline, lastChange, cutOff: batch !== null };
  }

  private deliver(at: number, items: readonly Pending[]): void {
    let now = at * msPerHour;
    for (const item of items) {
      if (item.ms !== null) now = Math.max(now, item.ms);
      if (item.note.kind === "outcome") this.out.finish(attemptKey(item.note.unit, item.note.attempt), at);
    }
    const before = this.state;
    const events = items.map((item) => item.event);
    const { state, effects } = stepAll(before, events, now);
    this.state = state;
    const track = state.tracks[this.track];
    if (changed(items, effects, before.tracks[this.track], track)) this.lastChange = at;
    this.timeline.push(...stepTimeline(at, items, effects, track, (unit, n) => this.out.agentOf(unit, n)));
    for (const effect of effects) this.apply(at, effect, track);
    if (track) this.afterStep(at, effects, track);
  }

  private apply(at: number, effect: Effect, track: TrackState | undefined): void {
    if (effect.type === "wake" && !this.ticks.has(effect.at)) {
      this.ticks.add(effect.at);
      this.push(
        Math.max(at, effect.at / msPerHour),
        0,
        { id: "", type: "tick" },
        { kind: "quiet" },
        null,
        effect.at,
      );
    } else if (effect.type === "cancel-run") {
      const key = attemptKey(effect.unit, effect.attempt);
      this.queue.drop(key);
      if (!this.out.isOut(key)) return;
      const text = `${effect.unit} attempt ${effect.attempt} is cancelled`;
      this.note(at, "cancel", effect.unit, effect.attempt, text);
      this.out.finish(key, at);
    } else if (effect.type === "dispatch" && track) this.dispatch(at, effect, track);
  }

  private dispatch(at: number, effect: Extract<Effect, { type: "dispatch" }>, track: TrackState): void {
    const spec = track.units[effect.unit];
    if (!spec) return;
    const { unit, attempt, tasks } = effect;
    const key = attemptKey(unit, attempt);
    const { entry, outcome } = this.out.start(at, spec, {
      track: this.track,
      attempt,
      tasks,
      script: this.input.scenario.tasks[unit]?.[attempt - 1],
      factor: noiseFactor(this.input.random, this.input.noise),
      reviewHours: this.input.scenario.people.reviewHours,
    });
    this.push(
      at,
      0,
      { id: "", type: "attempt-started", track: this.track, unit, attempt },
      { kind: "quiet" },
      key,
    );
    for (const next of outcome.events) {
      if (next.note.kind === "merge") this.merging.add(key);
      this.push(entry.end + next.delay, 0, { ...next.event, id: "" } as EngineEvent, next.note, key);
    }
    const text = `${unit} attempt ${attempt} starts on agent ${entry.agent} (${tasks.length > 0 ? tasks.join(", ") : "no task left"}; ends at ${hoursText(entry.end)})`;
    this.note(at, "dispatch", unit, attempt, text);
  }

  private afterStep(at: number, effects: readonly Effect[], track: TrackState): void {
    for (const effect of effects) {
      if (effect.type !== "set-status") continue;
      const { unit, status } = effect;
      const run = track.runs[unit];
      if (status === "review" && run?.pr != null) {
        // A unit may reach review without a merge foreseen (a scope question answered): a person merges it.
        const key = attemptKey(unit, run.attempt);
        if (this.merging.has(key)) continue;
        this.merging.add(key);
        const merge: EngineEvent = { id: "", type: "pr-merged", track: this.track, unit, pr: run.pr };
        const note: PendingNote = { kind: "merge", unit, pr: run.pr };
        this.push(at + this.input.scenario.people.reviewHours, 0, merge, note, key);
      } else if (status === "needs-input") {
        const reply = this.people.onQuestion(unit, track);
        if (reply) this.push(at + reply.after, 1, reply.event, reply.note);
      }
    }
  }

  private push(
    at: number,
    party: 0 | 1,
    event: EngineEvent,
    note: PendingNote,
    attempt: string | null = null,
    ms: number | null = null,
  ): void {
    // Every event gets a fresh id: the engine ignores an id it has seen.
    this.queue.push({ at, ms, party, event: { ...event, id: `sim-${this.nextId++}` }, note, attempt });
  }

  private note(at: number, kind: TimelineEvent["kind"], task: string, attempt: number, text: string): void {
    this.timeline.push({ at, kind, task, attempt, agent: this.out.agentOf(task, attempt), text });
  }
}

/**
 * Whether a step changed the track: an agent's or CI's event, an effect beyond a comment, or else (a person's
 * command answered with a comment, a tick) a track that differs from before. A command refused after the track
 * has completed must not stretch the makespan.
 */
function changed(
  items: readonly Pending[],
  effects: readonly Effect[],
  before: TrackState | undefined,
  after: TrackState | undefined,
): boolean {
  if (items.some((item) => item.note.kind === "outcome" || item.note.kind === "merge")) return true;
  if (effects.some((effect) => effect.type !== "comment")) return true;
  return before !== after && JSON.stringify(before) !== JSON.stringify(after);
}
