// The simulation's timeline: one entry per event of note, in the order they happened. The text report prints
// one line each; `--json` gives them as objects.

export const timelineKinds = [
  "dispatch",
  "finish",
  "retry",
  "fail",
  "merge",
  "spawn",
  "question",
  "answer",
  "command",
  "comment",
  "resume",
  "gate",
  "cancel",
  "budget",
  "stop",
  "complete",
  "end",
] as const;

export type TimelineKind = (typeof timelineKinds)[number];

export interface TimelineEvent {
  /** Hours from the start. */
  at: number;
  kind: TimelineKind;
  /** The task (dispatch unit) it concerns; null for the track. */
  task: string | null;
  attempt: number | null;
  agent: number | null;
  text: string;
}

/** How the track ended: completed, stopped with the engine's reason, cancelled, or stuck with nothing pending. */
export interface TrackEnding {
  status: "completed" | "stopped" | "cancelled" | "stuck";
  reason: string | null;
  message: string;
}
