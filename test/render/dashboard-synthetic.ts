// A large track built by hand for size and hostile-text tests: no planner, so thousands of units cost milliseconds.

import type { TrackState, UnitRun } from "../../src/engine/track/state.js";
import { makeTask } from "../support/sample-analysis.js";
import { hour, t0, trackOf } from "./dashboard-fixture.js";

const statuses: UnitRun["status"][] = [
  "done",
  "running",
  "review",
  "blocked",
  "ready",
  "needs-input",
  "failed",
  "cancelled",
  "dispatched",
];

/**
 * A track of `count` units built by hand (no planner: fast at thousands of units), statuses cycling through every
 * one, each unit's texts from `text(k)`: ids, titles, touches, reasons, questions, gate names.
 */
export function syntheticTrack(count: number, text: (k: number) => string): TrackState {
  const track = trackOf([makeTask({ id: "seed" })], { gates: true });
  track.units = {};
  track.runs = {};
  track.priority = [];
  track.status = "active";
  // The plan schema caps ids at 100 characters (and a Map keyed by 65k-character strings that share a length
  // degrades to comparing them all: V8 hashes such long strings by length alone).
  const id = (k: number) => `${text(k).slice(0, 90)}#${k}`;
  for (let k = 0; k < count; k++) {
    const status = statuses[k % statuses.length] ?? "ready";
    const inFlight = status === "running" || status === "dispatched" || status === "review";
    track.units[id(k)] = {
      id: id(k),
      title: text(k + 1),
      taskIds: [id(k)],
      deps: k > 0 ? [id(k - 1)] : [],
      touches: [text(k + 2), `src/${text(k + 3)}`],
      concurrency: "write-local",
      needsPerson: false,
      taskHours: [1 + (k % 3)],
      taskCostUsd: [5],
      role: null,
      model: "sonnet",
      autoSpawn: "none",
      gates: [],
      origin: { kind: "plan" },
      order: k,
    };
    track.runs[id(k)] = {
      status,
      attempt: status === "ready" || status === "blocked" ? 0 : 1 + (k % 2),
      failures: 0,
      retryAt: null,
      blockedBy: status === "blocked" && k > 0 ? [id(k - 1)] : [],
      reason: text(k + 4),
      doneTasks: [],
      lock: inFlight ? { touches: [text(k + 2), `src/${text(k + 5)}`], concurrency: "write-local" } : null,
      reservedUsd: inFlight ? 5 : 0,
      spentUsd: status === "done" ? 5 : 0,
      pr: null,
      released: false,
      requested: false,
      questions: status === "needs-input" ? [{ id: `q${k}`, text: text(k + 6), from: "agent" }] : [],
      answers: [],
      dispatchedAt: status === "blocked" || status === "ready" ? null : t0 + k * 60_000,
      finishedAt: status === "done" || status === "failed" ? t0 + k * 60_000 + hour : null,
    };
    track.priority.push(id(k));
  }
  track.gates = track.gates.map((gate, k) => ({
    ...gate,
    name: text(k + 7) || gate.name,
    current: text(k + 8),
  }));
  track.title = text(9);
  return track;
}
