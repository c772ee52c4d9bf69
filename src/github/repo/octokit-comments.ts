// Comments on issues: the dashboard and the app's answers are comments it writes, found again by a hidden
// marker in their body (findComment), and the commands it reads get a reaction as an acknowledgement.

import { authorOf, fieldsOf, idOf, itemsOf, textOf } from "./read-response.js";
import { exchange, type RepoClient } from "./repo-client.js";
import type { FoundComment, Reaction } from "./repo-port.js";

export class OctokitComments {
  constructor(private readonly client: RepoClient) {}

  async createComment(issue: number, body: string): Promise<number> {
    const { octokit, repo, slug } = this.client;
    const doing = `commenting on issue #${issue} of ${slug}`;
    return exchange(doing, async () => {
      const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
      return idOf(fieldsOf(data, doing), "id", doing);
    });
  }

  async updateComment(comment: number, body: string): Promise<"updated" | "missing"> {
    const { octokit, repo, slug } = this.client;
    return exchange(
      `updating comment ${comment} in ${slug}`,
      async () => {
        await octokit.rest.issues.updateComment({ ...repo, comment_id: comment, body });
        return "updated" as const;
      },
      // Someone deleted the comment; the caller writes a new one.
      { "not-found": "missing" },
    );
  }

  /**
   * Reads the issue's comments oldest first, a page at a time, and stops at the first match or the limit.
   * Only the reading is translated into RepoErrors: a `test` that throws is the caller's bug, passed on as is.
   */
  async findComment(
    issue: number,
    test: (body: string) => boolean,
    limit: number,
  ): Promise<FoundComment | null> {
    const { octokit, repo, slug } = this.client;
    const doing = `reading the comments on issue #${issue} of ${slug}`;
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: issue,
      per_page: 100,
    });
    const comments = itemsOf(pages, doing);
    for (let read = 0; read < limit; read++) {
      const next = await exchange(doing, () => comments.next());
      if (next.done) return null;
      const fields = fieldsOf(next.value, doing);
      const body = textOf(fields, "body");
      if (test(body)) return { id: idOf(fields, "id", doing), body, author: authorOf(fields.user) };
    }
    return null;
  }

  /** GitHub answers 200 for a reaction that was there already and 201 for a new one: both are done. */
  async react(comment: number, content: Reaction): Promise<void> {
    const { octokit, repo, slug } = this.client;
    await exchange(`reacting ${content} to comment ${comment} in ${slug}`, async () => {
      await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment, content });
    });
  }
}
