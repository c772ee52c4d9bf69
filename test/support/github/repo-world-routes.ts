// The requests a RepoWorld answers, as GitHub answers them (status codes, the fields the app reads, pagination
// by Link header). Unknown requests return null, which the world records as a test failure.

import { runName } from "../../../src/github/workflows/run-name.js";
import { appBot, type RepoWorld, type WorldIssue, type WorldUser } from "./repo-world.js";

export type Answer = [number, unknown] | [number, unknown, Record<string, string>];

type Body = Record<string, unknown>;

const notFound: Answer = [404, { message: "Not Found" }];

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

interface Route {
  method: string;
  pattern: RegExp;
  answer: (
    world: RepoWorld,
    m: RegExpExecArray,
    query: URLSearchParams,
    body: Body,
    base: string,
    accept: string,
  ) => Answer;
}

const routes: Route[] = [
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
    pattern: /^\/labels$/,
    answer: (world, _m, query) => page([...world.labels.values()].map(labelJson), query, world, "/labels"),
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
  {
    method: "POST",
    pattern: /^\/labels$/,
    answer: (world, _m, _query, body) => {
      const name = String(body.name);
      if (world.labels.has(name.toLowerCase()))
        return [
          422,
          {
            message: "Validation Failed",
            errors: [{ resource: "Label", code: "already_exists", field: "name" }],
          },
        ];
      const label = {
        name,
        color: String(body.color ?? "ededed"),
        description: String(body.description ?? ""),
      };
      world.labels.set(name.toLowerCase(), label);
      return [201, labelJson(label)];
    },
  },
  {
    method: "GET",
    pattern: /^\/issues$/,
    answer: (world, _m, query, _body) => {
      const wanted = (query.get("labels") ?? "")
        .split(",")
        .filter(Boolean)
        .map((name) => name.toLowerCase());
      const state = query.get("state") ?? "open";
      const found = [...world.issues.values()].filter(
        (issue) =>
          (state === "all" || issue.state === state) &&
          wanted.every((name) => issue.labels.some((label) => label.toLowerCase() === name)),
      );
      return page(
        found.map((issue) => issueJson(world, issue)),
        query,
        world,
        "/issues",
      );
    },
  },
  {
    method: "POST",
    pattern: /^\/issues$/,
    answer: (world, _m, _query, body) => {
      const issue = world.openIssue({
        title: String(body.title),
        body: String(body.body ?? ""),
        labels: [],
        user: appBot,
      });
      addLabels(world, issue, (body.labels as string[]) ?? []);
      return [201, issueJson(world, issue)];
    },
  },
  {
    method: "GET",
    pattern: /^\/issues\/(\d+)$/,
    answer: (world, m, _query, _body) => {
      const issue = world.issues.get(Number(m[1]));
      return issue ? [200, issueJson(world, issue)] : notFound;
    },
  },
  {
    method: "PATCH",
    pattern: /^\/issues\/(\d+)$/,
    answer: (world, m, _query, body) => {
      const issue = world.issues.get(Number(m[1]));
      if (!issue) return notFound;
      if (typeof body.body === "string") issue.body = body.body;
      if (typeof body.title === "string") issue.title = body.title;
      if (body.state === "open" || body.state === "closed") issue.state = body.state;
      if (typeof body.state_reason === "string") issue.stateReason = body.state_reason;
      return [200, issueJson(world, issue)];
    },
  },
  {
    method: "POST",
    pattern: /^\/issues\/(\d+)\/labels$/,
    answer: (world, m, _query, body) => {
      const issue = world.issues.get(Number(m[1]));
      if (!issue) return notFound;
      addLabels(world, issue, (body.labels as string[]) ?? []);
      return [
        200,
        issue.labels.map((name) =>
          labelJson(world.labels.get(name.toLowerCase()) ?? { name, color: "ededed", description: "" }),
        ),
      ];
    },
  },
  {
    method: "DELETE",
    pattern: /^\/issues\/(\d+)\/labels\/(.+)$/,
    answer: (world, m, _query, _body) => {
      const issue = world.issues.get(Number(m[1]));
      const name = decodeURIComponent(m[2] ?? "").toLowerCase();
      if (!issue?.labels.some((label) => label.toLowerCase() === name))
        return [404, { message: "Label does not exist" }];
      issue.labels = issue.labels.filter((label) => label.toLowerCase() !== name);
      return [200, issue.labels.map((label) => ({ name: label }))];
    },
  },
  {
    method: "POST",
    pattern: /^\/issues\/(\d+)\/sub_issues$/,
    answer: (world, m, _query, body) => {
      if (!world.options.subIssues) return notFound;
      const parent = world.issues.get(Number(m[1]));
      const child = [...world.issues.values()].find((issue) => issue.id === body.sub_issue_id);
      if (!parent || !child) return notFound;
      if (parent.subIssues.includes(child.number))
        return [
          422,
          { message: "Validation Failed", errors: ["Issue may not contain duplicate sub-issues"] },
        ];
      parent.subIssues.push(child.number);
      return [201, issueJson(world, child)];
    },
  },
  {
    method: "POST",
    pattern: /^\/issues\/(\d+)\/dependencies\/blocked_by$/,
    answer: (world, m, _query, body) => {
      if (!world.options.dependencies) return notFound;
      const issue = world.issues.get(Number(m[1]));
      const blocker = [...world.issues.values()].find((candidate) => candidate.id === body.issue_id);
      if (!issue || !blocker) return notFound;
      if (issue.blockedBy.includes(blocker.number))
        return [422, { message: "Validation Failed", errors: ["Issue is already blocked by this issue"] }];
      issue.blockedBy.push(blocker.number);
      return [201, issueJson(world, blocker)];
    },
  },
  {
    method: "GET",
    pattern: /^\/issues\/(\d+)\/comments$/,
    answer: (world, m, query, _body) => {
      const issue = world.issues.get(Number(m[1]));
      if (!issue) return notFound;
      return page(issue.comments.map(commentJson), query, world, `/issues/${issue.number}/comments`);
    },
  },
  {
    method: "POST",
    pattern: /^\/issues\/(\d+)\/comments$/,
    answer: (world, m, _query, body) => {
      const issue = world.issues.get(Number(m[1]));
      if (!issue) return notFound;
      const comment = { id: world.id(), body: String(body.body), user: appBot, reactions: [] };
      issue.comments.push(comment);
      return [201, commentJson(comment)];
    },
  },
  {
    method: "PATCH",
    pattern: /^\/issues\/comments\/(\d+)$/,
    answer: (world, m, _query, body) => {
      const comment = findComment(world, Number(m[1]));
      if (!comment) return notFound;
      comment.body = String(body.body);
      return [200, commentJson(comment)];
    },
  },
  {
    method: "POST",
    pattern: /^\/issues\/comments\/(\d+)\/reactions$/,
    answer: (world, m, _query, body) => {
      const comment = findComment(world, Number(m[1]));
      if (!comment) return notFound;
      comment.reactions.push(String(body.content));
      return [201, { id: world.id(), content: body.content, user: appBot }];
    },
  },
  {
    method: "POST",
    pattern: /^\/actions\/workflows\/([^/]+)\/dispatches$/,
    answer: (world, m, _query, body, base) => {
      const workflow = decodeURIComponent(m[1] ?? "");
      if (!world.options.workflows.includes(workflow)) return [404, { message: "Not Found" }];
      const ref = String(body.ref);
      if (!world.refs.has(ref)) return [422, { message: `No ref found for: ${ref}` }];
      const inputs = (body.inputs ?? {}) as Record<string, string>;
      const run = {
        id: world.id(),
        workflow,
        branch: ref,
        title: runName(inputs.track ?? "", inputs.task ?? "", Number(inputs.attempt)),
        inputs,
        status: "queued" as const,
        conclusion: null,
      };
      world.runs.push(run);
      if (!world.options.runDetails || body.return_run_details !== true) return [204, ""];
      return [
        200,
        {
          workflow_run_id: run.id,
          run_url: `https://api.github.com${base}/actions/runs/${run.id}`,
          html_url: runUrl(world, run.id),
        },
      ];
    },
  },
  {
    method: "GET",
    pattern: /^\/actions\/workflows\/([^/]+)\/runs$/,
    answer: (world, m, query, _body) => {
      const workflow = decodeURIComponent(m[1] ?? "");
      const runs = world.runs
        .filter(
          (run) => run.workflow === workflow && (!query.get("branch") || run.branch === query.get("branch")),
        )
        .reverse()
        .map((run) => ({
          id: run.id,
          name: "swarm-agent",
          display_title: run.title,
          head_branch: run.branch,
          status: run.status,
          conclusion: run.conclusion,
          event: "workflow_dispatch",
          html_url: runUrl(world, run.id),
          created_at: "2026-12-06T12:00:00Z",
        }));
      return [200, { total_count: runs.length, workflow_runs: runs }];
    },
  },
  {
    method: "POST",
    pattern: /^\/actions\/runs\/(\d+)\/cancel$/,
    answer: (world, m, _query, _body) => {
      const run = world.runs.find((candidate) => candidate.id === Number(m[1]));
      if (!run) return notFound;
      if (run.status === "completed")
        return [409, { message: "Cannot cancel a workflow run that is completed." }];
      run.status = "completed";
      run.conclusion = "cancelled";
      return [202, {}];
    },
  },
  { method: "GET", pattern: /^\/pulls$/, answer: () => [200, []] },
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

function addLabels(world: RepoWorld, issue: WorldIssue, names: readonly string[]): void {
  for (const name of names) {
    if (!world.labels.has(name.toLowerCase()))
      world.labels.set(name.toLowerCase(), { name, color: "ededed", description: "" });
    if (!issue.labels.some((label) => label.toLowerCase() === name.toLowerCase())) issue.labels.push(name);
  }
}

function findComment(world: RepoWorld, id: number) {
  for (const issue of world.issues.values()) {
    const found = issue.comments.find((comment) => comment.id === id);
    if (found) return found;
  }
  return undefined;
}

function page(items: unknown[], query: URLSearchParams, world: RepoWorld, path: string): Answer {
  const perPage = Math.min(100, Number(query.get("per_page") ?? 30) || 30);
  const number = Math.max(1, Number(query.get("page") ?? 1) || 1);
  const slice = items.slice((number - 1) * perPage, number * perPage);
  if (number * perPage >= items.length) return [200, slice];
  const next = new URLSearchParams(query);
  next.set("page", String(number + 1));
  return [
    200,
    slice,
    { link: `<https://api.github.com/repos/${world.fullName}${path}?${next}>; rel="next"` },
  ];
}

function labelJson(label: { name: string; color: string; description: string }) {
  return {
    id: 1,
    node_id: "LA_1",
    name: label.name,
    color: label.color,
    description: label.description,
    default: false,
  };
}

function userJson(user: WorldUser) {
  return { login: user.login, id: 1, type: user.type };
}

function issueJson(world: RepoWorld, issue: WorldIssue) {
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

function commentJson(comment: { id: number; body: string; user: WorldUser }) {
  return { id: comment.id, body: comment.body, user: userJson(comment.user) };
}

function runUrl(world: RepoWorld, id: number): string {
  return `https://github.com/${world.fullName}/actions/runs/${id}`;
}
