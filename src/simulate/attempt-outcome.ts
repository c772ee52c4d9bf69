// What one simulated attempt does, decided when it is dispatched: how long it runs and the events it causes (its
// report or failure, the gate results CI posts on its PR, the merge after review). By default an agent does
// exactly what the plan estimates; the scenario's script for that attempt says otherwise.

import type { EngineEvent, SpawnCandidate, TaskReport } from "../engine/track/events.js";
import type { UnitSpec } from "../engine/track/state.js";
import type { PendingNote } from "./event-queue.js";
import { inventChangedFiles } from "./invent-files.js";
import type { AttemptScript, ScriptedCandidate } from "./scenario-schema.js";

type WithoutId<E> = E extends unknown ? Omit<E, "id"> : never;
export type UnidentifiedEvent = WithoutId<EngineEvent>;

export interface AttemptEvent {
  /** Hours after the attempt's outcome arrives (a merge waits for review). */
  delay: number;
  event: UnidentifiedEvent;
  note: PendingNote;
}

export interface AttemptOutcome {
  /** Hours from dispatch to the outcome: the time an agent is busy. */
  hours: number;
  events: AttemptEvent[];
}

export interface AttemptInput {
  track: string;
  spec: UnitSpec;
  attempt: number;
  /** The subtasks the dispatch gave it, in order. */
  tasks: readonly string[];
  script: AttemptScript | undefined;
  /** Noise: duration and cost are multiplied by it. */
  factor: number;
  pr: number;
  reviewHours: number;
}

export function attemptOutcome(input: AttemptInput): AttemptOutcome {
  const { track, spec, attempt, tasks, script, factor, pr } = input;
  const unit = spec.id;
  // Summed in task order from 0, as the planner sums a unit's hours, so no noise means the very same number.
  let estimate = 0;
  let cost = 0;
  for (const task of tasks) {
    const k = spec.taskIds.indexOf(task);
    estimate += spec.taskHours[k] ?? 0;
    cost += spec.taskCostUsd[k] ?? 0;
  }
  const planned = estimate * factor;
  const hours = endsAfter(script?.ends, planned);
  const outcome = script?.outcome ?? "done";
  const note: PendingNote = { kind: "outcome", unit, attempt };
  const at = (event: UnidentifiedEvent, n: PendingNote = note, delay = 0): AttemptEvent => ({
    delay,
    event,
    note: n,
  });

  if (outcome === "fail" || outcome === "timeout") {
    const message =
      script?.message ?? (outcome === "fail" ? "the agent failed (simulated)" : "the run hit its time limit");
    return {
      hours,
      events: [
        at({
          type: "attempt-failed",
          track,
          unit,
          attempt,
          outcome: outcome === "fail" ? "failed" : "timed-out",
          message,
          tasksDone: script?.tasksDone ?? [],
        }),
      ],
    };
  }
  const done = outcome === "done";
  const report: TaskReport = {
    status: outcome,
    changedFiles: done ? inventChangedFiles(spec.touches, unit) : [],
    tasksDone: script?.tasksDone ?? (done ? [...tasks] : outcome === "partial" ? firstHalf(tasks) : []),
    spawnCandidates: (script?.spawn ?? []).map(candidateOf),
    escalations: script?.escalations ?? [],
    costUsd: script?.costUsd ?? cost * factor,
    metrics: script?.metrics ?? {},
  };
  const events = [at({ type: "report", track, unit, attempt, pr, report })];
  if (!done) return { hours, events };
  for (const gate of gatesOf(spec, script)) {
    const status = gate.status;
    events.push(
      at(
        { type: "gate", track, unit, gate: gate.name, status, current: status },
        { kind: "gate", unit, gate: gate.name, status },
      ),
    );
  }
  // A report that asks something waits for the answer; only a finished one goes to review and merge.
  if (report.escalations.length === 0)
    events.push(at({ type: "pr-merged", track, unit, pr }, { kind: "merge", unit, pr }, input.reviewHours));
  return { hours, events };
}

function endsAfter(ends: AttemptScript["ends"], planned: number): number {
  if (ends === undefined) return planned;
  if (typeof ends === "number") return ends;
  return (planned * Number.parseFloat(ends)) / 100;
}

function firstHalf(tasks: readonly string[]): string[] {
  return tasks.slice(0, Math.floor(tasks.length / 2));
}

/** The unit's gates (a gate's fix task re-measures its gate), then any other gate the script reports. */
function gatesOf(
  spec: UnitSpec,
  script: AttemptScript | undefined,
): { name: string; status: "pass" | "fail" }[] {
  const names = [...spec.gates];
  if (spec.origin.kind === "gate") names.push(spec.origin.gate);
  const scripted = Object.entries(script?.gates ?? {});
  for (const [name] of scripted)
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  return names.map((name) => ({
    name,
    status: scripted.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? "pass",
  }));
}

function candidateOf(candidate: ScriptedCandidate): SpawnCandidate {
  return {
    title: candidate.title,
    touches: candidate.touches,
    severity: candidate.severity,
    needsUserInput: candidate.needsUserInput,
    dedupKey: candidate.dedupKey ?? null,
    effortHours: candidate.effortHours ?? null,
    role: candidate.role ?? null,
    model: candidate.model ?? null,
  };
}
