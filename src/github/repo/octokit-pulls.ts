// The pull requests opened from a task branch: the Action opens one per task and a retry updates it, so the
// newest one is the task's; a few more exist only when people closed some and opened others by hand.

import { fieldsOf, idOf, listOf, nestedFields, stringOf, textOf } from "./read-response.js";
import { exchange, type RepoClient } from "./repo-client.js";
import type { FoundPull } from "./repo-port.js";

export function pullFromAnswer(item: unknown, branch: string, doing: string): FoundPull {
  const fields = fieldsOf(item, doing);
  const head = nestedFields(fields.head);
  return {
    number: idOf(fields, "number", doing),
    state: fields.state === "closed" ? "closed" : "open",
    merged: typeof fields.merged_at === "string" && fields.merged_at !== "",
    // The query named the branch, so an answer without it still came from there.
    headRef: textOf(head, "ref", branch),
    // Check runs go on the head commit: without it the pull request is of no use.
    headSha: stringOf(head, "sha", doing),
    body: textOf(fields, "body"),
  };
}

/** One page, newest first. */
export async function listPulls(client: RepoClient, branch: string): Promise<FoundPull[]> {
  const { octokit, repo, slug } = client;
  const doing = `listing the pull requests from branch ${branch} of ${slug}`;
  return exchange(doing, async () => {
    const { data } = await octokit.rest.pulls.list({
      ...repo,
      // owner:branch names the branch in this repository; a fork's branch of the same name has another owner.
      head: `${repo.owner}:${branch}`,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: 100,
    });
    return listOf(data, doing).map((item) => pullFromAnswer(item, branch, doing));
  });
}
