// `check_run.*` and `check_suite.*` deliveries: a world check run (the app's or CI's) created, completed or
// re-requested by a person, and CI's check suite on a head commit, with the open pull requests it concerns.

import { appBot, type RepoWorld, type WorldCheckRun, type WorldPull, type WorldUser } from "../repo-world.js";
import { examplePayload } from "../webhook-examples.js";
import { appObject, ciBot, userObject } from "./webhook-actors.js";
import {
  type DeliveryOptions,
  delivery,
  headCommit,
  installation,
  nodeId,
  repoApi,
  stableId,
  updatedAt,
  type WebhookDelivery,
  web,
} from "./webhook-common.js";
import { pullRef } from "./webhook-pull-ref.js";
import { repositoryObject } from "./webhook-repository.js";

export type CheckRunAction = "created" | "completed" | "rerequested";
export type CheckSuiteAction = "completed" | "requested";

export interface CheckOptions extends DeliveryOptions {
  /** Who acted: by default the bot of the check's app, and for `rerequested` the person who clicked re-run. */
  sender?: WorldUser;
}

export interface CheckSuiteInput {
  headSha: string;
  headBranch: string;
  conclusion: string | null;
  pulls: WorldPull[];
}

const person: WorldUser = { login: "mona", type: "User" };

function suiteId(headSha: string): number {
  return stableId(`suite:${headSha}`);
}

/** GitHub's check suite conclusions are the check run ones without "skipped" (a skipped run counts neutral). */
function suiteConclusion(conclusion: string | null): string | null {
  return conclusion === "skipped" ? "neutral" : conclusion;
}

/** One minute after the start, in GitHub's second-precision form. */
function completedAt(startedAt: string): string {
  const started = Date.parse(startedAt);
  return Number.isNaN(started)
    ? updatedAt
    : new Date(started + 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function checkRunObject(world: RepoWorld, check: WorldCheckRun) {
  const { check_run: example } = examplePayload("check_run", "completed");
  const api = `${repoApi(world)}/check-runs/${check.id}`;
  const pulls = [...world.pulls.values()].filter(
    (pull) => pull.state === "open" && pull.headSha === check.headSha,
  );
  const branch = pulls[0]?.branch ?? null;
  const done = check.status === "completed";
  const suite = suiteId(check.headSha);
  return {
    ...example,
    id: check.id,
    node_id: nodeId("CheckRun", check.id),
    name: check.name,
    head_sha: check.headSha,
    // The schema wants a string; GitHub sends "" for a run created without an external id.
    external_id: check.externalId ?? "",
    url: api,
    html_url: `${web}/${world.fullName}/runs/${check.id}`,
    details_url: `${web}/${world.fullName}/runs/${check.id}`,
    status: check.status,
    conclusion: check.conclusion,
    started_at: check.startedAt,
    completed_at: done ? completedAt(check.startedAt) : null,
    output: {
      title: check.title,
      summary: check.summary,
      text: null,
      annotations_count: check.annotations.length,
      annotations_url: `${api}/annotations`,
    },
    check_suite: {
      id: suite,
      node_id: nodeId("CheckSuite", suite),
      head_branch: branch,
      head_sha: check.headSha,
      status: done ? "completed" : check.status === "queued" ? "queued" : "in_progress",
      conclusion: done ? suiteConclusion(check.conclusion) : null,
      url: `${repoApi(world)}/check-suites/${suite}`,
      before: branch === null ? null : world.sha(`before:${branch}`),
      after: check.headSha,
      pull_requests: pulls.map((pull) => pullRef(world, pull)),
      app: appObject(world, check.app),
      created_at: check.startedAt,
      updated_at: done ? completedAt(check.startedAt) : check.startedAt,
    },
    app: appObject(world, check.app),
    pull_requests: pulls.map((pull) => pullRef(world, pull)),
  };
}

/** A `check_run.<action>` delivery about a check run the world holds, in its present state. */
export function checkRunEvent(
  world: RepoWorld,
  check: WorldCheckRun,
  action: CheckRunAction,
  options: CheckOptions = {},
): WebhookDelivery {
  const sender =
    options.sender ?? (action === "rerequested" ? person : check.app === "swarm" ? appBot : ciBot);
  return delivery(`check_run.${action}`, {
    action,
    check_run: checkRunObject(world, check),
    repository: repositoryObject(world),
    sender: userObject(world, sender),
    installation: installation(options),
  });
}

/** A `check_suite.<action>` delivery: CI's suite on a head commit was requested (by a push) or completed. A
 *  requested suite has no conclusion yet, whatever `input.conclusion` says. */
export function checkSuiteEvent(
  world: RepoWorld,
  input: CheckSuiteInput,
  action: CheckSuiteAction,
  options: CheckOptions = {},
): WebhookDelivery {
  const { check_suite: example } = examplePayload("check_suite", "completed");
  const id = suiteId(input.headSha);
  const url = `${repoApi(world)}/check-suites/${id}`;
  return delivery(`check_suite.${action}`, {
    action,
    check_suite: {
      ...example,
      id,
      node_id: nodeId("CheckSuite", id),
      head_branch: input.headBranch,
      head_sha: input.headSha,
      status: action === "completed" ? "completed" : "queued",
      conclusion: action === "completed" ? input.conclusion : null,
      url,
      before: world.sha(`before:${input.headBranch}`),
      after: input.headSha,
      pull_requests: input.pulls.map((pull) => pullRef(world, pull)),
      app: appObject(world, "ci"),
      created_at: updatedAt,
      updated_at: updatedAt,
      rerequestable: true,
      runs_rerequestable: true,
      latest_check_runs_count: world.checkRuns.filter((check) => check.headSha === input.headSha).length,
      check_runs_url: `${url}/check-runs`,
      head_commit: headCommit(world, input.headSha, `${input.headBranch}: the task's work`),
    },
    repository: repositoryObject(world),
    sender: userObject(world, options.sender ?? appBot),
    installation: installation(options),
  });
}
