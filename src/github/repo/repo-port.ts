// What the app asks of one GitHub repository, as an interface: the effect applier, the handlers and /resume
// depend on this, never on Octokit, so the same code runs against GitHub (octokit-repo.ts) and a test's fake.
// Every method either does what it says or throws a RepoError (errors.ts); "already there" answers are results,
// not errors, so callers can ensure things idempotently.

import type { LabelSpec } from "../labels/index.js";

/** A person's role on the repository, highest first. */
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface IssueRef {
  number: number;
  /** The REST id, which sub-issues and issue dependencies take. */
  id: number;
}

export interface FoundIssue extends IssueRef {
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  author: { login: string; type: string } | null;
  /** Pull requests are issues to the issues API; the app skips them. */
  isPullRequest: boolean;
}

export interface FoundComment {
  id: number;
  body: string;
  author: { login: string; type: string } | null;
}

export interface FoundPull {
  number: number;
  state: "open" | "closed";
  merged: boolean;
  headRef: string;
  headSha: string;
  body: string;
}

/** What a workflow dispatch returned: the run, where GitHub says (`return_run_details`). */
export interface DispatchedRun {
  id: number | null;
  url: string | null;
}

export interface FoundRun {
  id: number;
  url: string;
  /** The run's name (the agent workflow's `run-name`, which carries track, task and attempt). */
  title: string;
  branch: string | null;
  status: string | null;
  conclusion: string | null;
  createdAt: string;
}

/** A pull request read whole: what the checks, the merge and the report need. */
export interface PullDetail extends FoundPull {
  baseRef: string;
  /** Who opened it (the Action's App for a task pull request). */
  author: { login: string; type: string } | null;
  /** Whether its head is a branch of this repository (not a fork). */
  sameRepository: boolean;
  /** GitHub's mergeability: null while it is still computing. */
  mergeable: boolean | null;
  /** `clean`, `behind`, `dirty` (conflicts), `blocked`, `unstable`, `unknown` … as GitHub says. */
  mergeableState: string;
}

export interface ChangedFile {
  /** The path after the change (a rename's new name). */
  path: string;
  /** The path before a rename, or null. */
  previousPath: string | null;
  status: string;
}

/** A check run as GitHub lists it on a commit. */
export interface FoundCheckRun {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  /** The GitHub App that made it (null for commit statuses shown as checks). */
  appId: number | null;
  externalId: string | null;
  startedAt: string | null;
}

export type CheckConclusion =
  | "success"
  | "failure"
  | "neutral"
  | "cancelled"
  | "timed_out"
  | "action_required";

export interface CheckAnnotation {
  path: string;
  startLine: number;
  endLine: number;
  level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export interface CheckRunInput {
  name: string;
  headSha: string;
  /** The natural key of this check (track, unit, what): the app finds it again by it. */
  externalId: string;
  status: "queued" | "in_progress" | "completed";
  conclusion?: CheckConclusion;
  title: string;
  /** At most 65,535 bytes; longer text is cut by the caller. */
  summary: string;
  text?: string;
  /** At most 50 per request; the implementation sends more in further updates of the same run. */
  annotations?: readonly CheckAnnotation[];
}

export type Reaction = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export interface RepoPort {
  readonly owner: string;
  readonly name: string;

  /** The person's permission on this repository (`none` for someone who is not a collaborator). */
  permissionOf(login: string): Promise<Permission>;

  /** Creates the labels that do not exist yet (by name, ignoring case); existing ones are left as they are. */
  ensureLabels(specs: readonly LabelSpec[]): Promise<void>;

  getIssue(issue: number): Promise<FoundIssue | null>;
  /** Issues (not pull requests) carrying every one of `labels`, oldest first, at most `limit` of them. */
  listIssues(labels: readonly string[], state: "open" | "all", limit: number): Promise<FoundIssue[]>;
  createIssue(input: { title: string; body: string; labels: readonly string[] }): Promise<IssueRef>;
  updateIssue(
    issue: number,
    change: {
      body?: string;
      state?: "open" | "closed";
      stateReason?: "completed" | "not_planned" | "reopened";
    },
  ): Promise<void>;
  /** Adds labels; returns the issue's labels afterwards. */
  addLabels(issue: number, labels: readonly string[]): Promise<string[]>;
  /** Removes a label; one the issue does not carry is fine. */
  removeLabel(issue: number, label: string): Promise<void>;
  /** `unsupported` where the host has no sub-issues (older GitHub Enterprise) or the parent is full. */
  addSubIssue(parent: number, child: IssueRef): Promise<"added" | "exists" | "unsupported">;
  /** `unsupported` where the host has no issue dependencies. */
  addBlockedBy(issue: number, blocker: IssueRef): Promise<"added" | "exists" | "unsupported">;

  createComment(issue: number, body: string): Promise<number>;
  /** `missing` when the comment was deleted. */
  updateComment(comment: number, body: string): Promise<"updated" | "missing">;
  /** The first comment on the issue whose body passes `test`, reading at most `limit` comments. */
  findComment(issue: number, test: (body: string) => boolean, limit: number): Promise<FoundComment | null>;
  react(comment: number, content: Reaction): Promise<void>;

  defaultBranch(): Promise<string>;
  /** The commit a branch points at, or null when there is no such branch. */
  branchHead(branch: string): Promise<string | null>;
  createBranch(branch: string, sha: string): Promise<"created" | "exists">;
  /** Branches whose names start with `prefix` (e.g. `swarm/12/`). */
  listBranches(prefix: string): Promise<{ name: string; sha: string }[]>;
  /** Pull requests whose head is this branch of this repository, newest first. */
  listPulls(branch: string): Promise<FoundPull[]>;
  /** One pull request with its mergeability, or null when there is none of that number. */
  getPull(pull: number): Promise<PullDetail | null>;
  /** The files a pull request changes, at most `limit` of them (GitHub lists at most 3,000). */
  listPullFiles(pull: number, limit: number): Promise<ChangedFile[]>;
  /** Merges it (squash); `refused` when GitHub will not (checks, conflicts, review rules), with its reason. */
  mergePull(pull: number, sha: string): Promise<{ merged: true } | { merged: false; reason: string }>;
  /** Merges the base into the head (update-branch); `conflict` when that does not merge cleanly. */
  updatePullBranch(pull: number, headSha: string): Promise<"updated" | "conflict">;

  /** Check runs on a commit (every app's), at most `limit`. */
  listCheckRuns(sha: string, limit: number): Promise<FoundCheckRun[]>;
  /** Creates a check run, sending annotations past the first 50 in further updates; returns its id. */
  createCheckRun(input: CheckRunInput): Promise<number>;
  /** Updates a check run the app made (same rules for annotations); `missing` when it is gone. */
  updateCheckRun(id: number, input: Omit<CheckRunInput, "headSha">): Promise<"updated" | "missing">;

  /** Starts a `workflow_dispatch` run of `workflow` (a file name in .github/workflows) on `ref`. */
  dispatchWorkflow(
    workflow: string,
    ref: string,
    inputs: Readonly<Record<string, string>>,
  ): Promise<DispatchedRun>;
  /** Runs of the workflow on the branch, newest first (at most a page). */
  listRuns(workflow: string, branch: string): Promise<FoundRun[]>;
  /** `finished` when the run had already ended (nothing to cancel). */
  cancelRun(run: number): Promise<"cancelled" | "finished">;
}
