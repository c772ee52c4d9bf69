// A CI gate (Gate-O by default) on a task's pull request: it passes when the pull request's CI has passed on
// its head commit, as the gates setting says: the named check runs, or every check run but the app's own. Until
// they have all finished it is pending; after gateTimeoutMinutes pending it ends as timed out, never in
// progress forever.

import type { FoundCheckRun } from "../repo/repo-port.js";
import type { GateEvaluation } from "../settings/settings-schema.js";

export type GateOutcome =
  | { status: "pending"; summary: string }
  | { status: "success" | "failure"; summary: string; current: string };

const passed = new Set(["success", "neutral", "skipped"]);

/** The app's own check runs are named `swarm/…`; they are never the CI a gate waits for. */
export function isOwnCheck(run: Pick<FoundCheckRun, "name">): boolean {
  return run.name.startsWith("swarm/");
}

export function ciGate(
  gate: string,
  evaluation: Exclude<GateEvaluation, { kind: "metric" }>,
  runs: readonly FoundCheckRun[],
): GateOutcome {
  // Re-runs leave older runs of the same name behind: the newest of each name counts.
  const latest = new Map<string, FoundCheckRun>();
  for (const run of runs) {
    if (isOwnCheck(run)) continue;
    const seen = latest.get(run.name);
    if (!seen || run.id > seen.id) latest.set(run.name, run);
  }
  const wanted =
    evaluation.kind === "checks"
      ? evaluation.checks.map((name) => ({ name, run: latest.get(name) ?? null }))
      : [...latest.values()].map((run) => ({ name: run.name, run }));
  if (wanted.length === 0)
    return { status: "pending", summary: `${gate} waits for the pull request's CI to start.` };
  const failed = wanted.filter(({ run }) => run?.status === "completed" && !passed.has(run.conclusion ?? ""));
  if (failed.length > 0) {
    const names = failed.map(({ name, run }) => `${name} (${run?.conclusion ?? "failed"})`);
    return {
      status: "failure",
      current: `${failed.length} failing`,
      summary: `${gate} fails: ${names.join(", ")}.`,
    };
  }
  const waiting = wanted.filter(({ run }) => run === null || run.status !== "completed");
  if (waiting.length > 0) {
    return { status: "pending", summary: `${gate} waits for ${waiting.map(({ name }) => name).join(", ")}.` };
  }
  return {
    status: "success",
    current: "pass",
    summary: `${gate} passes: ${wanted.map(({ name }) => name).join(", ")} passed on this commit.`,
  };
}
