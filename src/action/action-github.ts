// What the Action asks of GitHub, over @actions/github's Octokit with the retry and throttling plugins: the
// task issue (found by the track's labels and its hidden marker, written by a bot, carrying the unit's spec),
// the default branch, and the task's pull request (one per task branch: created on the first attempt, updated
// on later ones).

import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { UnitSpec } from "../engine/track/state.js";
import { taskMarkerLabel, trackLabel } from "../github/labels/label-names.js";
import { parseTaskMarker } from "../render/task-issue-marker.js";
import { parseSpecBlock } from "../render/task-issue-spec.js";

export type ActionOctokit = ReturnType<typeof getOctokit>;

export type Repository = {
  owner: string;
  repo: string;
};

export interface TaskIssue {
  number: number;
  body: string;
  spec: UnitSpec;
}

export function actionOctokit(token: string, fetch?: typeof globalThis.fetch): ActionOctokit {
  return getOctokit(
    token,
    {
      ...(fetch ? { request: { fetch } } : {}),
      throttle: {
        // Wait out what GitHub asks for, a few times; then the step fails and says why.
        onRateLimit: (_after: number, _options: unknown, _octokit: unknown, count: number) => count < 3,
        onSecondaryRateLimit: (after: number, _options: unknown, _octokit: unknown, count: number) =>
          count < 3 && after <= 120,
      },
    },
    retry,
    throttling,
  );
}

/** Issues listed when looking for the task issue: a track has at most 100 units, plus spawned ones. */
const maxIssues = 500;

export async function findTaskIssue(
  octokit: ActionOctokit,
  repo: Repository,
  labelPrefix: string,
  track: string,
  task: string,
): Promise<TaskIssue | string> {
  const labels = `${taskMarkerLabel(labelPrefix)},${trackLabel(labelPrefix, track)}`;
  let seen = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    ...repo,
    labels,
    state: "all",
    per_page: 100,
  })) {
    for (const issue of page.data) {
      if (issue.pull_request || issue.user?.type !== "Bot") continue;
      const marker = parseTaskMarker(issue.body ?? "");
      if (marker?.track !== track || marker.unit !== task) continue;
      const spec = parseSpecBlock(issue.body ?? "");
      if (!spec || spec.id !== task)
        return `task issue #${issue.number} carries no readable spec of ${task}; the app writes it when it creates the issue`;
      return { number: issue.number, body: issue.body ?? "", spec };
    }
    seen += page.data.length;
    if (seen >= maxIssues) break;
  }
  return `no task issue of ${task} in track #${track} (looked for issues labelled ${labels} with the app's marker)`;
}

export async function defaultBranch(octokit: ActionOctokit, repo: Repository): Promise<string> {
  return (await octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo })).data.default_branch;
}

export async function ensurePullRequest(
  octokit: ActionOctokit,
  repo: Repository,
  pull: { branch: string; base: string; title: string; body: string },
): Promise<{ number: number; created: boolean }> {
  const open = await octokit.rest.pulls.list({
    ...repo,
    head: `${repo.owner}:${pull.branch}`,
    state: "open",
    per_page: 10,
  });
  const existing = open.data.find((candidate) => candidate.head.ref === pull.branch);
  if (existing) {
    await octokit.rest.pulls.update({
      ...repo,
      pull_number: existing.number,
      title: pull.title,
      body: pull.body,
    });
    return { number: existing.number, created: false };
  }
  const created = await octokit.rest.pulls.create({
    ...repo,
    head: pull.branch,
    base: pull.base,
    title: pull.title,
    body: pull.body,
  });
  return { number: created.data.number, created: true };
}
