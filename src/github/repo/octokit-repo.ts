// RepoPort over Octokit: one repository, one client, composed of a part per concept. The parts that remember
// something (the repository's label names, its default branch) remember it for this instance only, which the
// app builds per delivery, so nothing outlives what GitHub could tell it again.

import type { LabelSpec } from "../labels/index.js";
import { OctokitBranches } from "./octokit-branches.js";
import { listCheckRuns } from "./octokit-check-runs.js";
import { createCheckRun, updateCheckRun } from "./octokit-check-write.js";
import { OctokitComments } from "./octokit-comments.js";
import { OctokitIssueLinks } from "./octokit-issue-links.js";
import { OctokitIssues } from "./octokit-issues.js";
import { OctokitLabels } from "./octokit-labels.js";
import { mergePull, updatePullBranch } from "./octokit-merge.js";
import { readPermission } from "./octokit-permission.js";
import { getPull } from "./octokit-pull-detail.js";
import { listPullFiles } from "./octokit-pull-files.js";
import { listPulls } from "./octokit-pulls.js";
import { OctokitWorkflows } from "./octokit-workflows.js";
import { type Octokit, type RepoClient, type RepoCoordinates, repoClient } from "./repo-client.js";
import type {
  ChangedFile,
  CheckRunInput,
  DispatchedRun,
  FoundCheckRun,
  FoundComment,
  FoundIssue,
  FoundPull,
  FoundRun,
  IssueRef,
  Permission,
  PullDetail,
  Reaction,
  RepoPort,
} from "./repo-port.js";

export class OctokitRepo implements RepoPort {
  readonly owner: string;
  readonly name: string;
  private readonly client: RepoClient;
  private readonly labels: OctokitLabels;
  private readonly issues: OctokitIssues;
  private readonly links: OctokitIssueLinks;
  private readonly comments: OctokitComments;
  private readonly branches: OctokitBranches;
  private readonly workflows: OctokitWorkflows;

  constructor(octokit: Octokit, repo: RepoCoordinates) {
    this.owner = repo.owner;
    this.name = repo.repo;
    this.client = repoClient(octokit, repo);
    this.labels = new OctokitLabels(this.client);
    this.issues = new OctokitIssues(this.client);
    this.links = new OctokitIssueLinks(this.client);
    this.comments = new OctokitComments(this.client);
    this.branches = new OctokitBranches(this.client);
    this.workflows = new OctokitWorkflows(this.client);
  }

  permissionOf(login: string): Promise<Permission> {
    return readPermission(this.client, login);
  }

  ensureLabels(specs: readonly LabelSpec[]): Promise<void> {
    return this.labels.ensureLabels(specs);
  }

  getIssue(issue: number): Promise<FoundIssue | null> {
    return this.issues.getIssue(issue);
  }

  listIssues(labels: readonly string[], state: "open" | "all", limit: number): Promise<FoundIssue[]> {
    return this.issues.listIssues(labels, state, limit);
  }

  createIssue(input: { title: string; body: string; labels: readonly string[] }): Promise<IssueRef> {
    return this.issues.createIssue(input);
  }

  updateIssue(issue: number, change: Parameters<RepoPort["updateIssue"]>[1]): Promise<void> {
    return this.issues.updateIssue(issue, change);
  }

  addLabels(issue: number, labels: readonly string[]): Promise<string[]> {
    return this.labels.addLabels(issue, labels);
  }

  removeLabel(issue: number, label: string): Promise<void> {
    return this.labels.removeLabel(issue, label);
  }

  addSubIssue(parent: number, child: IssueRef): Promise<"added" | "exists" | "unsupported"> {
    return this.links.addSubIssue(parent, child);
  }

  addBlockedBy(issue: number, blocker: IssueRef): Promise<"added" | "exists" | "unsupported"> {
    return this.links.addBlockedBy(issue, blocker);
  }

  createComment(issue: number, body: string): Promise<number> {
    return this.comments.createComment(issue, body);
  }

  updateComment(comment: number, body: string): Promise<"updated" | "missing"> {
    return this.comments.updateComment(comment, body);
  }

  findComment(issue: number, test: (body: string) => boolean, limit: number): Promise<FoundComment | null> {
    return this.comments.findComment(issue, test, limit);
  }

  react(comment: number, content: Reaction): Promise<void> {
    return this.comments.react(comment, content);
  }

  defaultBranch(): Promise<string> {
    return this.branches.defaultBranch();
  }

  branchHead(branch: string): Promise<string | null> {
    return this.branches.branchHead(branch);
  }

  createBranch(branch: string, sha: string): Promise<"created" | "exists"> {
    return this.branches.createBranch(branch, sha);
  }

  listBranches(prefix: string): Promise<{ name: string; sha: string }[]> {
    return this.branches.listBranches(prefix);
  }

  listPulls(branch: string): Promise<FoundPull[]> {
    return listPulls(this.client, branch);
  }

  getPull(pull: number): Promise<PullDetail | null> {
    return getPull(this.client, pull);
  }

  listPullFiles(pull: number, limit: number): Promise<ChangedFile[]> {
    return listPullFiles(this.client, pull, limit);
  }

  mergePull(pull: number, sha: string): Promise<{ merged: true } | { merged: false; reason: string }> {
    return mergePull(this.client, pull, sha);
  }

  updatePullBranch(pull: number, headSha: string): Promise<"updated" | "conflict"> {
    return updatePullBranch(this.client, pull, headSha);
  }

  listCheckRuns(sha: string, limit: number): Promise<FoundCheckRun[]> {
    return listCheckRuns(this.client, sha, limit);
  }

  createCheckRun(input: CheckRunInput): Promise<number> {
    return createCheckRun(this.client, input);
  }

  updateCheckRun(id: number, input: Omit<CheckRunInput, "headSha">): Promise<"updated" | "missing"> {
    return updateCheckRun(this.client, id, input);
  }

  dispatchWorkflow(
    workflow: string,
    ref: string,
    inputs: Readonly<Record<string, string>>,
  ): Promise<DispatchedRun> {
    return this.workflows.dispatchWorkflow(workflow, ref, inputs);
  }

  listRuns(workflow: string, branch: string): Promise<FoundRun[]> {
    return this.workflows.listRuns(workflow, branch);
  }

  cancelRun(run: number): Promise<"cancelled" | "finished"> {
    return this.workflows.cancelRun(run);
  }
}
