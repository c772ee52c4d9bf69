// The check runs on a commit, every app's: the app finds its own again by external id, and reads the others'
// conclusions. The answer is an object ({ total_count, check_runs }), not a list, so the pages are asked for
// here by number (the `page` that GitHub's Link header names) rather than by following whatever URL it holds.

import { fieldsOf, idOf, listOf, nestedFields, nullableTextOf, textOf } from "./read-response.js";
import { exchange, type RepoClient } from "./repo-client.js";
import type { FoundCheckRun } from "./repo-port.js";

/** More check runs than this on one commit means something else is wrong; the rest is left out. */
export const maxListedCheckRuns = 1000;

export function checkRunFromAnswer(item: unknown, doing: string): FoundCheckRun {
  const fields = fieldsOf(item, doing);
  const appId = nestedFields(fields.app).id;
  return {
    id: idOf(fields, "id", doing),
    name: textOf(fields, "name"),
    status: textOf(fields, "status"),
    conclusion: nullableTextOf(fields, "conclusion"),
    appId: typeof appId === "number" && Number.isSafeInteger(appId) && appId > 0 ? appId : null,
    // GitHub sends "" for a run made without one; no key is empty.
    externalId: nullableTextOf(fields, "external_id") || null,
    startedAt: nullableTextOf(fields, "started_at"),
  };
}

/** The page a Link header names as next, or null: none, unreadable, or not past `current`. */
export function nextPageAfter(current: number, link: string | undefined): number | null {
  const target = /<([^<>]+)>;\s*rel="next"/.exec(link ?? "")?.[1];
  if (target === undefined) return null;
  let page: number;
  try {
    page = Number(new URL(target, "https://api.github.com").searchParams.get("page"));
  } catch {
    return null;
  }
  // A next page that is not further on would read the same runs again, without end.
  return Number.isSafeInteger(page) && page > current ? page : null;
}

export async function listCheckRuns(
  client: RepoClient,
  sha: string,
  limit: number,
): Promise<FoundCheckRun[]> {
  const { octokit, repo, slug } = client;
  const doing = `listing the check runs on ${sha} in ${slug}`;
  const most = Math.min(limit, maxListedCheckRuns);
  if (most <= 0) return [];
  return exchange(doing, async () => {
    const found: FoundCheckRun[] = [];
    let page: number | null = 1;
    while (page !== null) {
      const response: { data: unknown; headers: { link?: string } } = await octokit.rest.checks.listForRef({
        ...repo,
        ref: sha,
        per_page: 100,
        ...(page > 1 ? { page } : {}),
      });
      const runs = listOf(fieldsOf(response.data, doing).check_runs, doing);
      for (const item of runs) {
        found.push(checkRunFromAnswer(item, doing));
        if (found.length >= most) return found;
      }
      page = runs.length === 0 ? null : nextPageAfter(page, response.headers.link);
    }
    return found;
  });
}
