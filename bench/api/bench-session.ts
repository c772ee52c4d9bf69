// The benchmark's variant of runTrackSession (src/fake-github/track/track-session.ts): the same pieces (the fake,
// the app in a child process, the runner with the scripted agent, scripted CI and people), but several track
// issues in one repository, each opened and then dispatched, and every webhook delivery timed. The fake sends
// one delivery at a time and says which one is being answered (`onAnswering`); the time between its start and
// its end is the app's whole answer to it (Probot answers after the handlers have finished).

import { writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { type AppProcess, startAppProcess } from "../../src/fake-github/app/app-process.js";
import type { WorldIssue } from "../../src/fake-github/repo-world.js";
import type { ActionRunner } from "../../src/fake-github/runner/action-runner.js";
import type { FakeGitHub } from "../../src/fake-github/server/fake-github.js";
import { mona, personComments, personOpensIssue } from "../../src/fake-github/server/person.js";
import type { Scenario } from "../../src/fake-github/track/scenario.js";
import { startScenarioRepo } from "../../src/fake-github/track/scenario-repo.js";
import { settled, untilClosed } from "../../src/fake-github/track/track-session.js";

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

export async function runBenchSession(options: BenchSessionOptions): Promise<BenchSession> {
  const { scenario, root } = options;
  const started = performance.now();
  if (options.writeScenario) await writeFile(options.scenarioFile, JSON.stringify(scenario, null, 2));
  const { fake, runner, people } = await startScenarioRepo(options);
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
    const outcome = await untilClosed(fake, runner, people, tracks, options.timeoutMs).finally(() =>
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
