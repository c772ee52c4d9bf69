// Landing a task's pull request: a squash merge pinned to the head commit the checks saw, and bringing a head
// that fell behind its base up to date first. GitHub's refusals are answers here, not errors: the caller
// reports them and tries again later, while a missing pull request or a lost permission still throws.

import { messageOf, toRepoError } from "./errors.js";
import { nestedFields, textOf } from "./read-response.js";
import type { RepoClient } from "./repo-client.js";

export type MergeResult = { merged: true } | { merged: false; reason: string };

// 405: not mergeable (checks, reviews, conflicts, a draft); 409: the head is no longer `sha`; 422: the
// repository does not allow squash merges, or the request was otherwise refused.
const mergeRefusals = new Set([405, 409, 422]);

// update-branch answers 422 too for a head that holds the base already: nothing to merge is what was wanted.
const upToDate = /no new commits on the base branch/i;

/** GitHub's message (with its first detail), or a plain one when its answer carried none. */
function reasonOf(error: unknown, status: number): string {
  const answer = nestedFields((error as { response?: { data?: unknown } } | null)?.response?.data);
  const message = answer.message;
  return typeof message === "string" && message.trim() !== ""
    ? messageOf(error)
    : `GitHub answered ${status}`;
}

export async function mergePull(client: RepoClient, pull: number, sha: string): Promise<MergeResult> {
  const { octokit, repo, slug } = client;
  const doing = `merging pull request #${pull} of ${slug} at ${sha}`;
  try {
    const { data } = await octokit.rest.pulls.merge({
      ...repo,
      pull_number: pull,
      sha,
      merge_method: "squash",
    });
    // A 200 means merged; should one ever say otherwise, its message is the reason.
    const fields = nestedFields(data);
    if (fields.merged === false) {
      return { merged: false, reason: textOf(fields, "message") || "GitHub did not merge it" };
    }
    return { merged: true };
  } catch (error) {
    const failure = toRepoError(error, doing);
    if (failure.status !== null && mergeRefusals.has(failure.status)) {
      return { merged: false, reason: reasonOf(error, failure.status) };
    }
    throw failure;
  }
}

export async function updatePullBranch(
  client: RepoClient,
  pull: number,
  headSha: string,
): Promise<"updated" | "conflict"> {
  const { octokit, repo, slug } = client;
  const doing = `updating the branch of pull request #${pull} of ${slug} from its base`;
  try {
    // 202: GitHub merges the base into the head in the background; the new head shows up on its own.
    await octokit.rest.pulls.updateBranch({ ...repo, pull_number: pull, expected_head_sha: headSha });
    return "updated";
  } catch (error) {
    const failure = toRepoError(error, doing);
    // 422: the merge conflicts, or the head is no longer `headSha` (someone pushed): either way, not updated.
    if (failure.status === 422) return upToDate.test(messageOf(error)) ? "updated" : "conflict";
    throw failure;
  }
}
