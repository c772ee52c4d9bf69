// Reading the app's labels back from an issue, as webhook payloads and the REST API give them (objects with a
// name, or plain names). GitHub compares label names without case, and so do these readers: a person who renames
// `swarm:done` to `Swarm:Done` has not removed it.

import { type LabelStatus, statusLabel, taskMarkerLabel, trackMarkerLabel } from "./label-names.js";

export type IssueLabel = string | { name?: string | null };

/**
 * When two status labels are on one issue (a swap that stopped half-way), the one furthest along wins; reconcile
 * rewrites the labels from the state document anyway.
 */
export const statusPrecedence: readonly LabelStatus[] = [
  "cancelled",
  "done",
  "failed",
  "needs-input",
  "review",
  "running",
  "ready",
  "blocked",
];

export function labelNames(labels: readonly IssueLabel[]): string[] {
  const names: string[] = [];
  for (const label of labels) {
    const name = typeof label === "string" ? label : label?.name;
    if (typeof name === "string") names.push(name);
  }
  return names;
}

export function hasLabel(labels: readonly IssueLabel[], name: string): boolean {
  const wanted = name.toLowerCase();
  return labelNames(labels).some((candidate) => candidate.toLowerCase() === wanted);
}

/** Every status the labels show, in precedence order; more than one means the labels need repair. */
export function statusesOfLabels(labels: readonly IssueLabel[], prefix: string): LabelStatus[] {
  const present = new Set(labelNames(labels).map((name) => name.toLowerCase()));
  return statusPrecedence.filter((status) => present.has(statusLabel(prefix, status).toLowerCase()));
}

/** The status the labels show, or null when they show none. */
export function statusOfLabels(labels: readonly IssueLabel[], prefix: string): LabelStatus | null {
  return statusesOfLabels(labels, prefix)[0] ?? null;
}

/** The track number from a `<p>track-<n>` label, or null. */
export function trackOfLabels(labels: readonly IssueLabel[], prefix: string): number | null {
  const head = `${prefix}track-`.toLowerCase();
  for (const name of labelNames(labels)) {
    const lower = name.toLowerCase();
    if (!lower.startsWith(head)) continue;
    const rest = name.slice(head.length);
    if (/^[1-9]\d{0,9}$/.test(rest)) return Number(rest);
  }
  return null;
}

export function isTrackIssue(labels: readonly IssueLabel[], prefix: string): boolean {
  return hasLabel(labels, trackMarkerLabel(prefix));
}

export function isTaskIssue(labels: readonly IssueLabel[], prefix: string): boolean {
  return hasLabel(labels, taskMarkerLabel(prefix));
}
