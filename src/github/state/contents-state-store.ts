// The state document kept in the repository itself: `state.json` on the branch `swarm-dispatch/state`, written
// through the contents API with the blob sha as the compare-and-swap precondition (GitHub answers 409 when the
// sha is stale, 422 when a sha is missing for a file that exists). The branch is created from the default
// branch's head the first time; the document never touches the code branches.

import type { ProbotOctokit } from "probot";
import type { AppDocument } from "./app-document.js";
import { documentFromText, documentToText } from "./state-document.js";
import type { DamagedState, StateStore, StateVersion, StoredState } from "./state-store.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

export const stateBranch = "swarm-dispatch/state";
export const statePath = "state.json";

export class ContentsStateStore implements StateStore {
  constructor(
    private readonly octokit: Octokit,
    private readonly repo: { owner: string; repo: string },
  ) {}

  async load(): Promise<StoredState | DamagedState | null> {
    let response: Awaited<ReturnType<Octokit["rest"]["repos"]["getContent"]>>;
    try {
      response = await this.octokit.rest.repos.getContent({
        ...this.repo,
        path: statePath,
        ref: stateBranch,
      });
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
    const file = response.data;
    if (Array.isArray(file) || file.type !== "file")
      return { damaged: `${statePath} is not a file`, version: "" };
    // Files over 1 MB come without inline content: fetch them raw.
    const text =
      file.content !== undefined && file.encoding === "base64"
        ? Buffer.from(file.content, "base64").toString("utf8")
        : await this.loadRaw();
    const read = documentFromText(text);
    return "document" in read
      ? { document: read.document, version: file.sha }
      : { damaged: read.damaged, version: file.sha };
  }

  async save(document: AppDocument, expected: StateVersion | null): Promise<StateVersion | "conflict"> {
    for (let round = 0; round < 2; round++) {
      try {
        const response = await this.octokit.rest.repos.createOrUpdateFileContents({
          ...this.repo,
          path: statePath,
          branch: stateBranch,
          message: "swarm-dispatch: update the track state",
          content: Buffer.from(documentToText(document), "utf8").toString("base64"),
          ...(expected ? { sha: expected } : {}),
        });
        return response.data.content?.sha ?? "conflict";
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 422) return "conflict";
        // The branch does not exist yet: create it once, then write.
        if (status === 404 && round === 0 && expected === null) {
          await this.createBranch();
          continue;
        }
        throw error;
      }
    }
    return "conflict";
  }

  private async loadRaw(): Promise<string> {
    const response = await this.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...this.repo,
      path: statePath,
      ref: stateBranch,
      mediaType: { format: "raw" },
    });
    return String(response.data);
  }

  private async createBranch(): Promise<void> {
    const { data: repository } = await this.octokit.rest.repos.get(this.repo);
    const { data: head } = await this.octokit.rest.git.getRef({
      ...this.repo,
      ref: `heads/${repository.default_branch}`,
    });
    try {
      await this.octokit.rest.git.createRef({
        ...this.repo,
        ref: `refs/heads/${stateBranch}`,
        sha: head.object.sha,
      });
    } catch (error) {
      // Another instance created it a moment ago.
      if (statusOf(error) !== 422) throw error;
    }
  }
}

function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" ? status : null;
}
