// The app's check runs on a pull request's head commit, brought up to date: `swarm/locks` on every pull request,
// and on a task's pull request `swarm/report` (was the report readable?) and one `swarm/<gate>` per CI gate its
// task names. One check run per (commit, name): an existing one of the app's is updated, never duplicated. A CI
// gate still pending after gateTimeoutMinutes ends as timed out. The CI gates' results are returned for the
// engine; metric gates come from the report and are posted by the engine's post-check effects.

import { heldLocks } from "../../engine/track/held-locks.js";
import type { ReportBlock } from "../../report/report-model.js";
import { isRepoError } from "../repo/errors.js";
import type { FoundCheckRun, PullDetail, RepoPort } from "../repo/repo-port.js";
import type { RepoSettings } from "../settings/settings-schema.js";
import type { AppDocument } from "../state/app-document.js";
import { unitLinksOf } from "../state/app-document.js";
import { reportFileOf } from "../tracks/report-event.js";
import { ciGate, isOwnCheck } from "./gate-check.js";
import { type CheckResult, lockCheck } from "./lock-check.js";

export interface GateResult {
  gate: string;
  passed: boolean;
  current: string;
}

export interface PullChecks {
  gates: GateResult[];
  /** Whether every check on the head (CI's and the app's) has passed: what auto-merge waits for. */
  allPassed: boolean;
  /** Whether it changes files another running task holds. */
  lockBlocked: boolean;
}

/** Files read of a pull request: GitHub lists at most 3,000. */
const maxFiles = 3000;
const maxRuns = 300;

export async function ensurePullChecks(
  repo: RepoPort,
  settings: RepoSettings,
  document: AppDocument,
  pull: PullDetail,
  task: { track: string; unit: string } | null,
  block: ReportBlock | null,
  now: number,
): Promise<PullChecks> {
  const files = await repo.listPullFiles(pull.number, maxFiles);
  const changed = [
    ...new Set(files.flatMap((file) => [file.path, ...(file.previousPath ? [file.previousPath] : [])])),
  ];
  const spec = task ? document.engine.tracks[task.track]?.units[task.unit] : undefined;
  const runs = await repo.listCheckRuns(pull.headSha, maxRuns);
  const post = (name: string, result: CheckResult | "pending", summary = "") =>
    ensureCheck(repo, runs, pull.headSha, name, task, result, summary);
  const locks = lockCheck({
    task: task && spec ? { ...task, spec, reportFile: reportFileOf(task.unit) } : null,
    changed,
    alwaysAllowed: settings.alwaysAllowed,
    held: heldLocks(document.engine),
    otherPullRequests: settings.otherPullRequests,
    linksOf: (track, unit) => unitLinksOf(document, track, unit),
  });
  await post("swarm/locks", locks);
  const results: CheckResult[] = [locks];
  const gates: GateResult[] = [];
  if (task && spec) {
    const report = reportCheck(block);
    await post("swarm/report", report);
    results.push(report);
    const branch = branchCheck(pull);
    await post("swarm/branch", branch);
    results.push(branch);
    for (const gate of spec.gates) {
      const evaluation = Object.entries(settings.gates).find(
        ([name]) => name.toLowerCase() === gate.toLowerCase(),
      )?.[1];
      if (!evaluation || evaluation.kind === "metric") continue;
      const outcome = ciGate(gate, evaluation, runs);
      const name = `swarm/${gate}`;
      if (outcome.status === "pending") {
        const mine = runs.find((run) => run.name === name && isOwnCheck(run));
        const since = mine?.startedAt ? Date.parse(mine.startedAt) : now;
        if (now - since > settings.gateTimeoutMinutes * 60_000) {
          const ended: CheckResult = {
            conclusion: "timed_out",
            title: `${gate} timed out`,
            summary: `${outcome.summary} It waited more than ${settings.gateTimeoutMinutes} minutes (gateTimeoutMinutes).`,
            annotations: [],
          };
          await post(name, ended);
          gates.push({ gate, passed: false, current: "timed out" });
          results.push(ended);
        } else {
          await post(name, "pending", outcome.summary);
          results.push({ conclusion: "action_required", title: "", summary: "", annotations: [] });
        }
        continue;
      }
      const result: CheckResult = {
        conclusion: outcome.status,
        title: outcome.status === "success" ? `${gate} passes` : `${gate} fails`,
        summary: outcome.summary,
        annotations: [],
      };
      await post(name, result);
      results.push(result);
      gates.push({ gate, passed: outcome.status === "success", current: outcome.current });
    }
  }
  const others = runs.filter((run) => !isOwnCheck(run));
  const allPassed =
    results.every((result) => result.conclusion === "success" || result.conclusion === "neutral") &&
    others.every(
      (run) => run.status === "completed" && ["success", "neutral", "skipped"].includes(run.conclusion ?? ""),
    );
  return { gates, allPassed, lockBlocked: locks.lockedFiles > 0 };
}

