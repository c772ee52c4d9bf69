// Task pull requests in a test world: what the Action would open on a task branch (its report block, the files
// it changed), and the deliveries GitHub sends about pull requests and CI, from the documented examples.

import {
  appBot,
  type RepoWorld,
  type WorldPull,
  type WorldUser,
} from "../../../src/fake-github/repo-world.js";
import { adaptPayload, examplePayload } from "../../../src/fake-github/webhook-examples.js";
import { renderReportBlock } from "../../../src/report/report-block.js";
import type { ReportBlock } from "../../../src/report/report-model.js";
import { installationId } from "./app-world.js";

export function reportBlock(
  overrides: Partial<ReportBlock> & Pick<ReportBlock, "track" | "task">,
): ReportBlock {
  return {
    version: 1,
    attempt: 1,
    outcome: "completed",
    status: "done",
    changedFiles: [],
    scopeViolations: [],
    tasksDone: [],
    spawnCandidates: [],
    escalations: [],
    costUsd: 3,
    metrics: {},
    handoff: "",
    problems: [],
    ...overrides,
  };
}

/** The Action's pull request for a task attempt: its body ends with the block, its files are the block's. */
export function openTaskPull(
  world: RepoWorld,
  branch: string,
  block: ReportBlock,
  extraFiles: string[] = [],
): WorldPull {
  return world.openPull({
    branch,
    title: `${block.task}: the task`,
    body: `Report of ${block.task}.\n\n${renderReportBlock(block)}\n`,
    files: [...block.changedFiles, ...extraFiles, `reports/${block.task}.md`].map((path) => ({
      path,
      status: "modified",
    })),
  });
}

export function pullPayload(
  world: RepoWorld,
  pull: WorldPull,
  action: "opened" | "edited" | "synchronize" | "reopened" | "closed",
  sender: WorldUser = appBot,
): object {
  const example = examplePayload(
    "pull_request",
    action === "edited" || action === "synchronize" ? "opened" : action,
  );
  const payload = adaptPayload(example, {
    installationId,
    owner: world.owner,
    repo: world.repo,
    author: sender,
  }) as Record<string, unknown>;
  payload.action = action;
  payload.number = pull.number;
  Object.assign(payload.pull_request as object, {
    number: pull.number,
    state: pull.state,
    merged: pull.merged,
  });
  return payload;
}

/** A check suite of CI completing on a pull request's head. */
export function checkSuitePayload(world: RepoWorld, pull: WorldPull): object {
  const payload = adaptPayload(examplePayload("check_suite", "completed"), {
    installationId,
    owner: world.owner,
    repo: world.repo,
  }) as Record<string, unknown>;
  Object.assign(payload.check_suite as object, {
    head_sha: pull.headSha,
    pull_requests: [{ number: pull.number, head: { ref: pull.branch, sha: pull.headSha } }],
  });
  return payload;
}

/** A person asking to run one of the app's checks again. */
export function rerequestedPayload(world: RepoWorld, pull: WorldPull, name: string): object {
  const payload = adaptPayload(examplePayload("check_run", "rerequested"), {
    installationId,
    owner: world.owner,
    repo: world.repo,
  }) as Record<string, unknown>;
  Object.assign(payload.check_run as object, {
    name,
    head_sha: pull.headSha,
    pull_requests: [{ number: pull.number }],
  });
  return payload;
}
