// What the fake tells the app about: after a request changed something, the webhooks GitHub would send for it
// (an issue opened, closed, labelled; a comment; a pull request opened, edited, synchronized, merged; a check run;
// a workflow run), a runner started for a dispatch, and CI run on every new pull request head. Listeners (the
// scripted people of a scenario) see each webhook as it is emitted.

import { appBot, type WorldPull, type WorldRun, type WorldUser } from "../repo-world.js";
import type { Answer } from "../repo-world-route.js";
import {
  checkRunEvent,
  issueCommentEvent,
  issuesEvent,
  pullRequestEvent,
  workflowRunEvent,
} from "../webhooks/webhook-payloads.js";
import type { FakeGitHub } from "./fake-github.js";
import type { GitRouteEffects } from "./git-routes.js";

export interface Runner {
  start(run: WorldRun): void;
  cancel(id: number): void;
}

export interface Ci {
  /** A pull request has a new head commit: CI runs on it. */
  onHead(pull: WorldPull): void;
}

export type Listener = (name: string, payload: Record<string, unknown>) => void;

interface Before {
  issue?: { state: string; title: string; body: string; labels: string[] };
  checkStatus?: string;
  runs?: number;
}

export class FakeEvents implements GitRouteEffects {
  runner: Runner | null = null;
  ci: Ci | null = null;
  private readonly listeners: Listener[] = [];

  constructor(private readonly fake: FakeGitHub) {}

  listen(listener: Listener): void {
    this.listeners.push(listener);
  }

  emit(event: { name: string; payload: Record<string, unknown> }): void {
    this.fake.emit(event.name, event.payload);
    for (const listener of this.listeners) listener(event.name, event.payload);
  }

  before(method: string, rest: string): Before {
    const world = this.fake.world;
    const issue = /^\/issues\/(\d+)(?:\/labels.*)?$/.exec(rest);
    if (issue && method !== "GET") {
      const found = world.issues.get(Number(issue[1]));
      if (found)
        return {
          issue: { state: found.state, title: found.title, body: found.body, labels: [...found.labels] },
        };
    }
    const check = /^\/check-runs\/(\d+)$/.exec(rest);
    if (check && method === "PATCH")
      return { checkStatus: world.checkRuns.find((run) => run.id === Number(check[1]))?.status ?? "" };
    if (method === "POST" && /^\/actions\/workflows\/[^/]+\/dispatches$/.test(rest))
      return { runs: world.runs.length };
    return {};
  }

  async after(
    method: string,
    rest: string,
    before: Before,
    answer: Answer,
    sender: WorldUser,
  ): Promise<void> {
    const world = this.fake.world;
    const [, body] = answer;
    const result = (body ?? {}) as Record<string, unknown>;
    if (method === "POST" && rest === "/issues") {
      const issue = world.issues.get(Number(result.number));
      if (issue) this.emit(issuesEvent(world, issue, "opened", sender));
      return;
    }
    const issueMatch = /^\/issues\/(\d+)(\/labels(?:\/.+)?|\/comments)?$/.exec(rest);
    if (issueMatch && method !== "GET") {
      const issue = world.issues.get(Number(issueMatch[1]));
      if (!issue) return;
      if (issueMatch[2] === "/comments" && method === "POST") {
        const comment = issue.comments.find((candidate) => candidate.id === Number(result.id));
        if (comment) this.emit(issueCommentEvent(world, issue, comment, sender));
        return;
      }
      const was = before.issue;
      if (!was) return;
      for (const label of issue.labels.filter((name) => !was.labels.includes(name)))
        this.emit(issuesEvent(world, issue, "labeled", sender, { label }));
      for (const label of was.labels.filter((name) => !issue.labels.includes(name)))
        this.emit(issuesEvent(world, issue, "unlabeled", sender, { label }));
      if (was.title !== issue.title || was.body !== issue.body)
        this.emit(
          issuesEvent(world, issue, "edited", sender, {
            changes: was.body !== issue.body ? { body: { from: was.body } } : { title: { from: was.title } },
          }),
        );
      if (was.state !== issue.state)
        this.emit(issuesEvent(world, issue, issue.state === "closed" ? "closed" : "reopened", sender));
      return;
    }
    if (method === "POST" && rest === "/check-runs") {
      const run = world.checkRuns.find((candidate) => candidate.id === Number(result.id));
      if (run) this.emit(checkRunEvent(world, run, run.status === "completed" ? "completed" : "created"));
      return;
    }
    const check = /^\/check-runs\/(\d+)$/.exec(rest);
    if (check && method === "PATCH") {
      const run = world.checkRuns.find((candidate) => candidate.id === Number(check[1]));
      if (run && run.status === "completed" && before.checkStatus !== "completed")
        this.emit(checkRunEvent(world, run, "completed"));
      return;
    }
    if (before.runs !== undefined) {
      for (const run of world.runs.slice(before.runs)) {
        this.emit(workflowRunEvent(world, run, "requested"));
        this.runner?.start(run);
      }
      return;
    }
    const cancel = /^\/actions\/runs\/(\d+)\/cancel$/.exec(rest);
    if (cancel && method === "POST") this.runner?.cancel(Number(cancel[1]));
  }

  pullOpened(pull: WorldPull, sender: WorldUser): void {
    this.emit(pullRequestEvent(this.fake.world, pull, "opened", sender));
    this.ci?.onHead(pull);
  }

  pullEdited(pull: WorldPull, sender: WorldUser): void {
    this.emit(pullRequestEvent(this.fake.world, pull, "edited", sender));
  }

  pullMerged(pull: WorldPull, sender: WorldUser): void {
    this.emit(pullRequestEvent(this.fake.world, pull, "closed", sender));
  }

  async refMoved(branch: string, sender: WorldUser): Promise<void> {
    const world = this.fake.world;
    const heads = new Map([...world.pulls.values()].map((pull) => [pull.number, pull.headSha]));
    await this.fake.refreshPulls(branch);
    for (const pull of world.pulls.values()) {
      if (pull.state !== "open" || heads.get(pull.number) === pull.headSha) continue;
      this.emit(
        pullRequestEvent(world, pull, "synchronize", sender, {
          before: heads.get(pull.number) ?? "",
          after: pull.headSha,
        }),
      );
      this.ci?.onHead(pull);
    }
  }

  /** The post-receive hook's report of a push: `old new ref` lines. */
  async pushed(lines: string): Promise<void> {
    for (const line of lines.split("\n")) {
      const [, sha, ref] = line.trim().split(" ");
      // Only what git itself writes: a 40-hex id and a branch ref (the hook's input, nothing else trusted).
      if (!sha || !/^[0-9a-f]{40}$/.test(sha) || !ref?.startsWith("refs/heads/") || ref.length > 300)
        continue;
      const branch = ref.slice("refs/heads/".length);
      if (/^0+$/.test(sha)) this.fake.world.refs.delete(branch);
      else this.fake.world.refs.set(branch, sha);
      await this.refMoved(branch, appBot);
    }
  }
}
