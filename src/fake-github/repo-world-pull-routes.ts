// The world's pull requests and check runs: reading a pull request and its files, merging it or bringing it up
// to date, and the check runs on a commit (the app's own, and CI's that a test adds).

import { checkRunJson, pullJson } from "./repo-world-pull-json.js";
import { type Answer, notFound, type Route } from "./repo-world-route.js";

export const pullRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/pulls$/,
    answer: (world, _m, query) => {
      const head = (query.get("head") ?? "").replace(/^[^:]+:/, "");
      const state = query.get("state") ?? "open";
      const found = [...world.pulls.values()]
        .filter((pull) => (!head || pull.branch === head) && (state === "all" || pull.state === state))
        .reverse();
      return [200, found.map((pull) => pullJson(world, pull))];
    },
  },
  {
    method: "GET",
    pattern: /^\/pulls\/(\d+)$/,
    answer: (world, m) => {
      const pull = world.pulls.get(Number(m[1]));
      return pull ? [200, pullJson(world, pull)] : notFound;
    },
  },
  {
    method: "GET",
    pattern: /^\/pulls\/(\d+)\/files$/,
    answer: (world, m) => {
      const pull = world.pulls.get(Number(m[1]));
      if (!pull) return notFound;
      const files = pull.files.map((file) => ({
        filename: file.path,
        status: file.status,
        ...(file.previousPath ? { previous_filename: file.previousPath } : {}),
        additions: 1,
        deletions: 0,
        changes: 1,
      }));
      return [200, files];
    },
  },
  {
    method: "PUT",
    pattern: /^\/pulls\/(\d+)\/merge$/,
    answer: (world, m, _query, body) => {
      const pull = world.pulls.get(Number(m[1]));
      if (!pull) return notFound;
      if (body.sha !== pull.headSha)
        return [409, { message: "Head branch was modified. Review and try the merge again." }];
      if (pull.mergeableState !== "clean") return [405, { message: "Pull Request is not mergeable" }];
      pull.state = "closed";
      pull.merged = true;
      world.merges.push(pull.number);
      return [
        200,
        { merged: true, sha: world.sha(`merge:${pull.number}`), message: "Pull Request successfully merged" },
      ];
    },
  },
  {
    method: "PUT",
    pattern: /^\/pulls\/(\d+)\/update-branch$/,
    answer: (world, m, _query, body): Answer => {
      const pull = world.pulls.get(Number(m[1]));
      if (!pull) return notFound;
      if (pull.mergeableState === "dirty" || body.expected_head_sha !== pull.headSha)
        return [422, { message: "merge conflict between base and head" }];
      pull.headSha = world.sha(`${pull.headSha}:updated`);
      pull.mergeableState = "clean";
      return [202, { message: "Updating pull request branch.", url: "" }];
    },
  },
  {
    method: "GET",
    pattern: /^\/commits\/([^/]+)\/check-runs$/,
    answer: (world, m) => {
      const runs = world.checkRuns.filter((run) => run.headSha === decodeURIComponent(m[1] ?? ""));
      return [200, { total_count: runs.length, check_runs: runs.map(checkRunJson) }];
    },
  },
  {
    method: "POST",
    pattern: /^\/check-runs$/,
    answer: (world, _m, _query, body) => {
      const output = (body.output ?? {}) as { title?: string; summary?: string; annotations?: never[] };
      const run = {
        id: world.id(),
        name: String(body.name),
        headSha: String(body.head_sha),
        status: String(body.status ?? "queued"),
        conclusion: typeof body.conclusion === "string" ? body.conclusion : null,
        externalId: typeof body.external_id === "string" ? body.external_id : null,
        app: "swarm" as const,
        title: output.title ?? "",
        summary: output.summary ?? "",
        annotations: [...(output.annotations ?? [])],
        startedAt: typeof body.started_at === "string" ? body.started_at : "2026-12-06T09:00:00Z",
      };
      world.checkRuns.push(run);
      return [201, checkRunJson(run)];
    },
  },
  {
    method: "PATCH",
    pattern: /^\/check-runs\/(\d+)$/,
    answer: (world, m, _query, body) => {
      const run = world.checkRuns.find((candidate) => candidate.id === Number(m[1]));
      if (!run) return notFound;
      const output = (body.output ?? {}) as { title?: string; summary?: string; annotations?: never[] };
      if (typeof body.status === "string") run.status = body.status;
      if (typeof body.conclusion === "string") run.conclusion = body.conclusion;
      if (output.title !== undefined) run.title = output.title;
      if (output.summary !== undefined) run.summary = output.summary;
      run.annotations.push(...(output.annotations ?? []));
      return [200, checkRunJson(run)];
    },
  },
];
