// The requests a RepoWorld answers, as GitHub answers them (status codes, the fields the app reads, pagination
// by Link header). Unknown requests return null, which the world records as a test failure.

import type { RepoWorld } from "./repo-world.js";
import { actionRoutes } from "./repo-world-action-routes.js";
import { repoRoutes } from "./repo-world-git-routes.js";
import { issueRoutes } from "./repo-world-issue-routes.js";
import { pullRoutes } from "./repo-world-pull-routes.js";
import { type Answer, type Body, notFound } from "./repo-world-route.js";

export type { Answer } from "./repo-world-route.js";

const routes = [...pullRoutes, ...repoRoutes, ...issueRoutes, ...actionRoutes];

export function routeWorld(
  world: RepoWorld,
  method: string,
  path: string,
  query: URLSearchParams,
  rawBody: unknown,
  accept = "",
): Answer | null {
  const body = (
    typeof rawBody === "string" && rawBody !== "" ? JSON.parse(rawBody) : (rawBody ?? {})
  ) as Body;
  const base = `/repos/${world.owner}/${world.repo}`;
  if (path === "/app/installations" && method === "GET")
    return [200, [{ id: 4242, account: { login: world.owner }, app_id: 123456 }]];
  if (path === "/installation/repositories" && method === "GET") {
    const repository = { id: 1, name: world.repo, full_name: world.fullName, owner: { login: world.owner } };
    return [200, { total_count: 1, repositories: [repository] }];
  }
  if (path.startsWith(`/repos/${world.owner}/.github/`)) return notFound;
  if (path === base && method === "GET")
    return [
      200,
      { name: world.repo, full_name: world.fullName, default_branch: "main", owner: { login: world.owner } },
    ];
  if (!path.startsWith(`${base}/`)) return null;
  const rest = path.slice(base.length);

  for (const entry of routes) {
    if (entry.method !== method) continue;
    const match = entry.pattern.exec(rest);
    if (match) return entry.answer(world, match, query, body, base, accept);
  }
  return null;
}
