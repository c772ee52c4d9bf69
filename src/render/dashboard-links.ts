// The dashboard's small cells: times, issue and pull request numbers, run links and status words. A link is only
// ever built from a number or from a run URL that points into the track's own repository, so no cell can carry
// a hostile URL or text.

import type { UnitStatus } from "../engine/track/state.js";

const repositoryName = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const runUrl =
  /^https?:\/\/[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?\/([A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100})\/actions\/runs\/[0-9]{1,20}(?:\/attempts\/[0-9]{1,5}|\/job\/[0-9]{1,20})?$/;

/** `2025-01-02 13:45 UTC`; `—` for a time that is not one. Minutes only: seconds would churn the dashboard. */
export function formatTime(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return "—";
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `#12` for an issue or pull request number (GitHub links it), `—` otherwise. */
export function numberCell(value: number | null | undefined): string {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? `#${value}` : "—";
}

/** `[run](url)` when the URL is an Actions run of `repository` (names compared as GitHub does, ignoring case). */
export function runCell(url: string | null | undefined, repository: string): string {
  if (typeof url !== "string" || url.length > 600 || !repositoryName.test(repository)) return "—";
  const match = runUrl.exec(url);
  if (!match || match[1]?.toLowerCase() !== repository.toLowerCase()) return "—";
  return `[run](${url})`;
}

const statusWords: Record<UnitStatus, string> = {
  blocked: "blocked",
  ready: "ready",
  dispatched: "dispatched",
  running: "running",
  review: "in review",
  done: "done",
  failed: "failed",
  "needs-input": "needs input",
  cancelled: "cancelled",
};

export function statusWord(status: UnitStatus): string {
  return statusWords[status] ?? "unknown";
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
