// The world's repository itself: contents (the state document with its compare-and-swap, the settings file),
// branches, collaborators' permissions and pull requests.

import type { RepoWorld } from "./repo-world.js";
import { type Answer, type Body, notFound, type Route } from "./repo-world-route.js";

export const repoRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/contents\/(.+)$/,
    answer: (world, m, query, _body, _base, accept) =>
      getContents(world, decodeURIComponent(m[1] ?? ""), query, accept.includes("raw")),
  },
  {
    method: "PUT",
    pattern: /^\/contents\/(.+)$/,
    answer: (world, m, _query, body) => putContents(world, decodeURIComponent(m[1] ?? ""), body),
  },
  {
    method: "GET",
    pattern: /^\/git\/ref\/(.+)$/,
    answer: (world, m, _query, _body) => {
      // Octokit sends `heads/x` as one path parameter: `heads%2Fx`.
      const name = decodeURIComponent(m[1] ?? "").replace(/^heads\//, "");
      const sha = world.refs.get(name);
      return sha ? [200, { ref: `refs/heads/${name}`, object: { sha, type: "commit" } }] : notFound;
    },
  },
  {
    method: "POST",
    pattern: /^\/git\/refs$/,
    answer: (world, _m, _query, body) => {
      const name = String(body.ref).replace(/^refs\/heads\//, "");
      if (world.refs.has(name)) return [422, { message: "Reference already exists" }];
      world.refs.set(name, String(body.sha));
      return [201, { ref: body.ref, object: { sha: body.sha, type: "commit" } }];
    },
  },
  {
    method: "GET",
    pattern: /^\/git\/matching-refs\/(.*)$/,
    answer: (world, m, _query, _body) => {
      const prefix = decodeURIComponent(m[1] ?? "").replace(/^heads\//, "");
      return [
        200,
        [...world.refs]
          .filter(([name]) => name.startsWith(prefix))
          .map(([name, sha]) => ({ ref: `refs/heads/${name}`, object: { sha, type: "commit" } })),
      ];
    },
  },
  {
    method: "GET",
    pattern: /^\/collaborators\/([^/]+)\/permission$/,
    answer: (world, m, _query, _body) => {
      const login = decodeURIComponent(m[1] ?? "");
      const role = world.permissions.get(login);
      if (role === undefined) return notFound;
      const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return [200, { permission, role_name: role, user: { login } }];
    },
  },
];

function getContents(world: RepoWorld, path: string, query: URLSearchParams, raw: boolean): Answer {
  if (path === "state.json" && query.get("ref") === "swarm-dispatch/state") {
    if (!world.state) return notFound;
    return [
      200,
      {
        type: "file",
        sha: world.state.sha,
        encoding: "base64",
        content: Buffer.from(world.state.text).toString("base64"),
      },
    ];
  }
  if (path === ".github/swarm-dispatch.yml" && world.settings !== null) {
    // Probot's config plugin asks for the raw file.
    if (raw) return [200, world.settings];
    return [
      200,
      {
        type: "file",
        sha: world.sha(world.settings),
        encoding: "base64",
        content: Buffer.from(world.settings).toString("base64"),
        path,
      },
    ];
  }
  return notFound;
}

function putContents(world: RepoWorld, path: string, body: Body): Answer {
  if (path !== "state.json" || body.branch !== "swarm-dispatch/state")
    return [422, { message: "unexpected write" }];
  if (!world.refs.has("swarm-dispatch/state"))
    return [404, { message: "Branch swarm-dispatch/state not found" }];
  if (world.loseNextStateWrites > 0) {
    world.loseNextStateWrites -= 1;
    world.stateConflicts += 1;
    return [409, { message: "state.json does not match" }];
  }
  if (world.state && body.sha === undefined) {
    world.stateConflicts += 1;
    return [422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' }];
  }
  if (world.state && body.sha !== world.state.sha) {
    world.stateConflicts += 1;
    return [409, { message: `state.json does not match ${String(body.sha)}` }];
  }
  if (!world.state && body.sha !== undefined) return [404, { message: "Not Found" }];
  const text = Buffer.from(String(body.content), "base64").toString("utf8");
  world.state = { text, sha: world.sha(`${world.stateWrites}:${text}`) };
  world.stateWrites += 1;
  return [world.stateWrites === 1 ? 201 : 200, { content: { sha: world.state.sha, path } }];
}
