// Colour and description of each label the app creates. GitHub takes a six-digit hex colour without `#` and a
// description of at most 100 characters; the colours group the statuses: grey waiting, green going, purple in
// review, red stopped.

import type { UnitStatus } from "../../engine/track/state.js";
import {
  type LabelStatus,
  needsLabel,
  statusLabel,
  taskMarkerLabel,
  trackLabel,
  trackMarkerLabel,
} from "./label-names.js";

export interface LabelSpec {
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  /** At most 100 characters. */
  description: string;
}

export const maxDescriptionLength = 100;

const statusLook: Record<LabelStatus, { color: string; description: string }> = {
  blocked: { color: "d4d4d4", description: "Waits for its prerequisites to be merged" },
  ready: {
    color: "c2e0c6",
    description: "Prerequisites merged; goes out when a slot, its locks and the budget allow",
  },
  running: { color: "0e8a16", description: "An agent is working on it in GitHub Actions" },
  review: { color: "8250df", description: "Its pull request waits for the gates and review" },
  done: { color: "1d76db", description: "Merged" },
  failed: { color: "d73a4a", description: "Its attempts failed; comment /retry to try again" },
  "needs-input": { color: "fbca04", description: "Waits for a person: reply with /answer" },
  cancelled: { color: "6e7781", description: "Cancelled; will not be dispatched" },
};

export function trackMarkerSpec(prefix: string): LabelSpec {
  return {
    name: trackMarkerLabel(prefix),
    color: "5319e7",
    description: "A Swarm Dispatch track: the issue body is the plan",
  };
}

export function taskMarkerSpec(prefix: string): LabelSpec {
  return { name: taskMarkerLabel(prefix), color: "bfd4f2", description: "A task of a Swarm Dispatch track" };
}

export function trackSpec(prefix: string, track: number | string): LabelSpec {
  return {
    name: trackLabel(prefix, track),
    color: "c5def5",
    description: fitDescription(`A task of track #${track}`),
  };
}

export function statusSpec(prefix: string, status: UnitStatus): LabelSpec {
  const shown: LabelStatus = status === "dispatched" ? "running" : status;
  return { name: statusLabel(prefix, status), ...statusLook[shown] };
}

/** The description names the task as written, which a hashed label name cannot show in full. */
export function needsSpec(prefix: string, taskId: string): LabelSpec {
  return {
    name: needsLabel(prefix, taskId),
    color: "ededed",
    description: fitDescription(`Waits for task ${taskId} to be merged`),
  };
}

/** One line without control characters, cut with an ellipsis to GitHub's limit. */
export function fitDescription(text: string): string {
  const line = text
    .slice(0, maxDescriptionLength * 4)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we drop.
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (line.length <= maxDescriptionLength) return line;
  let cut = line.slice(0, maxDescriptionLength - 1);
  // Never end on half of a surrogate pair (an emoji cut in two).
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
