// Issues: the track issue, the task issues, and the searches /resume rebuilds its picture from. The issues API
// also returns pull requests (an item with `pull_request`); getIssue says so, listIssues leaves them out.

import { RepoError } from "./errors.js";
import { authorOf, fieldsOf, idOf, itemsOf, labelNamesOf, nestedFields, textOf } from "./read-response.js";
import { exchange, type RepoClient } from "./repo-client.js";
import type { FoundIssue, IssueRef, RepoPort } from "./repo-port.js";

type IssueChange = Parameters<RepoPort["updateIssue"]>[1];

export function issueFromAnswer(data: unknown, doing: string): FoundIssue {
  const fields = fieldsOf(data, doing);
  return {
    number: idOf(fields, "number", doing),
    id: idOf(fields, "id", doing),
    title: textOf(fields, "title"),
    body: textOf(fields, "body"),
    state: fields.state === "closed" ? "closed" : "open",
    labels: labelNamesOf(fields.labels),
    author: authorOf(fields.user),
    isPullRequest: isPullRequest(data),
  };
}

function isPullRequest(item: unknown): boolean {
  const value = nestedFields(item).pull_request;
  return value !== undefined && value !== null;
}

export class OctokitIssues {
  constructor(private readonly client: RepoClient) {}

  async getIssue(issue: number): Promise<FoundIssue | null> {
    const { octokit, repo, slug } = this.client;
    const doing = `reading issue #${issue} of ${slug}`;
    return exchange(
      doing,
      async () => {
        const { data } = await octokit.rest.issues.get({ ...repo, issue_number: issue });
        return issueFromAnswer(data, doing);
      },
      // 404: never existed or not visible; 410: deleted.
      { "not-found": null },
    );
  }

  async listIssues(labels: readonly string[], state: "open" | "all", limit: number): Promise<FoundIssue[]> {
    const { octokit, repo, slug } = this.client;
    const doing = `listing ${state} issues of ${slug} labelled ${labels.join(", ") || "(any)"}`;
    // The filter is one comma-separated list: a name holding a comma would silently filter on two others.
    if (labels.some((label) => label.includes(","))) {
      throw new RepoError("invalid", `${doing}: GitHub cannot filter on a label name with a comma`, null);
    }
    if (limit <= 0) return [];
    return exchange(doing, async () => {
      const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
        ...repo,
        ...(labels.length > 0 ? { labels: labels.join(",") } : {}),
        state,
        sort: "created",
        direction: "asc",
        per_page: 100,
      });
      const found: FoundIssue[] = [];
      for await (const item of itemsOf(pages, doing)) {
        if (isPullRequest(item)) continue;
        found.push(issueFromAnswer(item, doing));
        if (found.length >= limit) break;
      }
      return found;
    });
  }

  async createIssue(input: { title: string; body: string; labels: readonly string[] }): Promise<IssueRef> {
    const { octokit, repo, slug } = this.client;
    const doing = `creating issue "${input.title.slice(0, 80)}" in ${slug}`;
    return exchange(doing, async () => {
      const { data } = await octokit.rest.issues.create({
        ...repo,
        title: input.title,
        body: input.body,
        labels: [...input.labels],
      });
      const fields = fieldsOf(data, doing);
      return { number: idOf(fields, "number", doing), id: idOf(fields, "id", doing) };
    });
  }

  async updateIssue(issue: number, change: IssueChange): Promise<void> {
    const { octokit, repo, slug } = this.client;
    const body = {
      ...(change.body === undefined ? {} : { body: change.body }),
      ...(change.state === undefined ? {} : { state: change.state }),
      ...(change.stateReason === undefined ? {} : { state_reason: change.stateReason }),
    };
    // Nothing to change is not worth a request (and would only bump the issue's updated_at).
    if (Object.keys(body).length === 0) return;
    await exchange(`updating issue #${issue} of ${slug}`, async () => {
      await octokit.rest.issues.update({ ...repo, issue_number: issue, ...body });
    });
  }
}
