// GitHub's JSON for the world's objects (the fields the app reads), and pagination by Link header.

import type { RepoWorld, WorldIssue, WorldUser } from "./repo-world.js";
import type { Answer } from "./repo-world-route.js";

export function page(items: unknown[], query: URLSearchParams, world: RepoWorld, path: string): Answer {
  const perPage = Math.min(100, Number(query.get("per_page") ?? 30) || 30);
  const number = Math.max(1, Number(query.get("page") ?? 1) || 1);
  const slice = items.slice((number - 1) * perPage, number * perPage);
  if (number * perPage >= items.length) return [200, slice];
  const next = new URLSearchParams(query);
  next.set("page", String(number + 1));
  return [200, slice, { link: `<${world.apiBase}/repos/${world.fullName}${path}?${next}>; rel="next"` }];
}

export function labelJson(label: { name: string; color: string; description: string }) {
  return {
    id: 1,
    node_id: "LA_1",
    name: label.name,
    color: label.color,
    description: label.description,
    default: false,
  };
}

export function userJson(user: WorldUser) {
  return { login: user.login, id: 1, type: user.type };
}

export function issueJson(world: RepoWorld, issue: WorldIssue) {
  return {
    id: issue.id,
    node_id: `I_${issue.id}`,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.stateReason,
    labels: issue.labels.map((name) =>
      labelJson(world.labels.get(name.toLowerCase()) ?? { name, color: "ededed", description: "" }),
    ),
    user: userJson(issue.user),
    html_url: `https://github.com/${world.fullName}/issues/${issue.number}`,
  };
}

export function commentJson(comment: { id: number; body: string; user: WorldUser }) {
  return { id: comment.id, body: comment.body, user: userJson(comment.user) };
}

export function runUrl(world: RepoWorld, id: number): string {
  return `https://github.com/${world.fullName}/actions/runs/${id}`;
}
