// One attempt of a task, start to end: read the task issue, write the brief, run the agent under its time limit
// with checkpoints, read its report, measure what changed from git and check it against the touches, commit and
// push everything (the raw report too, as reports/<task>.md), and open or update the task's pull request. Every
// path ends in a push and a pull request, so whatever the agent did is saved and visible, whether it finished,
// failed, ran out of time or wrote nonsense.

import { mkdir, open, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { scopeViolations } from "../engine/scope-violations.js";
import { branchOf, branchPart } from "../engine/track/branch-name.js";
import { taskIssueTitle } from "../render/task-issue.js";
import { parseReport } from "../report/index.js";
import type { ReportBlock, RunOutcome } from "../report/report-model.js";
import {
  type ActionOctokit,
  defaultBranch,
  ensurePullRequest,
  findTaskIssue,
  type Repository,
} from "./action-github.js";
import type { ActionInputs } from "./action-inputs.js";
import { agentCost } from "./agent-cost.js";
import { startCheckpoints } from "./checkpoints.js";
import type { GitRepo } from "./git-repo.js";
import { pullRequestBody } from "./pull-request-body.js";
import { renderBrief } from "./render-brief.js";
import { runAgent } from "./run-agent.js";
import { timeLimitMinutes } from "./time-limit.js";

export interface AttemptContext {
  inputs: ActionInputs;
  /** An Octokit with a token valid for a while yet (asked again after the agent ran: it may have been hours). */
  octokit: () => Promise<ActionOctokit>;
  repository: Repository;
  git: GitRepo;
  /** A folder outside the repository for the brief and (by default) the report. */
  tempDir: string;
  /** The environment the agent gets: no token of any kind. */
  agentEnv: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export interface AttemptResult {
  pullRequest: number;
  status: ReportBlock["status"] | "timed-out";
  costUsd: number | null;
  scopeViolations: string[];
  /** Why the agent's report was rejected or partly unreadable. */
  problems: string[];
  /** Why the run should fail, or null when it went well. */
  failure: string | null;
}

/** Bigger reports are not read: a report is a few pages, not a log. */
export const maxReportBytes = 1024 * 1024;

export async function runAttempt(context: AttemptContext): Promise<AttemptResult> {
  const { inputs, git, repository } = context;
  const issue = await findTaskIssue(
    await context.octokit(),
    repository,
    inputs.labelPrefix,
    inputs.track,
    inputs.task,
  );
  if (typeof issue === "string") throw new Error(issue);
  const { spec } = issue;
  const branch = branchOf(inputs.track, inputs.task);
  const timeoutMinutes = inputs.timeoutMinutes ?? timeLimitMinutes(spec.taskHours);
  const reportPath = inputs.reportPath ?? join(context.tempDir, `swarm-report-${branchPart(inputs.task)}.md`);
  const briefPath = join(context.tempDir, `swarm-brief-${branchPart(inputs.task)}.md`);
  const reportFile = `reports/${branchPart(inputs.task)}.md`;
  const brief = renderBrief({
    track: inputs.track,
    attempt: inputs.attempt,
    spec,
    issue: issue.number,
    issueBody: issue.body,
    alwaysAllowed: inputs.alwaysAllowed,
    timeoutMinutes,
  });
  await writeFile(briefPath, brief);
  const start = await git.head();
  const message = (what: string) => `${inputs.task}: ${what} (attempt ${inputs.attempt})`;
  const checkpoints = startCheckpoints(
    git,
    branch,
    inputs.checkpointMinutes,
    () => message("checkpoint"),
    context.log,
  );

  context.log(`Running the agent for ${inputs.task}, at most ${timeoutMinutes} minutes.`);
  const run = await runAgent({
    command: inputs.agentCommand,
    cwd: git.dir,
    timeoutMs: timeoutMinutes * 60_000,
    env: {
      ...context.agentEnv,
      SWARM_BRIEF: briefPath,
      SWARM_REPORT: reportPath,
      SWARM_TASK: inputs.task,
      SWARM_ROLE: spec.role ?? "",
      SWARM_MODEL: spec.model,
      ...(inputs.maxCostUsd === null ? {} : { SWARM_MAX_COST_USD: String(inputs.maxCostUsd) }),
    },
    echo: (chunk) => process.stdout.write(chunk),
  });
  await checkpoints.stop();
  const outcome: RunOutcome = run.timedOut ? "timed-out" : run.exitCode === 0 ? "completed" : "failed";

  const raw = await readReport(reportPath);
  const read =
    raw === null
      ? { report: null, problems: [`the agent wrote no report at $SWARM_REPORT`] }
      : parseReport(raw);
  const changed = (await git.changedSince(start)).filter((file) => file !== reportFile);
  const violations = scopeViolations(spec, changed, inputs.alwaysAllowed, [reportFile]);
  await mkdir(join(git.dir, "reports"), { recursive: true });
  await writeFile(join(git.dir, reportFile), raw ?? "The agent wrote no report.\n");
  await git.commitAll(
    message(
      outcome === "completed"
        ? "work"
        : `work saved after the agent ${outcome === "failed" ? "failed" : "timed out"}`,
    ),
  );
  await git.push(branch);

  const report = read.report;
  const block: ReportBlock = {
    version: 1,
    track: inputs.track,
    task: inputs.task,
    attempt: inputs.attempt,
    outcome,
    status: outcome !== "completed" || report === null ? "failed" : report.status,
    changedFiles: changed,
    scopeViolations: violations,
    tasksDone: report?.tasksDone ?? [],
    spawnCandidates: report?.spawnCandidates ?? [],
    escalations: report?.escalations ?? [],
    costUsd: agentCost(report?.costUsd ?? null, run.stdoutTail),
    metrics: report?.metrics ?? {},
    handoff: report?.handoff ?? "",
    problems: read.problems,
  };
  const octokit = await context.octokit();
  const base = inputs.baseBranch ?? (await defaultBranch(octokit, repository));
  const pull = await ensurePullRequest(octokit, repository, {
    branch,
    base,
    title: taskIssueTitle(spec),
    body: pullRequestBody({ block, report, issue: issue.number, reportFile, timeoutMinutes, saved: changed }),
  });
  context.log(`${pull.created ? "Opened" : "Updated"} pull request #${pull.number}.`);
  return {
    pullRequest: pull.number,
    status: outcome === "timed-out" ? "timed-out" : block.status,
    costUsd: block.costUsd,
    scopeViolations: violations,
    problems: block.problems,
    failure: failureOf(block, inputs.failOnScopeViolation),
  };
}

/** The report as written, at most one byte past the cap (so an oversized one is still refused as too big). */
async function readReport(path: string): Promise<string | null> {
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(path, "r");
    const buffer = Buffer.alloc(maxReportBytes + 1);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } catch {
    return null;
  } finally {
    await file?.close();
  }
}

function failureOf(block: ReportBlock, failOnScope: boolean): string | null {
  if (block.outcome === "timed-out")
    return `${block.task} ran out of time; its work so far is saved on its branch`;
  if (block.outcome === "failed")
    return `the agent for ${block.task} failed; its work so far is saved on its branch`;
  if (failOnScope && block.scopeViolations.length > 0)
    return `${block.task} changed files outside its touches: ${block.scopeViolations.slice(0, 20).join(", ")}`;
  return null;
}
