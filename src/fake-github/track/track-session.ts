// One track, start to end, on the fake: a repository with the scenario's files and settings, the app running as
// in production against it, a runner that runs this repository's Action with the scripted agent, scripted CI and
// people; a person opens the track issue with the plan and says /dispatch, and the session waits until the
// track issue is closed (or nothing more happens, or time runs out). What happened is read from the fake.

import { type AppProcess, startAppProcess } from "../app/app-process.js";
import type { WorldIssue } from "../repo-world.js";
import type { ActionRunner } from "../runner/action-runner.js";
import type { FakeGitHub } from "../server/fake-github.js";
import { mona, personComments, personOpensIssue } from "../server/person.js";
import type { Scenario } from "./scenario.js";
import { startScenarioRepo, taskOfBranch } from "./scenario-repo.js";
import type { ScriptedPeople } from "./scripted-people.js";

export interface TrackSessionOptions {
  planText: string;
  scenario: Scenario;
  /** The scenario's file: the scripted agent reads its tasks from it. */
  scenarioFile: string;
  workDir: string;
  /** How to start the app's entry point (see startAppProcess). */
  appArgs: string[];
  /** The project's root: the Action (dist/index.js), the agent workflow and the scripted agent are found there. */
  root: string;
  /** Each thing of note as it happens, for a live display. */
  onNote?: (note: SessionNote) => void;
  timeoutMs?: number;
}

export type SessionNote =
  | {
      kind: "run";
      task: string;
      attempt: number;
      state: "queued" | "in_progress" | "completed";
      conclusion: string | null;
    }
  | { kind: "pull"; task: string; number: number; state: "opened" | "synchronize" | "merged" | "closed" }
  | { kind: "check"; task: string; name: string; conclusion: string }
  | { kind: "comment"; issue: number; by: string; firstLine: string }
  | { kind: "track"; state: "opened" | "closed" };

export interface RunSpan {
  task: string;
  attempt: number;
  startMs: number;
  endMs: number | null;
  conclusion: string | null;
}

export interface TrackSessionResult {
  fake: FakeGitHub;
  track: WorldIssue;
  outcome: "closed" | "stuck" | "timed-out";
  /** `task/attempt`, in the order the app dispatched them. */
  dispatches: string[];
  spans: RunSpan[];
  elapsedMs: number;
  appOutput: string;
  runner: ActionRunner;
  people: ScriptedPeople;
  /** Stops what is left (the app process, runs); call when done reading. */
  close(): Promise<void>;
}

const taskOf = taskOfBranch;

export async function runTrackSession(options: TrackSessionOptions): Promise<TrackSessionResult> {
  const { root } = options;
  const started = Date.now();
  const { fake, runner, people } = await startScenarioRepo(options);
  const spans: RunSpan[] = [];
  const dispatches: string[] = [];
  const note = options.onNote ?? (() => {});
  fake.events.listen((name, payload) => {
    const now = Date.now() - started;
    if (name.startsWith("workflow_run.")) {
      const run = payload.workflow_run as {
        id: number;
        head_branch: string;
        status: string;
        conclusion: string | null;
      };
      const found = fake.world.runs.find((candidate) => candidate.id === run.id);
      const task = found?.inputs.task ?? taskOf(run.head_branch);
      const attempt = Number(found?.inputs.attempt ?? 1);
      const state = run.status as "queued" | "in_progress" | "completed";
      if (name === "workflow_run.requested") {
        dispatches.push(`${task}/${attempt}`);
        spans.push({ task, attempt, startMs: now, endMs: null, conclusion: null });
      }
      const span = spans.find((candidate) => candidate.task === task && candidate.attempt === attempt);
      if (span && name === "workflow_run.in_progress") span.startMs = now;
      if (span && name === "workflow_run.completed") {
        span.endMs = now;
        span.conclusion = run.conclusion;
      }
      note({ kind: "run", task, attempt, state, conclusion: run.conclusion });
    } else if (name.startsWith("pull_request.")) {
      const pull = payload.pull_request as { number: number; merged?: boolean; head: { ref: string } };
      const action = String(payload.action);
      if (["opened", "synchronize", "closed"].includes(action))
        note({
          kind: "pull",
          task: taskOf(pull.head.ref),
          number: pull.number,
          state:
            action === "closed" ? (pull.merged ? "merged" : "closed") : (action as "opened" | "synchronize"),
        });
    } else if (name === "check_run.completed") {
      const run = payload.check_run as { name: string; conclusion: string; head_sha: string };
      const pull = [...fake.world.pulls.values()].find((candidate) => candidate.headSha === run.head_sha);
      if (pull)
        note({ kind: "check", task: taskOf(pull.branch), name: run.name, conclusion: run.conclusion });
    } else if (name === "issue_comment.created") {
      const comment = payload.comment as { body: string; user: { login: string } };
      const issue = payload.issue as { number: number };
      note({
        kind: "comment",
        issue: issue.number,
        by: comment.user.login,
        firstLine: comment.body.split("\n")[0] ?? "",
      });
    }
  });

  let app: AppProcess | null = null;
  const close = async () => {
    runner.stopAll();
    await app?.kill();
    await fake.close();
  };
  try {
    app = await startAppProcess(fake, { args: options.appArgs, cwd: root });
    fake.deliverTo([app.webhookUrl]);
    const track = personOpensIssue(fake, {
      title: "Track: demo-add-caching",
      body: options.planText,
      labels: ["swarm:track"],
    });
    note({ kind: "track", state: "opened" });
    await settled(fake, runner, people);
    personComments(fake, track.number, "/dispatch", mona);
    const outcome = await untilClosed(fake, runner, people, [track], options.timeoutMs ?? 180_000);
    if (outcome === "closed") note({ kind: "track", state: "closed" });
    await settled(fake, runner, people);
    return {
      fake,
      track,
      outcome,
      dispatches,
      spans,
      elapsedMs: Date.now() - started,
      appOutput: app.output(),
      runner,
      people,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nothing in flight: no delivery, no run, no person about to act, and no request for a while. */
export async function settled(fake: FakeGitHub, runner: ActionRunner, people: ScriptedPeople, quietMs = 400) {
  for (;;) {
    await fake.webhooks.idle();
    await runner.idle();
    const seen = fake.requests.length;
    await sleep(quietMs);
    if (!fake.webhooks.busy && !runner.busy && !people.busy && fake.requests.length === seen) return;
  }
}

/** Waits until every track issue is closed, or nothing has happened for 5 s (stuck), or time is up. */
export async function untilClosed(
  fake: FakeGitHub,
  runner: ActionRunner,
  people: ScriptedPeople,
  tracks: readonly WorldIssue[],
  timeoutMs: number,
): Promise<"closed" | "stuck" | "timed-out"> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  let seen = -1;
  while (Date.now() < deadline) {
    if (tracks.every((track) => track.state === "closed")) return "closed";
    const activity = fake.requests.length + fake.webhooks.made.length;
    if (activity !== seen || fake.webhooks.busy || runner.busy || people.busy) {
      seen = activity;
      quietSince = Date.now();
    } else if (Date.now() - quietSince > 5_000) {
      return "stuck";
    }
    await sleep(100);
  }
  return "timed-out";
}
