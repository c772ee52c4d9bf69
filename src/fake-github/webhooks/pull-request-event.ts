// `pull_request.*` deliveries about a world pull request: head (the task branch and its sha), base, state,
// merged, title, body and author, on GitHub's documented `opened` example so no required field is missed.

import type { RepoWorld, WorldPull, WorldUser } from "../repo-world.js";
import { examplePayload } from "../webhook-examples.js";
import { authorAssociation, ownerObject, userObject } from "./webhook-actors.js";
import {
  branchSha,
  createdAt,
  type DeliveryOptions,
  delivery,
  installation,
  nodeId,
  repoApi,
  updatedAt,
  type WebhookDelivery,
  web,
} from "./webhook-common.js";
import { repositoryObject } from "./webhook-repository.js";

export type PullRequestAction = "opened" | "edited" | "synchronize" | "reopened" | "closed";

export interface PullRequestExtra {
  /** `synchronize`: the head before the push (a sha derived from the branch by default) and after it (the
   *  pull's head). */
  before?: string;
  after?: string;
  /** `edited`: what changed, e.g. `{ title: { from: "old" } }`; a body change by default. */
  changes?: object;
}

export function pullRequestObject(world: RepoWorld, pull: WorldPull, sender: WorldUser) {
  const { pull_request: example } = examplePayload("pull_request", "opened");
  const api = `${repoApi(world)}/pulls/${pull.number}`;
  const issueApi = `${repoApi(world)}/issues/${pull.number}`;
  const html = `${web}/${world.fullName}/pull/${pull.number}`;
  const statuses = `${repoApi(world)}/statuses/${pull.headSha}`;
  const repository = repositoryObject(world);
  const links = {
    self: api,
    html,
    issue: issueApi,
    comments: `${issueApi}/comments`,
    review_comments: `${api}/comments`,
    review_comment: `${repoApi(world)}/pulls/comments{/number}`,
    commits: `${api}/commits`,
    statuses,
  };
  return {
    ...example,
    url: api,
    id: pull.id,
    node_id: nodeId("PullRequest", pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userObject(world, pull.author),
    body: pull.body,
    created_at: createdAt,
    updated_at: updatedAt,
    closed_at: pull.state === "closed" ? updatedAt : null,
    merged_at: pull.merged ? updatedAt : null,
    merge_commit_sha: pull.merged ? world.sha(`merge:${pull.number}:${pull.headSha}`) : null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    milestone: null,
    commits_url: links.commits,
    review_comments_url: links.review_comments,
    review_comment_url: links.review_comment,
    comments_url: links.comments,
    statuses_url: statuses,
    head: {
      label: `${world.owner}:${pull.branch}`,
      ref: pull.branch,
      sha: pull.headSha,
      user: ownerObject(world),
      repo: repository,
    },
    base: {
      label: `${world.owner}:${pull.base}`,
      ref: pull.base,
      sha: branchSha(world, pull.base),
      user: ownerObject(world),
      repo: repository,
    },
    _links: Object.fromEntries(Object.entries(links).map(([name, href]) => [name, { href }])),
    author_association: authorAssociation(world, pull.author),
    auto_merge: null,
    active_lock_reason: null,
    draft: false,
    merged: pull.merged,
    // GitHub computes mergeability of open pull requests only.
    mergeable: pull.state === "open" ? pull.mergeableState !== "dirty" : null,
    rebaseable: pull.state === "open" ? pull.mergeableState !== "dirty" : null,
    mergeable_state: pull.mergeableState,
    // The world does not record who merged; the sender is who merges in a `closed` delivery.
    merged_by: pull.merged ? userObject(world, sender) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: pull.files.length,
    deletions: 0,
    changed_files: pull.files.length,
  };
}

/** A `pull_request.<action>` delivery about the pull request, sent by `sender`. */
export function pullRequestEvent(
  world: RepoWorld,
  pull: WorldPull,
  action: PullRequestAction,
  sender: WorldUser,
  extra: PullRequestExtra = {},
  options: DeliveryOptions = {},
): WebhookDelivery {
  const changes = extra.changes ?? (action === "edited" ? { body: { from: "(before)" } } : undefined);
  const pushed =
    action === "synchronize"
      ? { before: extra.before ?? world.sha(`before:${pull.branch}`), after: extra.after ?? pull.headSha }
      : {};
  return delivery(`pull_request.${action}`, {
    action,
    number: pull.number,
    ...(changes === undefined ? {} : { changes }),
    ...pushed,
    pull_request: pullRequestObject(world, pull, sender),
    repository: repositoryObject(world),
    sender: userObject(world, sender),
    installation: installation(options),
  });
}
