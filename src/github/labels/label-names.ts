// The names of the labels the app puts on track and task issues, all behind one prefix (a repository setting,
// `swarm:` by default): `<p>track` marks a track issue, `<p>task` a task issue, `<p>track-<n>` ties a task to
// track n, one status label per unit status, and `<p>needs-<task id>` per prerequisite.

import type { UnitStatus } from "../../engine/track/state.js";
import { labelPart } from "./label-part.js";

export const defaultLabelPrefix = "swarm:";

/** GitHub refuses longer label names. */
export const maxLabelLength = 50;

/**
 * Leaves `needs-<task id>` 20 characters for the id, so common ids stay readable; every fixed name (the longest is
 * `needs-input`) and `track-<n>` for any issue number (at most 10 digits) fit easily.
 */
export const maxLabelPrefixLength = 24;

/** The statuses a label can show: `dispatched` and `running` both show as running. */
export type LabelStatus = Exclude<UnitStatus, "dispatched">;

export const labelStatuses: readonly LabelStatus[] = [
  "blocked",
  "ready",
  "running",
  "review",
  "done",
  "failed",
  "needs-input",
  "cancelled",
];

export function trackMarkerLabel(prefix: string): string {
  return `${prefix}track`;
}

export function taskMarkerLabel(prefix: string): string {
  return `${prefix}task`;
}

/** `<p>track-12`: the track id is the track issue's number. */
export function trackLabel(prefix: string, track: number | string): string {
  const head = `${prefix}track-`;
  const id = String(track);
  // A track id is an issue number; anything else still gets a safe, distinct label rather than an exception.
  const part = /^[1-9]\d{0,9}$/.test(id) ? id : labelPart(id, maxLabelLength - head.length);
  return head + part;
}

export function statusLabel(prefix: string, status: UnitStatus): string {
  return prefix + (status === "dispatched" ? "running" : status);
}

/** `<p>needs-T04`; a task named `input` (any case) is hashed, since `<p>needs-input` is a status label. */
export function needsLabel(prefix: string, taskId: string): string {
  const head = `${prefix}needs-`;
  return head + labelPart(taskId, maxLabelLength - head.length, ["input"]);
}

/** Every status label, e.g. to remove the old one when the status changes. */
export function statusLabels(prefix: string): string[] {
  return labelStatuses.map((status) => statusLabel(prefix, status));
}

/** Why `prefix` cannot be a label prefix, or null when it can. */
export function labelPrefixProblem(prefix: string): string | null {
  if (prefix === "")
    return "the label prefix is empty, so the app's labels would take over names such as `done`";
  if (prefix.length > maxLabelPrefixLength) {
    return (
      `the label prefix is ${prefix.length} characters long (at most ${maxLabelPrefixLength}, so that ` +
      `\`needs-<task id>\` labels keep room for the id within GitHub's ${maxLabelLength}-character limit)`
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(prefix)) return "the label prefix contains control characters";
  if (/^\s/.test(prefix))
    return "the label prefix starts with whitespace, which GitHub drops from label names";
  if (/[^\S ]/.test(prefix)) return "the label prefix contains whitespace other than a plain space";
  if (prefix.includes(",")) {
    return "the label prefix contains a comma, and GitHub's issue list filters labels by a comma-separated list";
  }
  if (prefix.includes('"'))
    return "the label prefix contains a double quote, which breaks GitHub search queries";
  return null;
}
