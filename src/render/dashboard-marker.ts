// How the app finds the dashboard again and decides whether to rewrite it. The marker is a whole line of its own
// (plan text never is), and the hash leaves out the one line that changes with the clock, so a rewrite happens
// only when something a reader cares about changed: one edit fewer per webhook keeps the app within GitHub's
// content-creation limits.

import { createHash } from "node:crypto";
import { trackField } from "./task-issue-marker.js";

const markerLine = /^<!-- swarm-dispatch:dashboard track=([1-9][0-9]{0,15}) v1 -->$/;
const maxScannedChars = 262_144;
/** The line renderDashboard writes for the time; the only line that may differ between equal dashboards. */
const updatedLine = /^_Updated [^\n]{1,40}\._$/;

export function dashboardMarker(track: string | number): string {
  return `<!-- swarm-dispatch:dashboard track=${trackField(track)} v1 -->`;
}

/** The track whose dashboard this body is, or null; null too when the body names two different tracks. */
export function parseDashboardMarker(body: string | null | undefined): { track: string } | null {
  if (typeof body !== "string") return null;
  let found: string | null = null;
  for (const line of bodyLines(body.slice(0, maxScannedChars))) {
    const match = markerLine.exec(line);
    if (!match) continue;
    if (found !== null && found !== match[1]) return null;
    found = match[1] ?? null;
  }
  return found === null ? null : { track: found };
}

/** `_Updated 2025-01-02 13:45 UTC._` */
export function updatedText(time: string): string {
  return `_Updated ${time}._`;
}

/**
 * A sha256 (hex) of the dashboard's content: line ends normalised (GitHub hands back CRLF after a web edit) and
 * the first "Updated" line left out. Equal hashes mean the app need not write.
 */
export function dashboardHash(body: string): string {
  const lines = bodyLines(body);
  const updated = lines.findIndex((line) => updatedLine.test(line));
  if (updated >= 0) lines.splice(updated, 1);
  return createHash("sha256").update(lines.join("\n").trimEnd()).digest("hex");
}

function bodyLines(body: string): string[] {
  return body.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}
