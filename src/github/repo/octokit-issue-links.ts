// How a task issue is tied to its track and its prerequisites where GitHub offers it: a sub-issue of the track
// issue, and "blocked by" dependencies. Both are newer than the labels that carry the same facts, so a host
// without them (older GitHub Enterprise: 404; an app without the permission: 403) or a parent that is full
// answers `unsupported`, and the labels alone carry on. Both take REST ids, not issue numbers.

import { messageOf, type RepoError, toRepoError } from "./errors.js";
import type { RepoClient } from "./repo-client.js";
import type { IssueRef } from "./repo-port.js";

export type LinkResult = "added" | "exists" | "unsupported";

// GitHub's 422 wording: "Sub issue may only have one parent", "Issue may not contain duplicate sub-issues",
// "… is already blocked by …". The first is also what a child under another parent gets; for the app that is
// still "this issue is somebody's sub-issue already", and moving it (replace_parent) is not ours to decide.
const alreadyLinked = /already|duplicate|only have one parent/i;
// A parent holds at most 100 sub-issues, an issue at most 50 blockers.
const linksFull = /maximum|more than|limit|too many|exceeded/i;

// `said` is GitHub's own message: the RepoError's also names what we were doing, repository name included.
function linkAnswer(failure: RepoError, said: string): LinkResult | null {
  // "Full" first: "the parent already has the maximum number of sub-issues" is not "already linked".
  if (failure.status === 422 && linksFull.test(said)) return "unsupported";
  if (failure.kind === "already-exists") return "exists";
  if (failure.kind === "invalid" && alreadyLinked.test(said)) return "exists";
  // A rate limit is a 403 as well, but toRepoError gives it its own kind, so it still throws.
  if (failure.kind === "not-found" || failure.kind === "forbidden") return "unsupported";
  return null;
}

async function link(doing: string, send: () => Promise<unknown>): Promise<LinkResult> {
  try {
    await send();
    return "added";
  } catch (error) {
    const failure = toRepoError(error, doing);
    const answer = linkAnswer(failure, messageOf(error));
    if (answer === null) throw failure;
    return answer;
  }
}

export class OctokitIssueLinks {
  constructor(private readonly client: RepoClient) {}

  addSubIssue(parent: number, child: IssueRef): Promise<LinkResult> {
    const { octokit, repo, slug } = this.client;
    return link(`adding issue #${child.number} as a sub-issue of #${parent} in ${slug}`, () =>
      octokit.rest.issues.addSubIssue({ ...repo, issue_number: parent, sub_issue_id: child.id }),
    );
  }

  addBlockedBy(issue: number, blocker: IssueRef): Promise<LinkResult> {
    const { octokit, repo, slug } = this.client;
    return link(`marking issue #${issue} as blocked by #${blocker.number} in ${slug}`, () =>
      octokit.rest.issues.addBlockedByDependency({ ...repo, issue_number: issue, issue_id: blocker.id }),
    );
  }
}
