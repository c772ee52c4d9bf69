// The people of a simulated run, as the scenario describes them: commands and answers at set times, answers
// given some hours after a task asks, and (unless the scenario turns it off) a person who releases foreground
// work at once, so a plan with such tasks runs as the planner's estimate assumes.

import type { Command, EngineEvent } from "../engine/track/events.js";
import type { TrackState } from "../engine/track/state.js";
import { unitSpecsOf } from "../engine/track/unit-spec.js";
import type { Plan } from "../plan/model.js";
import type { PendingNote } from "./event-queue.js";
import { commandText } from "./parse-command.js";
import type { Scenario } from "./scenario-schema.js";

export interface PersonAct {
  at: number;
  party: 0 | 1;
  event: EngineEvent;
  note: PendingNote;
}

const release = "Go ahead.";

export class SimulatedPeople {
  private readonly unitOf = new Map<string, string>();
  private readonly used = new Set<number>();

  constructor(
    private readonly scenario: Scenario,
    private readonly plan: Plan,
    private readonly track: string,
  ) {
    for (const spec of unitSpecsOf(plan).specs)
      for (const task of spec.taskIds) if (!this.unitOf.has(task)) this.unitOf.set(task, spec.id);
  }

  /** What people do at set times, and the release of the plan's foreground work at the start. */
  atStart(): PersonAct[] {
    const acts: PersonAct[] = [];
    const { specs, done } = unitSpecsOf(this.plan);
    if (this.scenario.people.releaseForeground) {
      for (const spec of specs) {
        const finished = done.get(spec.id)?.length ?? 0;
        if (spec.needsPerson && finished < spec.taskIds.length && !this.answers(spec.id))
          acts.push(this.answer(0, spec.id, release));
      }
    }
    for (const answer of this.scenario.people.answers)
      if (answer.at !== undefined) acts.push(this.answer(answer.at, this.unit(answer.task), answer.text));
    for (const { at, command } of this.scenario.people.commands)
      acts.push({
        at,
        party: 1,
        event: this.event(command),
        note: { kind: "command", text: commandText(command) },
      });
    return acts;
  }

  /** A unit started waiting for a person: the answer the scenario gives it next, if any, and when. */
  onQuestion(unit: string, track: TrackState): (PersonAct & { after: number }) | null {
    const run = track.runs[unit];
    if (!run) return null;
    const fromPlan = run.questions.some((question) => question.from === "plan");
    if (fromPlan && this.scenario.people.releaseForeground && !this.answers(unit))
      return { ...this.answer(0, unit, release), after: 0 };
    const k = this.scenario.people.answers.findIndex(
      (answer, i) => answer.at === undefined && !this.used.has(i) && this.unit(answer.task) === unit,
    );
    const answer = this.scenario.people.answers[k];
    if (!answer) return null;
    this.used.add(k);
    return { ...this.answer(0, unit, answer.text), after: answer.after ?? 0 };
  }

  private answers(unit: string): boolean {
    return this.scenario.people.answers.some((answer) => this.unit(answer.task) === unit);
  }

  private unit(task: string): string {
    return this.unitOf.get(task) ?? task;
  }

  private answer(at: number, unit: string, text: string): PersonAct {
    return {
      at,
      party: 1,
      event: this.event({ type: "answer", task: unit, text }),
      note: { kind: "answer", unit, text },
    };
  }

  private event(command: Command): EngineEvent {
    return { id: "", type: "command", track: this.track, command, by: "person" };
  }
}
