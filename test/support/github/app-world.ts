// The real app (createSwarmDispatchApp) under Probot, against a RepoWorld served through the strict nock, with
// a test clock and background work the test runs when it chooses. Deliveries are GitHub's documented webhook
// examples retargeted to the world's repository, issue and people.

import { randomUUID } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import {
  RepoWorld,
  type WorldIssue,
  type WorldOptions,
  type WorldRun,
  type WorldUser,
} from "../../../src/fake-github/repo-world.js";
import {
  adaptPayload,
  examplePayload,
  type PayloadChanges,
} from "../../../src/fake-github/webhook-examples.js";
import { createSwarmDispatchApp } from "../../../src/github/app.js";
import type { AppOptions } from "../../../src/github/app-options.js";
import { createProbotHarness, type ProbotHarness } from "./probot-harness.js";
import { serveWorld } from "./serve-world.js";
import { createStrictNock, finishStrictNock, type StrictNock } from "./strict-nock.js";

export const installationId = 4242;

export interface AppWorld {
  world: RepoWorld;
  strict: StrictNock;
  /** The app instances (two for a race), all against the one world. */
  apps: ProbotHarness[];
  clock: { now: number };
  background: (() => Promise<void>)[];
  /** Ticks the app asked for (retry backoffs), with the time they are due. */
  wakes: { at: number; tick: () => Promise<void> }[];
  /** One round of the periodic reconcile, by app instance. */
  reconcile(app?: number): Promise<number>;
  /** Moves the clock to `now` and runs every tick due by then, as the app's timers would. */
  advance(now: number): Promise<void>;
  deliver(name: string, payload: object, options?: { id?: string; app?: number }): Promise<void>;
  /** Runs the background work queued so far (and what it queues), as a process would after answering. */
  drainBackground(): Promise<void>;
}

export interface AppWorldOptions extends WorldOptions {
  instances?: number;
  app?: Partial<AppOptions>;
}

export async function createAppWorld(options: AppWorldOptions = {}): Promise<AppWorld> {
  const world = new RepoWorld(options);
  const strict = createStrictNock();
  const clock = { now: Date.UTC(2026, 11, 6, 9, 0) };
  const background: (() => Promise<void>)[] = [];
  const wakes: AppWorld["wakes"] = [];
  const reconciles: (() => Promise<number>)[] = [];
  const apps: ProbotHarness[] = [];
  for (let k = 0; k < (options.instances ?? 1); k++) {
    const app = createSwarmDispatchApp({
      clock: () => clock.now,
      owner: `instance-${k + 1}`,
      background: (job) => background.push(job),
      wake: (at, tick) => wakes.push({ at, tick }),
      reconcile: (run) => reconciles.push(run),
      ...options.app,
    });
    apps.push(await createProbotHarness(app, { strict }));
  }
  serveWorld(world, strict.scope());
  return {
    world,
    strict,
    apps,
    clock,
    background,
    wakes,
    reconcile: (app = 0) => (reconciles[app] as () => Promise<number>)(),
    async advance(now) {
      clock.now = now;
      const due = wakes.filter((wake) => wake.at <= now);
      wakes.splice(0, wakes.length, ...wakes.filter((wake) => wake.at > now));
      for (const wake of due) await wake.tick();
    },
    deliver: (name, payload, { id = randomUUID(), app = 0 } = {}) =>
      (apps[app] as ProbotHarness).receive(name, payload, id),
    async drainBackground() {
      while (background.length > 0) await (background.shift() as () => Promise<void>)();
    },
  };
}

/** A fresh AppWorld per test; afterwards the strict nock and the world must both be clean. */
export function useAppWorld(options: AppWorldOptions = {}): () => AppWorld {
  let current: AppWorld | undefined;
  beforeEach(async () => {
    current = await createAppWorld(options);
  });
  afterEach(() => {
    const done = current;
    current = undefined;
    try {
      done?.world.assertClean();
    } finally {
      finishStrictNock(done?.strict);
    }
  });
  return () => {
    if (!current) throw new Error("useAppWorld(): only inside a test");
    return current;
  };
}

const person: WorldUser = { login: "mona", type: "User" };

/** A webhook example retargeted to a world issue as it is now (its author, state, labels, body). */
function aboutIssue(
  world: RepoWorld,
  issue: WorldIssue,
  example: object,
  changes: PayloadChanges,
): Record<string, unknown> {
  const payload = adaptPayload(example, {
    installationId,
    owner: world.owner,
    repo: world.repo,
    issueNumber: issue.number,
    issueTitle: issue.title,
    issueBody: issue.body,
    labels: issue.labels,
    ...changes,
  }) as Record<string, unknown>;
  const target = payload.issue as Record<string, unknown>;
  target.user = { login: issue.user.login, type: issue.user.type, id: 1 };
  target.state = issue.state;
  target.id = issue.id;
  delete target.pull_request;
  return payload;
}

/** An `issues.<action>` delivery about a world issue, sent by `sender`. */
export function issuesPayload(
  world: RepoWorld,
  issue: WorldIssue,
  action: "opened" | "edited" | "labeled" | "reopened",
  sender: WorldUser = person,
  extra: { label?: string; changes?: object } = {},
): object {
  const payload = aboutIssue(world, issue, examplePayload("issues", action), {
    ...(extra.label === undefined ? {} : { label: extra.label }),
    author: sender,
  });
  if (action === "edited") payload.changes = extra.changes ?? { body: { from: "(before)" } };
  return payload;
}

/** An `issue_comment.created` delivery: `author` wrote `body` on the world issue (the comment is added too). */
export function commentPayload(
  world: RepoWorld,
  issue: WorldIssue,
  body: string,
  author: WorldUser = person,
): object {
  const comment = { id: world.id(), body, user: author, reactions: [] as string[] };
  issue.comments.push(comment);
  const payload = aboutIssue(world, issue, examplePayload("issue_comment", "created"), { body, author });
  (payload.comment as Record<string, unknown>).id = comment.id;
  return payload;
}

/** A `workflow_run` delivery for a run the world holds, as GitHub sends it when the run starts or ends. */
export function workflowRunPayload(
  world: RepoWorld,
  run: WorldRun,
  action: "in_progress" | "completed",
): object {
  const payload = adaptPayload(
    examplePayload("workflow_run", action === "completed" ? "completed" : "requested"),
    {
      installationId,
      owner: world.owner,
      repo: world.repo,
    },
  ) as Record<string, unknown>;
  payload.action = action;
  Object.assign(payload.workflow_run as object, {
    id: run.id,
    name: "swarm-agent",
    display_title: run.title,
    path: `.github/workflows/${run.workflow}`,
    head_branch: run.branch,
    event: "workflow_dispatch",
    status: run.status,
    conclusion: run.conclusion,
    html_url: `https://github.com/${world.fullName}/actions/runs/${run.id}`,
  });
  return payload;
}
