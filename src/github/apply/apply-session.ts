// The state of one pass of applying effects: the document as patched so far, and what this pass already read
// from GitHub (task issues by marker, labels on issues, the base branch), so one pass never asks twice.

import type { IssueRef, RepoPort } from "../repo/repo-port.js";
import type { AppDocument, UnitLinks } from "../state/app-document.js";
import { unitLinksOf } from "../state/app-document.js";
import { applyPatches, type LinkPatch } from "../state/link-patch.js";
import type { ApplyContext } from "./apply-context.js";
import { labelsOf, taskIssueIndex } from "./task-issue-index.js";

export class ApplySession {
  private readonly indexes = new Map<string, Promise<Map<string, IssueRef & { labels: string[] }>>>();
  /** Labels known to be on an issue right now (from creating it or from the last label change). */
  readonly labels = new Map<number, string[]>();
  private base: Promise<string> | null = null;
  private readonly heads = new Map<string, Promise<string | null>>();

  constructor(
    readonly context: ApplyContext,
    public document: AppDocument,
  ) {}

  get repo(): RepoPort {
    return this.context.repo;
  }

  links(track: string, unit: string): UnitLinks {
    return unitLinksOf(this.document, track, unit);
  }

  patch(patches: readonly LinkPatch[]): void {
    this.document = applyPatches(this.document, patches);
  }

  /** The track's task issues found by their markers (read once per pass). */
  async taskIssues(track: string): Promise<Map<string, IssueRef & { labels: string[] }>> {
    let index = this.indexes.get(track);
    if (!index) {
      index = taskIssueIndex(this.repo, this.context.settings.labelPrefix, track);
      this.indexes.set(track, index);
      index.then(
        (found) => {
          for (const ref of found.values()) this.labels.set(ref.number, labelsOf(ref));
        },
        () => this.indexes.delete(track),
      );
    }
    return index;
  }

  /** A branch's head commit, read once per pass (every first attempt starts from the base branch's head). */
  branchHead(branch: string): Promise<string | null> {
    let head = this.heads.get(branch);
    if (!head) {
      head = this.repo.branchHead(branch);
      this.heads.set(branch, head);
    }
    return head;
  }

  baseBranch(): Promise<string> {
    const configured = this.context.settings.baseBranch;
    if (configured !== null) return Promise.resolve(configured);
    this.base ??= this.repo.defaultBranch();
    return this.base;
  }
}
