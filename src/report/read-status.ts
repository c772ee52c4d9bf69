// The `**Status:**` value as agents write it: `✅ Complete`, `DONE ✅`, `⚠️ Partial (tests fail)`, `❌ Blocked`,
// `needs input`, `waiting for a decision`. The first status word wins, so a note after it (`Partial, blocked on
// T02`) does not change it; a value that lists alternatives (the template's `✅ Complete | ⚠️ Partial | ❌ Blocked`,
// left unfilled) is refused, because taking its first word would report work as done that may not be.

import type { ReportStatus } from "./report-model.js";
import { quote } from "./report-text.js";

/** Phrases as lower-case words; where one phrase starts another, the longer is tried first. */
const phrases: [string, ReportStatus][] = [
  ["not done", "partial"],
  ["not complete", "partial"],
  ["not completed", "partial"],
  ["not finished", "partial"],
  ["partially done", "partial"],
  ["partially complete", "partial"],
  ["in progress", "partial"],
  ["blocked on input", "needs-input"],
  ["blocked on a decision", "needs-input"],
  ["needs user input", "needs-input"],
  ["needs input", "needs-input"],
  ["need input", "needs-input"],
  ["needs decision", "needs-input"],
  ["needs a decision", "needs-input"],
  ["awaiting input", "needs-input"],
  ["waiting for input", "needs-input"],
  ["done", "done"],
  ["complete", "done"],
  ["completed", "done"],
  ["finished", "done"],
  ["success", "done"],
  ["succeeded", "done"],
  ["partial", "partial"],
  ["partially", "partial"],
  ["incomplete", "partial"],
  ["blocked", "failed"],
  ["failed", "failed"],
  ["failure", "failed"],
  ["fail", "failed"],
  ["error", "failed"],
  ["waiting", "needs-input"],
  ["question", "needs-input"],
];

const byLength = [...phrases].sort((a, b) => b[0].split(" ").length - a[0].split(" ").length);

// For a value that is only an emoji (`**Status:** ✅`).
const emoji: [RegExp, ReportStatus][] = [
  [/[✅✔☑]/u, "done"],
  [/⚠/u, "partial"],
  [/[❌⛔🚫✖]/u, "failed"],
  [/[❓❔⏳⏸]/u, "needs-input"],
];

export type StatusReading = { status: ReportStatus } | { problem: string };

export function readStatus(value: string): StatusReading {
  const words = value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const found: ReportStatus[] = [];
  for (let i = 0; i < words.length && found.length < 8; i++) {
    for (const [phrase, status] of byLength) {
      const parts = phrase.split(" ");
      if (parts.every((part, k) => words[i + k] === part)) {
        found.push(status);
        i += parts.length - 1;
        break;
      }
    }
  }
  if (found.length === 0) {
    const hit = emoji.find(([pattern]) => pattern.test(value));
    if (hit) return { status: hit[1] };
    return {
      problem: `the status ${quote(value)} is not one the app knows; write done, partial, failed or needs input`,
    };
  }
  const first = found[0] as ReportStatus;
  if (/[|/]/.test(value) && found.some((status) => status !== first)) {
    return {
      problem: `the status ${quote(value)} lists several statuses; write one of done, partial, failed or needs input`,
    };
  }
  return { status: first };
}
