// The benchmark's variant of runTrackSession (src/fake-github/track/track-session.ts): the same pieces (the fake,
// the app in a child process, the runner with the scripted agent, scripted CI and people), but several track
// issues in one repository, each opened and then dispatched, and every webhook delivery timed. The fake sends
// one delivery at a time and says which one is being answered (`onAnswering`); the time between its start and
// its end is the app's whole answer to it (Probot answers after the handlers have finished).

import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type AppProcess, startAppProcess } from "../../src/fake-github/app/app-process.js";
import type { WorldIssue } from "../../src/fake-github/repo-world.js";
import { ActionRunner } from "../../src/fake-github/runner/action-runner.js";
import { ScriptedCi } from "../../src/fake-github/runner/scripted-ci.js";
import { FakeGitHub } from "../../src/fake-github/server/fake-github.js";
import { mona, personComments, personOpensIssue } from "../../src/fake-github/server/person.js";
import type { Scenario } from "../../src/fake-github/track/scenario.js";
import { ScriptedPeople } from "../../src/fake-github/track/scripted-people.js";
import { settled } from "../../src/fake-github/track/track-session.js";

export interface BenchTrack {
  title: string;
  body: string;
}

export interface BenchSessionOptions {
  tracks: BenchTrack[];
  scenario: Scenario;
  /** Where the scenario is, or will be written (the scripted agent reads it). */
  scenarioFile: string;
  writeScenario: boolean;
  workDir: string;
  appArgs: string[];
  root: string;
  /** Runs at once (runners of the repository). */
  concurrency: number;
  timeoutMs: number;
  /** A line now and then while the tracks run. */
  progress?: (line: string) => void;
}

export interface TimedDelivery {
  /** `event.action`. */
  name: string;
  ms: number;
}

export interface BenchSession {
  fake: FakeGitHub;
  runner: ActionRunner;
  tracks: WorldIssue[];
  outcome: "closed" | "stuck" | "timed-out";
  /** Requests served before the first /dispatch (reading the plans, creating the task issues). */
  setupRequests: number;
  deliveries: TimedDelivery[];
  /** The fake's own git commands (refs, merges, pull request files): part of what a delivery waits for. */
  git: { calls: number; ms: number };
  elapsedMs: number;
  appOutput: string;
  close(): Promise<void>;
}

const taskOf = (branch: string) => branch.split("/").at(-1) ?? branch;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runBenchSession(options: BenchSessionOptions): Promise<BenchSession> {
  const { scenario, root } = options;
  const started = performance.now();
  if (options.writeScenario) await writeFile(options.scenarioFile, JSON.stringify(scenario, null, 2));
  const workflow = await readFile(join(root, ".github/workflows/swarm-agent.yml"), "utf8");
  const fake = await FakeGitHub.start({
    dir: join(options.workDir, "repo.git"),
    files: { ...scenario.files, ".github/workflows/swarm-agent.yml": workflow },
    settings: scenario.settings,
    permissions: { mona: "admin" },
    webhookSecret: randomBytes(16).toString("hex"),
  });
  const deliveries: TimedDelivery[] = [];
  const git = { calls: 0, ms: 0 };
  const repo = fake.git;
  const command = repo.git.bind(repo);
  repo.git = async (args, input) => {
    const since = performance.now();
    try {
      return await command(args, input);
    } finally {
      git.calls += 1;
      git.ms += performance.now() - since;
    }
  };
  const answering = fake.webhooks.onAnswering;
  let current: { name: string; since: number } | null = null;
  fake.webhooks.onAnswering = (delivery) => {
    if (delivery) {
      const name = `${delivery.event}${delivery.action ? `.${delivery.action}` : ""}`;
      current = { name, since: performance.now() };
    } else if (current) {
      deliveries.push({ name: current.name, ms: performance.now() - current.since });
      current = null;
    }
    answering(delivery);
  };
  const runner = new ActionRunner(fake, {
    workDir: join(options.workDir, "runs"),
    actionEntry: join(root, "dist/index.js"),
    agentCommand: `node ${JSON.stringify(join(root, "fixtures/demo/scripted-agent.mjs"))}`,
    env: (run) => ({
      SWARM_SCENARIO: options.scenarioFile,
      SWARM_SCENARIO_ATTEMPT: run.inputs.attempt ?? "1",
    }),
    inputs: { "timeout-minutes": "5" },
    concurrency: options.concurrency,
  });
  fake.events.runner = runner;
  const failFirst = new Set(scenario.ci.failFirstPush);
  fake.events.ci = new ScriptedCi(fake, (pull, push) =>
    push === 1 && failFirst.has(taskOf(pull.branch)) ? "failure" : "success",
  );
  const people = new ScriptedPeople(fake, scenario);

  let app: AppProcess | null = null;
  const close = async () => {
    runner.stopAll();
    await app?.kill();
    await fake.close();
  };
  try {
    app = await startAppProcess(fake, { args: options.appArgs, cwd: root });
    fake.deliverTo([app.webhookUrl]);
    const tracks = options.tracks.map((track) =>
      personOpensIssue(fake, { title: track.title, body: track.body, labels: ["swarm:track"] }),
    );
    await settled(fake, runner, people);
    const setupRequests = fake.requests.length;
    for (const track of tracks) personComments(fake, track.number, "/dispatch", mona);
    const timer = setInterval(() => {
      const merged = [...fake.world.pulls.values()].filter((pull) => pull.merged).length;
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      options.progress?.(
        `${seconds} s: ${merged} merged, ${fake.requests.length} requests, ${deliveries.length} deliveries`,
      );
    }, 15_000);
    const outcome = await untilAllClosed(fake, runner, people, tracks, options.timeoutMs).finally(() =>
      clearInterval(timer),
    );
    await settled(fake, runner, people);
    return {
      fake,
      runner,
      tracks,
      outcome,
      setupRequests,
      deliveries,
      git,
      elapsedMs: performance.now() - started,
      appOutput: app.output(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function untilAllClosed(
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
