// What one step of the simulation adds to the timeline: the events delivered (read against the state they led
// to, so a failure says whether it is retried) and the effects of note the engine asked for. Dispatches are
// added by the driver, which knows the agent and duration.

import type { Effect } from "../engine/track/effects.js";
import type { TrackState } from "../engine/track/state.js";
import type { Pending } from "./event-queue.js";
import type { TimelineEvent, TimelineKind } from "./timeline.js";

const msPerHour = 3_600_000;

export function stepTimeline(
  at: number,
  items: readonly Pending[],
  effects: readonly Effect[],
  track: TrackState | undefined,
  agentOf: (unit: string, attempt: number) => number | null,
): TimelineEvent[] {
  const lines: TimelineEvent[] = [];
  const add = (kind: TimelineKind, task: string | null, text: string, attempt: number | null = null) =>
    lines.push({
      at,
      kind,
      task,
      attempt,
      agent: attempt === null || task === null ? null : agentOf(task, attempt),
      text,
    });
  const reported = new Set<string>();
  for (const item of items) {
    const note = item.note;
    if (note.kind === "outcome") {
      reported.add(note.unit);
      const [kind, text] = describeOutcome(track, note.unit, note.attempt);
      add(kind, note.unit, text, note.attempt);
    } else if (note.kind === "merge") {
      if (!reported.has(note.unit)) add("merge", note.unit, `${note.unit} merged (PR #${note.pr})`);
    } else if (note.kind === "gate") {
      const spec = track?.units[note.unit];
      if (note.status === "fail") add("gate", note.unit, `${note.gate} fails on ${note.unit}'s PR`);
      else if (spec?.origin.kind === "gate")
        add("gate", note.unit, `${note.gate} passes again after ${note.unit}`);
    } else if (note.kind === "command") add("command", null, note.text);
    else if (note.kind === "answer") add("answer", note.unit, `answer to ${note.unit}: ${quote(note.text)}`);
  }
  for (const effect of effects) {
    if (effect.type === "create-task" && effect.origin !== "plan")
      add("spawn", effect.unit, `${effect.unit} spawned (${effect.origin}): ${effect.title}`);
    else if (effect.type === "set-status" && effect.status === "needs-input" && !reported.has(effect.unit)) {
      const questions = track?.runs[effect.unit]?.questions.map((q) => quote(q.text)) ?? [];
      add(
        "question",
        effect.unit,
        `${effect.unit} waits for a person: ${questions.join("; ") || effect.reason}`,
      );
    } else if (effect.type === "stop-track")
      add("stop", null, `the track stops (${effect.reason}): ${effect.message}`);
    else if (effect.type === "track-completed")
      add("complete", null, `the track is complete: ${effect.message}`);
    else if (effect.type === "comment") {
      const kind = effect.body.startsWith("Resumed")
        ? "resume"
        : effect.body.startsWith("Budget warning")
          ? "budget"
          : "comment";
      add(kind, effect.unit, effect.body);
    }
  }
  return lines;
}

function describeOutcome(
  track: TrackState | undefined,
  unit: string,
  attempt: number,
): [TimelineKind, string] {
  const run = track?.runs[unit];
  const name = `${unit} attempt ${attempt}`;
  if (!run || run.attempt !== attempt)
    return ["finish", `${name} ended after it was replaced; its result was ignored`];
  switch (run.status) {
    case "done":
      return ["finish", `${name} finished; PR #${run.pr ?? "?"} merged`];
    case "review":
      return ["finish", `${name} finished; PR #${run.pr ?? "?"} waits for review`];
    case "needs-input":
      return ["question", `${name} asks: ${run.questions.map((q) => quote(q.text)).join("; ")}`];
    case "failed":
      return ["fail", `${unit}: ${run.reason ?? "failed"}`];
    case "ready":
      if (run.retryAt !== null)
        return [
          "retry",
          `${unit}: ${run.reason ?? "retried"} (next attempt at ${hoursText(run.retryAt / msPerHour)})`,
        ];
      return ["retry", `${unit}: ${run.reason ?? "goes again"}`];
    default:
      return ["finish", `${name} ended; ${unit} is ${run.status}${run.reason ? ` (${run.reason})` : ""}`];
  }
}

function quote(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return `"${line.length > 200 ? `${line.slice(0, 199)}…` : line}"`;
}

/**
 * `1.50h`: times are hours from the start, two decimals; below one hour three significant digits (`0.0266h`), so
 * the second-long tasks of a workflow trace still read apart.
 */
export function hoursText(hours: number): string {
  if (!Number.isFinite(hours)) return "—";
  return `${hours === 0 || Math.abs(hours) >= 1 ? hours.toFixed(2) : hours.toPrecision(3)}h`;
}
