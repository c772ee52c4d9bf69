// `issues.*` and `issue_comment.created` deliveries about a world issue as it is now: its number, title, body,
// state, labels (as label objects) and author, on GitHub's documented example so no required field is missed.

import type { RepoWorld, WorldComment, WorldIssue, WorldUser } from "../repo-world.js";
import { examplePayload } from "../webhook-examples.js";
import { authorAssociation, userObject, viaApp } from "./webhook-actors.js";
import {
  createdAt,
  type DeliveryOptions,
  delivery,
  installation,
  labelObject,
  nodeId,
  reactionsObject,
  repoApi,
  updatedAt,
  type WebhookDelivery,
  web,
} from "./webhook-common.js";
import { repositoryObject } from "./webhook-repository.js";

export type IssuesAction = "opened" | "edited" | "closed" | "reopened" | "labeled" | "unlabeled";

export interface IssuesExtra {
  /** The label a `labeled` / `unlabeled` delivery is about; `labeled` defaults to the issue's newest label. */
  label?: string;
  /** What an edit changed, e.g. `{ body: { from: "old" } }`; `edited` defaults to a body change. */
  changes?: object;
}

export function issueObject(world: RepoWorld, issue: WorldIssue): Record<string, unknown> {
  const { issue: example } = examplePayload("issues", "opened");
  const api = `${repoApi(world)}/issues/${issue.number}`;
  const { pull_request: _notAPull, ...base } = example as Record<string, unknown>;
  return {
    ...base,
    url: api,
    repository_url: repoApi(world),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${web}/${world.fullName}/issues/${issue.number}`,
    timeline_url: `${api}/timeline`,
    id: issue.id,
    node_id: nodeId("Issue", issue.id),
    number: issue.number,
    title: issue.title,
    user: userObject(world, issue.user),
    labels: issue.labels.map((name) => labelObject(world, name)),
    state: issue.state,
    state_reason: issue.stateReason,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: issue.comments.length,
    created_at: createdAt,
    updated_at: updatedAt,
    closed_at: issue.state === "closed" ? updatedAt : null,
    author_association: authorAssociation(world, issue.user),
    active_lock_reason: null,
    body: issue.body,
    reactions: reactionsObject(`${api}/reactions`),
    performed_via_github_app: viaApp(world, issue.user),
  };
}

function labelOf(issue: WorldIssue, action: IssuesAction, extra: IssuesExtra): string | undefined {
  if (extra.label !== undefined) return extra.label;
  if (action === "labeled") return issue.labels.at(-1);
  if (action === "unlabeled")
    throw new Error("issues.unlabeled needs extra.label: the label taken off is no longer on the issue");
  return undefined;
}

/** An `issues.<action>` delivery about the issue, sent by `sender`. */
export function issuesEvent(
  world: RepoWorld,
  issue: WorldIssue,
  action: IssuesAction,
  sender: WorldUser,
  extra: IssuesExtra = {},
  options: DeliveryOptions = {},
): WebhookDelivery {
  const label = labelOf(issue, action, extra);
  const changes = extra.changes ?? (action === "edited" ? { body: { from: "(before)" } } : undefined);
  return delivery(`issues.${action}`, {
    action,
    issue: issueObject(world, issue),
    ...(label === undefined ? {} : { label: labelObject(world, label) }),
    ...(changes === undefined ? {} : { changes }),
    repository: repositoryObject(world),
    sender: userObject(world, sender),
    installation: installation(options),
  });
}

/** An `issue_comment.created` delivery: `comment` was just written on the issue (the world need not hold it). */
export function issueCommentEvent(
  world: RepoWorld,
  issue: WorldIssue,
  comment: WorldComment,
  sender: WorldUser,
  options: DeliveryOptions = {},
): WebhookDelivery {
  const url = `${repoApi(world)}/issues/comments/${comment.id}`;
  return delivery("issue_comment.created", {
    action: "created",
    issue: issueObject(world, issue),
    comment: {
      url,
      html_url: `${web}/${world.fullName}/issues/${issue.number}#issuecomment-${comment.id}`,
      issue_url: `${repoApi(world)}/issues/${issue.number}`,
      id: comment.id,
      node_id: nodeId("IssueComment", comment.id),
      user: userObject(world, comment.user),
      created_at: updatedAt,
      updated_at: updatedAt,
      author_association: authorAssociation(world, comment.user),
      body: comment.body,
      reactions: reactionsObject(`${url}/reactions`, comment.reactions),
      performed_via_github_app: viaApp(world, comment.user),
    },
    repository: repositoryObject(world),
    sender: userObject(world, sender),
    installation: installation(options),
  });
}
