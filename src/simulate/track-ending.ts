// How a simulated track ended, read from the final state: completed, stopped with the engine's reason, cancelled,
// or stuck (nothing pending, yet the track neither finished nor stopped: paused, or waiting for an answer that the
// scenario never gives).

import { bookedUsd } from "../engine/track/budget.js";
import type { TrackState } from "../engine/track/state.js";
import type { TimelineEvent, TrackEnding } from "./timeline.js";

export function trackEnding(
  track: TrackState | undefined,
  timeline: readonly TimelineEvent[],
  cutOff: boolean,
): TrackEnding {
  if (!track)
    return { status: "stuck", reason: null, message: "the track is stuck: the plan never became a track" };
  if (cutOff)
    return {
      status: "stuck",
      reason: "step-limit",
      message:
        "the track is stuck: the simulation stopped after its step limit with events still pending (a task retried forever?)",
    };
  switch (track.status) {
    case "completed": {
      const last = [...timeline].reverse().find((event) => event.kind === "complete");
      return { status: "completed", reason: null, message: last?.text ?? "the track is complete" };
    }
    case "stopped":
      return {
        status: "stopped",
        reason: track.stop?.reason ?? null,
        message: `the track stopped (${track.stop?.reason ?? "?"}): ${track.stop?.message ?? ""}`,
      };
    case "cancelled":
      return { status: "cancelled", reason: null, message: "the track was cancelled" };
    default: {
      const waiting = Object.keys(track.runs)
        .filter((id) => track.runs[id]?.status !== "done" && track.runs[id]?.status !== "cancelled")
        .map((id) => {
          const run = track.runs[id];
          return `${id} ${run?.status}${run?.reason ? ` (${run.reason})` : ""}`;
        });
      const shown =
        waiting.slice(0, 5).join("; ") + (waiting.length > 5 ? `; and ${waiting.length - 5} more` : "");
      return {
        status: "stuck",
        reason: track.status,
        message: `the track is stuck: nothing more happens while it is ${track.status}${shown ? `: ${shown}` : ""}`,
      };
    }
  }
}

/** Money booked by the track: reported costs, or the estimates that stood. */
export function spentOf(track: TrackState | undefined): number {
  return track ? bookedUsd(track) : 0;
}
