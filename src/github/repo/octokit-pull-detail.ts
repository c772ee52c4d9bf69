// One pull request read whole, for the checks, the merge and the report: its mergeability as GitHub computes
// it, and whether its head is a branch of this repository (a fork's pull request is never a task's).

import { pullFromAnswer } from "./octokit-pulls.js";
import { authorOf, fieldsOf, nestedFields, textOf } from "./read-response.js";
import { exchange, type RepoClient } from "./repo-client.js";
import type { PullDetail } from "./repo-port.js";

export function pullDetailFromAnswer(data: unknown, slug: string, doing: string): PullDetail {
  const fields = fieldsOf(data, doing);
  const head = nestedFields(fields.head);
  // A deleted fork's head repository comes back as null: it is not this repository either.
  const headRepository = textOf(nestedFields(head.repo), "full_name");
  return {
    // No branch was asked for, so a head without its ref has none ("" never names a task branch).
    ...pullFromAnswer(fields, "", doing),
    // `merged` is the pull request's own flag; merged_at is what lists carry, and either one says so.
    merged: fields.merged === true || (typeof fields.merged_at === "string" && fields.merged_at !== ""),
    baseRef: textOf(nestedFields(fields.base), "ref"),
    author: authorOf(fields.user),
    // GitHub's names ignore case, and the one a delivery names may be spelt otherwise.
    sameRepository: headRepository !== "" && headRepository.toLowerCase() === slug.toLowerCase(),
    mergeable: typeof fields.mergeable === "boolean" ? fields.mergeable : null,
    mergeableState: textOf(fields, "mergeable_state") || "unknown",
  };
}

export async function getPull(client: RepoClient, pull: number): Promise<PullDetail | null> {
  const { octokit, repo, slug } = client;
  const doing = `reading pull request #${pull} of ${slug}`;
  return exchange(
    doing,
    async () => {
      const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pull });
      return pullDetailFromAnswer(data, slug, doing);
    },
    // 404: no pull request of that number (an issue's number is not one either).
    { "not-found": null },
  );
}
