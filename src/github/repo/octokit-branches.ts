// Branches, as git refs: one branch per task (`swarm/<track>/<task>`), made from the base branch's head.
// Branch names hold `/` and may hold `#`, `%` or emoji; Octokit encodes the whole `heads/<branch>` as one
// path parameter, which GitHub accepts.

import { fieldsOf, listOf, nestedFields, stringOf, textOf } from "./read-response.js";
import { exchange, type RepoClient } from "./repo-client.js";

/** More task branches than this under one prefix means something else is wrong; the rest is left out. */
export const maxListedBranches = 1000;

const headsPrefix = "refs/heads/";

export class OctokitBranches {
  private defaultName: Promise<string> | undefined;

  constructor(private readonly client: RepoClient) {}

  /** Asked once per instance: the default branch changes rarely, and never within one delivery. */
  defaultBranch(): Promise<string> {
    this.defaultName ??= this.readDefaultBranch().catch((error: unknown) => {
      this.defaultName = undefined;
      throw error;
    });
    return this.defaultName;
  }

  async branchHead(branch: string): Promise<string | null> {
    const { octokit, repo, slug } = this.client;
    const doing = `reading the head of branch ${branch} in ${slug}`;
    return exchange(
      doing,
      async () => {
        const { data } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
        // The older refs endpoint answered a mere prefix with a list; should a host still do so, only the exact
        // name counts.
        const found = Array.isArray(data)
          ? data.find((item) => nestedFields(item).ref === `${headsPrefix}${branch}`)
          : data;
        return found === undefined
          ? null
          : stringOf(nestedFields(fieldsOf(found, doing).object), "sha", doing);
      },
      // 404: no such branch; 409: the repository is empty, so it has no branches at all.
      { "not-found": null, conflict: null },
    );
  }

  async createBranch(branch: string, sha: string): Promise<"created" | "exists"> {
    const { octokit, repo, slug } = this.client;
    return exchange(
      `creating branch ${branch} at ${sha} in ${slug}`,
      async () => {
        await octokit.rest.git.createRef({ ...repo, ref: `${headsPrefix}${branch}`, sha });
        return "created" as const;
      },
      // 422 "Reference already exists": made by an earlier attempt or another process; its head is kept.
      { "already-exists": "exists" },
    );
  }

  /** One request: GitHub answers matching-refs with every matching ref at once (it takes no paging). */
  async listBranches(prefix: string): Promise<{ name: string; sha: string }[]> {
    const { octokit, repo, slug } = this.client;
    const doing = `listing the branches of ${slug} starting with ${prefix}`;
    return exchange(
      doing,
      async () => {
        const { data } = await octokit.rest.git.listMatchingRefs({ ...repo, ref: `heads/${prefix}` });
        const found: { name: string; sha: string }[] = [];
        for (const item of listOf(data, doing)) {
          const fields = fieldsOf(item, doing);
          const ref = textOf(fields, "ref");
          // The answer is a prefix match already; this guards against a host that matches more loosely.
          if (!ref.startsWith(`${headsPrefix}${prefix}`)) continue;
          found.push({
            name: ref.slice(headsPrefix.length),
            sha: stringOf(nestedFields(fields.object), "sha", doing),
          });
          if (found.length >= maxListedBranches) break;
        }
        return found;
      },
      // 409: the repository is empty.
      { conflict: [] },
    );
  }

  private async readDefaultBranch(): Promise<string> {
    const { octokit, repo, slug } = this.client;
    const doing = `reading the default branch of ${slug}`;
    return exchange(doing, async () => {
      const { data } = await octokit.rest.repos.get({ ...repo });
      return stringOf(fieldsOf(data, doing), "default_branch", doing);
    });
  }
}
