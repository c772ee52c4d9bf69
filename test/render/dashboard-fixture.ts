// Track states for dashboard tests: a plan turned into a track by the engine's own applyPlan, then runs set by
// hand to a mid-track picture (done, running, in review, blocked, failed, waiting for an answer, retrying).

import { applyPlan } from "../../src/engine/track/plan-track.js";
import { emptyState, type TrackState, type UnitRun } from "../../src/engine/track/state.js";
import type { Task } from "../../src/plan/model.js";
import type { DashboardInput, UnitLinks } from "../../src/render/dashboard.js";
import { makeGate, makePlan, makeTask } from "../support/sample-analysis.js";

export const hour = 3_600_000;
/** 2025-03-04 09:00 UTC: the first dispatch of the sample track. */
export const t0 = Date.UTC(2025, 2, 4, 9, 0);

export function trackOf(
  tasks: Task[],
  options: { budgetUsd?: number | null; gates?: boolean } = {},
): TrackState {
  const gates = options.gates
    ? [
        makeGate({ name: "Gate-O", target: "tests pass" }),
        makeGate({ name: "Gate-I", target: "≥0.75" }),
        makeGate({ name: "Gate-S", target: "N/A", skip: true }),
      ]
    : [];
  const plan = makePlan(
    tasks,
    { title: "Login revamp", budgetUsd: options.budgetUsd ?? 100, maxParallel: 3 },
    gates,
  );
  const state = emptyState();
  applyPlan(state, "12", plan, []);
  return state.tracks["12"] as TrackState;
}

export function setRun(track: TrackState, id: string, run: Partial<UnitRun>): void {
  const current = track.runs[id];
  if (!current) throw new Error(`no unit ${id}`);
  track.runs[id] = { ...current, ...run };
}

export function sampleTrack(): TrackState {
  const track = trackOf(
    [
      makeTask({ id: "T01", title: "Schema for sessions", touches: ["db/schema.sql"] }),
      makeTask({ id: "T02", title: "Session store", deps: ["T01"], touches: ["src/session/"] }),
      makeTask({ id: "T03", title: "Login form", deps: ["T02"], touches: ["src/ui/login.tsx"] }),
      makeTask({
        id: "T04",
        title: "Login API",
        deps: ["T02"],
        touches: ["src/api/login.ts"],
        effort: { size: "L", hours: 4 },
      }),
      makeTask({ id: "T05", title: "Wire form to API", deps: ["T03", "T04"], touches: ["src/ui/"] }),
      makeTask({ id: "T06", title: "Pick the captcha vendor", mode: "foreground", concurrency: "read-only" }),
      makeTask({ id: "T07", title: "Rate limiter", touches: ["src/api/limit.ts"] }),
      makeTask({ id: "T08", title: "Limiter metrics", deps: ["T07"], touches: ["src/metrics/"] }),
      makeTask({ id: "T09", title: "Docs", touches: ["docs/login.md"] }),
    ],
    { gates: true },
  );
  track.status = "active";
  const lock = (touches: string[]) => ({ touches, concurrency: "write-local" as const });
  setRun(track, "T01", {
    status: "done",
    attempt: 1,
    spentUsd: 10,
    dispatchedAt: t0,
    finishedAt: t0 + 2 * hour,
    pr: 21,
  });
  setRun(track, "T02", {
    status: "done",
    attempt: 1,
    spentUsd: 14,
    dispatchedAt: t0 + 2 * hour,
    finishedAt: t0 + 4 * hour,
    pr: 22,
  });
  setRun(track, "T03", {
    status: "running",
    attempt: 1,
    reservedUsd: 12,
    lock: lock(["src/ui/login.tsx"]),
    dispatchedAt: t0 + 4 * hour,
  });
  setRun(track, "T04", {
    status: "review",
    attempt: 2,
    spentUsd: 20,
    lock: lock(["src/api/login.ts"]),
    dispatchedAt: t0 + 5 * hour,
    finishedAt: t0 + 6 * hour,
    pr: 24,
  });
  setRun(track, "T05", {
    status: "blocked",
    blockedBy: ["T03", "T04"],
    reason: "waits for T03, T04 to be merged",
  });
  setRun(track, "T06", {
    status: "needs-input",
    reason: "waits for a person: /answer T06 … or /dispatch T06",
    questions: [{ id: "T06-plan", text: "Which captcha vendor, @alice?", from: "plan" }],
  });
  setRun(track, "T07", {
    status: "failed",
    attempt: 3,
    failures: 3,
    spentUsd: 8,
    reason: "the agent timed out",
    dispatchedAt: t0 + 1 * hour,
    finishedAt: t0 + 3 * hour,
  });
  setRun(track, "T08", { status: "blocked", blockedBy: ["T07"], reason: "held back: T07 failed" });
  setRun(track, "T09", { status: "ready", retryAt: null });
  track.gates = track.gates.map((gate) =>
    gate.name === "Gate-I" ? { ...gate, status: "fail", current: "0.61", fixes: 1 } : gate,
  );
  track.spawned = 2;
  return track;
}

export function sampleLinks(): Record<string, UnitLinks> {
  const links: Record<string, UnitLinks> = {};
  ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"].forEach((id, index) => {
    links[id] = { issue: 30 + index, pr: null, runUrl: null };
  });
  (links.T03 as UnitLinks).runUrl = "https://github.com/acme/shop/actions/runs/9001";
  (links.T04 as UnitLinks).runUrl = "https://github.com/acme/shop/actions/runs/9002/attempts/2";
  return links;
}

export function sampleInput(overrides: Partial<DashboardInput> = {}): DashboardInput {
  return {
    track: sampleTrack(),
    links: sampleLinks(),
    repository: "acme/shop",
    now: t0 + 7 * hour + 12 * 60_000,
    batches: [
      { at: t0, units: ["T01"] },
      { at: t0 + 2 * hour, units: ["T02", "T07"] },
      { at: t0 + 4 * hour, units: ["T03", "T04"] },
    ],
    ...overrides,
  };
}
