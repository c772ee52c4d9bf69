// `workflow_run.*` deliveries about a world run: the agent workflow dispatched on a task branch, as GitHub
// reports it when the run is requested, starts and ends. Built on GitHub's documented `requested` example.

import { appBot, type RepoWorld, type WorldRun, type WorldUser } from "../repo-world.js";
import { runUrl } from "../repo-world-json.js";
import { examplePayload } from "../webhook-examples.js";
import { userObject } from "./webhook-actors.js";
import {
  branchSha,
  createdAt,
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
import { repositoryLite, repositoryObject } from "./webhook-repository.js";

export type WorkflowRunAction = "requested" | "in_progress" | "completed";

export interface WorkflowRunOptions extends DeliveryOptions {
  /** Who dispatched the run: the app, by default (it triggers the agent workflow). */
  sender?: WorldUser;
}

/** The name the agent workflow file gives itself. */
export const agentWorkflowName = "swarm-agent";

function workflowObject(world: RepoWorld, file: string) {
  const id = stableId(`workflow:${world.fullName}:${file}`);
  return {
    id,
    node_id: nodeId("Workflow", id),
    name: agentWorkflowName,
    path: `.github/workflows/${file}`,
    state: "active",
    created_at: createdAt,
    updated_at: createdAt,
    url: `${repoApi(world)}/actions/workflows/${id}`,
    html_url: `${web}/${world.fullName}/blob/main/.github/workflows/${file}`,
    badge_url: `${web}/${world.fullName}/workflows/${agentWorkflowName}/badge.svg`,
  };
}

/** The delivery for a run the world holds, in the run's present status and conclusion. */
export function workflowRunEvent(
  world: RepoWorld,
  run: WorldRun,
  action: WorkflowRunAction,
  options: WorkflowRunOptions = {},
): WebhookDelivery {
  const { workflow_run: example } = examplePayload("workflow_run", "requested");
  const workflow = workflowObject(world, run.workflow);
  const api = `${repoApi(world)}/actions/runs/${run.id}`;
  const sha = branchSha(world, run.branch);
  const suite = stableId(`suite:${sha}:${run.id}`);
  const actor = userObject(world, options.sender ?? appBot);
  // GitHub lists the open pull requests whose head is the run's branch.
  const pulls = [...world.pulls.values()].filter(
    (pull) => pull.state === "open" && pull.branch === run.branch,
  );
  return delivery(`workflow_run.${action}`, {
    action,
    workflow,
    workflow_run: {
      ...example,
      id: run.id,
      node_id: nodeId("WorkflowRun", run.id),
      name: agentWorkflowName,
      display_title: run.title,
      path: workflow.path,
      head_branch: run.branch,
      head_sha: sha,
      head_commit: headCommit(world, sha, run.title),
      event: "workflow_dispatch",
      status: run.status,
      conclusion: run.conclusion,
      run_number: world.runs.indexOf(run) + 1 || 1,
      run_attempt: 1,
      run_started_at: createdAt,
      previous_attempt_url: null,
      created_at: createdAt,
      updated_at: updatedAt,
      workflow_id: workflow.id,
      workflow_url: workflow.url,
      check_suite_id: suite,
      check_suite_node_id: nodeId("CheckSuite", suite),
      check_suite_url: `${repoApi(world)}/check-suites/${suite}`,
      url: api,
      html_url: runUrl(world, run.id),
      jobs_url: `${api}/jobs`,
      logs_url: `${api}/logs`,
      artifacts_url: `${api}/artifacts`,
      cancel_url: `${api}/cancel`,
      rerun_url: `${api}/rerun`,
      pull_requests: pulls.map((pull) => pullRef(world, pull)),
      referenced_workflows: [],
      actor,
      triggering_actor: actor,
      repository: repositoryLite(world),
      head_repository: repositoryLite(world),
    },
    repository: repositoryObject(world),
    sender: actor,
    installation: installation(options),
  });
}
