// The files a pull request changes, for the checks that ask what a task touched. GitHub lists at most 3,000
// of them, 100 a page; the caller's limit stops the reading early, and pages past it are never asked for.

import { fieldsOf, itemsOf, nullableTextOf, stringOf, textOf } from "./read-response.js";
import { exchange, type RepoClient } from "./repo-client.js";
import type { ChangedFile } from "./repo-port.js";

/** What GitHub itself lists at most; a host that pages on past it is not followed further. */
export const maxListedPullFiles = 3000;

export function changedFileFromAnswer(item: unknown, doing: string): ChangedFile {
  const fields = fieldsOf(item, doing);
  return {
    // A file without its name cannot be checked, and leaving it out could hide what a task touched.
    path: stringOf(fields, "filename", doing),
    previousPath: nullableTextOf(fields, "previous_filename") || null,
    status: textOf(fields, "status"),
  };
}

export async function listPullFiles(client: RepoClient, pull: number, limit: number): Promise<ChangedFile[]> {
  const { octokit, repo, slug } = client;
  const doing = `listing the files of pull request #${pull} of ${slug}`;
  const most = Math.min(limit, maxListedPullFiles);
  if (most <= 0) return [];
  return exchange(doing, async () => {
    const pages = octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
      ...repo,
      pull_number: pull,
      per_page: 100,
    });
    const found: ChangedFile[] = [];
    for await (const item of itemsOf(pages, doing)) {
      found.push(changedFileFromAnswer(item, doing));
      if (found.length >= most) break;
    }
    return found;
  });
}
