// Repository labels and the labels on one issue. The repository's label names are listed once per instance and
// remembered (lower-cased: GitHub treats label names case-insensitively), so ensuring labels that are known
// sends nothing. A create that meets "already_exists" lost a race with another process, which is the result
// we wanted; the listing is capped, and a label beyond the cap is found the same way.

import type { LabelSpec } from "../labels/index.js";
import { itemsOf, labelNamesOf, nestedFields } from "./read-response.js";
import { exchange, pathSegment, type RepoClient } from "./repo-client.js";

/** GitHub repositories rarely hold more; past this many, creates find the rest by their 422. */
export const maxListedLabels = 1000;

export class OctokitLabels {
  private known: Promise<Set<string>> | undefined;

  constructor(private readonly client: RepoClient) {}

  async ensureLabels(specs: readonly LabelSpec[]): Promise<void> {
    if (specs.length === 0) return;
    const known = await this.knownLabels();
    for (const spec of specs) {
      const key = spec.name.toLowerCase();
      if (known.has(key)) continue;
      await this.createLabel(spec);
      known.add(key);
    }
  }

  /** Adds labels to an issue; GitHub answers with all of the issue's labels afterwards. */
  async addLabels(issue: number, labels: readonly string[]): Promise<string[]> {
    const { octokit, repo, slug } = this.client;
    if (labels.length === 0) {
      // GitHub refuses an empty list; the caller still wants to know the labels the issue carries.
      const doing = `reading the labels of issue #${issue} in ${slug}`;
      return exchange(doing, async () => {
        const { data } = await octokit.rest.issues.listLabelsOnIssue({
          ...repo,
          issue_number: issue,
          per_page: 100,
        });
        return labelNamesOf(data);
      });
    }
    const doing = `adding labels ${labels.join(", ")} to issue #${issue} in ${slug}`;
    return exchange(doing, async () => {
      const { data } = await octokit.rest.issues.addLabels({
        ...repo,
        issue_number: issue,
        labels: [...labels],
      });
      return labelNamesOf(data);
    });
  }

  async removeLabel(issue: number, label: string): Promise<void> {
    const { octokit, repo, slug } = this.client;
    const doing = `removing label ${label} from issue #${issue} in ${slug}`;
    const name = pathSegment(label, "label name", doing);
    await exchange(
      doing,
      async () => {
        await octokit.rest.issues.removeLabel({ ...repo, issue_number: issue, name });
      },
      // 404 "Label does not exist": the issue does not carry it, which is what removing wanted.
      { "not-found": undefined },
    );
  }

  private knownLabels(): Promise<Set<string>> {
    // One listing shared by concurrent callers; a failed one is forgotten so the next call tries again.
    this.known ??= this.listLabels().catch((error: unknown) => {
      this.known = undefined;
      throw error;
    });
    return this.known;
  }

  private async listLabels(): Promise<Set<string>> {
    const { octokit, repo, slug } = this.client;
    const doing = `listing the labels of ${slug}`;
    return exchange(doing, async () => {
      const names = new Set<string>();
      const pages = octokit.paginate.iterator(octokit.rest.issues.listLabelsForRepo, {
        ...repo,
        per_page: 100,
      });
      let seen = 0;
      for await (const label of itemsOf(pages, doing)) {
        const name = nestedFields(label).name;
        if (typeof name === "string") names.add(name.toLowerCase());
        if (++seen >= maxListedLabels) break;
      }
      return names;
    });
  }

  private async createLabel(spec: LabelSpec): Promise<void> {
    const { octokit, repo, slug } = this.client;
    await exchange(
      `creating label ${spec.name} in ${slug}`,
      async () => {
        await octokit.rest.issues.createLabel({
          ...repo,
          name: spec.name,
          color: spec.color,
          description: spec.description,
        });
      },
      { "already-exists": undefined },
    );
  }
}
