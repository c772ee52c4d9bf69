// The world's issues: labels, issues, their labels, sub-issues and dependencies, comments and reactions.

import { appBot, type RepoWorld, type WorldIssue } from "./repo-world.js";
import { commentJson, issueJson, labelJson, page } from "./repo-world-json.js";
import { notFound, type Route } from "./repo-world-route.js";

export const issueRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/labels$/,
    answer: (world, _m, query) => page([...world.labels.values()].map(labelJson), query, world, "/labels"),
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
];

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