/** Whether the task's branch can merge: behind is fixed by the app (update-branch), conflicts need a person. */
function branchCheck(pull: PullDetail): CheckResult {
  if (pull.mergeableState === "dirty")
    return {
      conclusion: "failure",
      title: "Conflicts with the base branch",
      summary: `The branch conflicts with \`${pull.baseRef}\`. Resolve the conflicts on the task branch (a retry of the task also continues there).`,
      annotations: [],
    };
  if (pull.mergeableState === "behind")
    return {
      conclusion: "neutral",
      title: "Behind the base branch",
      summary: `The branch is behind \`${pull.baseRef}\`; the app brings it up to date, and the checks run again on the new head.`,
      annotations: [],
    };
  return {
    conclusion: "success",
    title: "Up to date with the base branch",
    summary: `Nothing stops a merge into \`${pull.baseRef}\` on the branch's side.`,
    annotations: [],
  };
}

function reportCheck(block: ReportBlock | null): CheckResult {
  if (block === null) {
    return {
      conclusion: "failure",
      title: "No readable report",
      summary:
        "The pull request's body holds no report block the Action wrote (or someone else edited it). Nothing is spawned from it; the next attempt's report will be read.",
      annotations: [],
    };
  }
  const rejected = block.outcome === "completed" && block.status === "failed" && block.problems.length > 0;
  const problems = block.problems
    .slice(0, 50)
    .map((problem) => `- ${problem.replace(/[\r\n]+/g, " ").slice(0, 400)}`);
  if (rejected) {
    return {
      conclusion: "failure",
      title: "The agent's report was rejected",
      summary: ["Nothing is spawned from it. Why:", "", ...problems].join("\n"),
      annotations: [],
    };
  }
  // A report that does not say the work is done keeps the pull request from merging (auto-merge included):
  // the task is not finished, whatever CI says. A person can still merge it by hand; the task then counts as done.
  const questions = block.escalations.map((escalation) =>
    `- ${escalation.id}: ${escalation.title}`.slice(0, 200),
  );
  if (block.status === "needs-input" || (block.status === "done" && questions.length > 0)) {
    return {
      conclusion: "failure",
      title: `Attempt ${block.attempt} waits for a person`,
      summary: [
        "The agent asks before it goes on; answer with `/answer …` on the task issue and the next attempt continues on this branch.",
        "",
        ...questions.slice(0, 20),
      ].join("\n"),
      annotations: [],
    };
  }
  if (block.status !== "done") {
    return {
      conclusion: "failure",
      title: `Attempt ${block.attempt} did not finish: ${block.status}`,
      summary:
        "The agent stopped before the task was done; the next attempt continues on this branch, and its report is read then.",
      annotations: [],
    };
  }
  return {
    conclusion: "success",
    title: `Report of attempt ${block.attempt}: ${block.status}`,
    summary:
      problems.length > 0
        ? ["The report was read; some parts were not:", "", ...problems].join("\n")
        : "The report was read whole.",
    annotations: [],
  };
}

async function ensureCheck(
  repo: RepoPort,
  runs: readonly FoundCheckRun[],
  headSha: string,
  name: string,
  task: { track: string; unit: string } | null,
  result: CheckResult | "pending",
  pendingSummary: string,
): Promise<void> {
  const input =
    result === "pending"
      ? { name, status: "in_progress" as const, title: "Waiting for CI", summary: pendingSummary }
      : {
          name,
          status: "completed" as const,
          conclusion: result.conclusion,
          title: result.title,
          summary: result.summary,
          annotations: result.annotations,
        };
  const externalId = task ? `${task.track}/${task.unit}/${name}` : name;
  const mine = runs.filter((run) => run.name === name).sort((a, b) => b.id - a.id)[0];
  // A run of that name made by another app cannot be updated by this one: then this app makes its own.
  const updated = mine
    ? await repo.updateCheckRun(mine.id, { ...input, externalId }).catch(notOurs)
    : "missing";
  if (updated === "updated") return;
  await repo.createCheckRun({ ...input, headSha, externalId });
}

function notOurs(error: unknown): "missing" {
  if (isRepoError(error, "forbidden")) return "missing";
  throw error;
}
