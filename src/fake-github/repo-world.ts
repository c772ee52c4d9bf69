// One GitHub repository as the app's tests see it: issues, labels, comments, reactions, sub-issues and issue
// dependencies, refs, workflow dispatches and runs, collaborator permissions, the settings file and the state
// document, kept in memory and served through a strict nock scope. Every request still goes through the strict
// nock's OpenAPI check, and a request this world does not know is answered 599 and listed in `unknown`, which
// `assertClean` fails on. Tests then assert what a user would see in the repository, not a list of mocks.

import { createHash } from "node:crypto";
import type { Permission } from "../github/repo/repo-port.js";
import { routeWorld } from "./repo-world-routes.js";

export interface WorldUser {
  login: string;
  type: "User" | "Bot";
}

export interface WorldComment {
  id: number;
  body: string;
  user: WorldUser;
  reactions: string[];
}

export interface WorldIssue {
  number: number;
  id: number;
  title: string;
  body: string;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  user: WorldUser;
  comments: WorldComment[];
  subIssues: number[];
  blockedBy: number[];
}

export interface WorldRun {
  id: number;
  workflow: string;
  branch: string;
  title: string;
  inputs: Record<string, string>;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
}

export interface WorldPull {
  number: number;
  id: number;
  title: string;
  body: string;
  branch: string;
  headSha: string;
  base: string;
  state: "open" | "closed";
  merged: boolean;
  /** GitHub's mergeable_state: clean, behind, dirty … */
  mergeableState: string;
  author: WorldUser;
  files: { path: string; status: string; previousPath?: string }[];
}

export interface WorldCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  externalId: string | null;
  /** The app that made it: the Swarm Dispatch app's runs, or CI's. */
  app: "swarm" | "ci";
  title: string;
  summary: string;
  annotations: { path: string; annotation_level: string; message: string }[];
  startedAt: string;
}

export interface WorldOptions {
  owner?: string;
  repo?: string;
  /** The host answers sub-issue and dependency requests (github.com does; older Enterprise hosts do not). */
  subIssues?: boolean;
  dependencies?: boolean;
  /** workflow_dispatch answers with the run (200) rather than 204. */
  runDetails?: boolean;
  /** The workflow files on the default branch; a dispatch of another one is answered 404. */
  workflows?: string[];
  settings?: string | null;
  permissions?: Record<string, Permission>;
}

export const appBot: WorldUser = { login: "swarm-dispatch[bot]", type: "Bot" };

export class RepoWorld {
  readonly owner: string;
  /** Where links in answers point (pagination): api.github.com, or the fake server's own root. */
  apiBase = "https://api.github.com";
  readonly repo: string;
  readonly issues = new Map<number, WorldIssue>();
  readonly labels = new Map<string, { name: string; color: string; description: string }>();
  readonly refs = new Map<string, string>([["main", "c0ffee0000000000000000000000000000000000"]]);
  readonly runs: WorldRun[] = [];
  readonly pulls = new Map<number, WorldPull>();
  readonly checkRuns: WorldCheckRun[] = [];
  /** Pull requests merged through the API, in order. */
  readonly merges: number[] = [];
  readonly permissions: Map<string, Permission>;
  readonly unknown: string[] = [];
  readonly options: Required<Omit<WorldOptions, "owner" | "repo" | "permissions">>;
  settings: string | null;
  state: { text: string; sha: string } | null = null;
  /** Writes of the state document, and how many lost a compare-and-swap. */
  stateWrites = 0;
  stateConflicts = 0;
  /** Makes the next state writes fail as if another process had written first (a CAS race). */
  loseNextStateWrites = 0;
  /** The next `n` reads of the state document wait for each other, so that decisions overlap for sure. */
  private readBarrier: { size: number; waiting: (() => void)[] } | null = null;
  private nextId = 1000;
  private nextNumber = 1;

