// GitHub's JSON for the world's pull requests and check runs (the fields the app reads).

import type { RepoWorld, WorldCheckRun, WorldPull } from "./repo-world.js";

export function pullJson(world: RepoWorld, pull: WorldPull) {
  const repo = { full_name: world.fullName, name: world.repo, owner: { login: world.owner } };
  return {
    id: pull.id,
    number: pull.number,
    title: pull.title,
    body: pull.body,
    state: pull.state,
    merged: pull.merged,
    merged_at: pull.merged ? "2026-12-06T10:00:00Z" : null,
    mergeable: pull.mergeableState !== "dirty",
    mergeable_state: pull.mergeableState,
    user: { login: pull.author.login, type: pull.author.type, id: 1 },
    head: { ref: pull.branch, sha: pull.headSha, repo },
    base: { ref: pull.base, sha: world.refs.get(pull.base) ?? "", repo },
    html_url: `https://github.com/${world.fullName}/pull/${pull.number}`,
  };
}

export function checkRunJson(run: WorldCheckRun) {
  return {
    id: run.id,
    name: run.name,
    head_sha: run.headSha,
    status: run.status,
    conclusion: run.conclusion,
    external_id: run.externalId,
    started_at: run.startedAt,
    app: { id: run.app === "swarm" ? 123456 : 777, slug: run.app === "swarm" ? "swarm-dispatch" : "ci" },
    output: { title: run.title, summary: run.summary },
  };
}