  constructor(options: WorldOptions = {}) {
    this.owner = options.owner ?? "acme";
    this.repo = options.repo ?? "shop";
    this.settings = options.settings ?? null;
    this.permissions = new Map(Object.entries(options.permissions ?? {}));
    this.options = {
      subIssues: options.subIssues ?? true,
      dependencies: options.dependencies ?? true,
      runDetails: options.runDetails ?? true,
      workflows: options.workflows ?? ["swarm-agent.yml"],
      settings: this.settings,
    };
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  id(): number {
    return this.nextId++;
  }

  /** A person's issue (a track issue, usually), numbered as GitHub would. */
  openIssue(input: { title: string; body: string; labels?: string[]; user?: WorldUser }): WorldIssue {
    const issue: WorldIssue = {
      number: this.nextNumber++,
      id: this.id(),
      title: input.title,
      body: input.body,
      state: "open",
      stateReason: null,
      labels: input.labels ?? [],
      user: input.user ?? { login: "mona", type: "User" },
      comments: [],
      subIssues: [],
      blockedBy: [],
    };
    this.issues.set(issue.number, issue);
    return issue;
  }

  issue(number: number): WorldIssue {
    const found = this.issues.get(number);
    if (!found) throw new Error(`no issue #${number} in the world`);
    return found;
  }

  /** Issues the app created, in creation order. */
  appIssues(): WorldIssue[] {
    return [...this.issues.values()].filter((issue) => issue.user.type === "Bot");
  }

  comments(number: number): WorldComment[] {
    return this.issue(number).comments;
  }

  sha(text: string): string {
    return createHash("sha1").update(text).digest("hex");
  }

  holdStateReads(size: number): void {
    this.readBarrier = { size, waiting: [] };
  }

  /** Resolves once `size` reads are waiting (or at once when no barrier is set). */
  stateRead(): Promise<void> {
    const barrier = this.readBarrier;
    if (!barrier) return Promise.resolve();
    return new Promise((resolve) => {
      barrier.waiting.push(resolve);
      if (barrier.waiting.length < barrier.size) return;
      this.readBarrier = null;
      for (const release of barrier.waiting) release();
    });
  }

  /** Answers one request (a path under the API root) as GitHub would; a request it does not know is answered
   *  599 and recorded in `unknown`. */
  async answer(method: string, path: string, query: URLSearchParams, body: unknown, accept: string) {
    if (method === "GET" && path.endsWith("/contents/state.json")) await this.stateRead();
    const answer = routeWorld(this, method, path, query, body, accept);
    if (answer !== null) return answer;
    this.unknown.push(`${method} ${path}${query.size > 0 ? `?${query}` : ""}`);
    return [599, { message: "this GitHub fake does not know that request" }] as const;
  }

  assertClean(): void {
    if (this.unknown.length > 0)
      throw new Error(`requests the world does not know:\n${this.unknown.join("\n")}`);
  }

  /** A pull request from `branch` (the Action's, by default: opened with the App's token). */
  openPull(input: Partial<WorldPull> & { branch: string; body: string }): WorldPull {
    const pull: WorldPull = {
      number: this.nextNumber++,
      id: this.id(),
      title: input.branch,
      base: "main",
      state: "open",
      merged: false,
      mergeableState: "clean",
      author: appBot,
      files: [],
      ...input,
      headSha: input.headSha ?? this.sha(`${input.branch}:${this.nextId}`),
    };
    this.pulls.set(pull.number, pull);
    return pull;
  }

  /** A CI check run on a commit, as another app (CI) would post it. */
  ciCheck(headSha: string, name: string, status: string, conclusion: string | null): WorldCheckRun {
    const run: WorldCheckRun = {
      id: this.id(),
      name,
      headSha,
      status,
      conclusion,
      externalId: null,
      app: "ci",
      title: name,
      summary: "",
      annotations: [],
      startedAt: "2026-12-06T09:00:00Z",
    };
    this.checkRuns.push(run);
    return run;
  }

  /** The app's check run of this name on a commit, the newest one. */
  check(headSha: string, name: string): WorldCheckRun | undefined {
    return this.checkRuns.filter((run) => run.headSha === headSha && run.name === name).at(-1);
  }

  nextIssueNumber(): number {
    return this.nextNumber++;
  }
}
