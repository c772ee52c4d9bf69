// A simulated Actions runner: for each workflow dispatch the fake received, it does what the agent workflow's
// job does on GitHub (check out the task branch with full history, run this repository's Action with a token
// for the installation), in a child process, with a scripted agent in place of Claude Code. The run goes
// queued → in_progress → completed, with a webhook at each step, and ends as the Action's exit code says.

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { WorldRun } from "../repo-world.js";
import type { Runner } from "../server/fake-events.js";
import type { FakeGitHub } from "../server/fake-github.js";
import { workflowRunEvent } from "../webhooks/webhook-payloads.js";

const exec = promisify(execFile);

export interface ActionRunnerOptions {
  /** Where each run's checkout and temporary folder go. */
  workDir: string;
  /** The Action's entry point: this repository's dist/index.js. */
  actionEntry: string;
  /** The agent-command input (a bash command line). */
  agentCommand: string;
  /** Extra environment for the Action's step (the agent inherits it): a scenario file, say. */
  env?: (run: WorldRun) => Record<string, string>;
  /** Inputs beyond track, task and attempt (label-prefix, timeout-minutes …). */
  inputs?: Record<string, string>;
  /** Each line the Action prints, with its run. */
  onLog?: (run: WorldRun, line: string) => void;
  /** How many runs go at once (runners of the repository); the others wait queued. */
  concurrency?: number;
}

export interface RunRecord {
  run: WorldRun;
  exitCode: number | null;
  output: string;
}

export class ActionRunner implements Runner {
  readonly records: RunRecord[] = [];
  private readonly children = new Map<number, ChildProcess>();
  private readonly cancelled = new Set<number>();
  private readonly waiting: WorldRun[] = [];
  private active = 0;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly fake: FakeGitHub,
    private readonly options: ActionRunnerOptions,
  ) {}

  start(run: WorldRun): void {
    this.waiting.push(run);
    this.pump();
  }

  cancel(id: number): void {
    this.cancelled.add(id);
    const child = this.children.get(id);
    if (child?.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    }
    const queued = this.waiting.findIndex((run) => run.id === id);
    if (queued >= 0) {
      const [run] = this.waiting.splice(queued, 1);
      if (run) this.finish(run, "cancelled");
    }
  }

  get busy(): boolean {
    return this.active > 0 || this.waiting.length > 0;
  }

  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops every run still going (the test is over). */
  stopAll(): void {
    for (const id of [...this.children.keys()]) this.cancel(id);
  }

  private pump(): void {
    while (this.active < (this.options.concurrency ?? 8) && this.waiting.length > 0) {
      const run = this.waiting.shift() as WorldRun;
      this.active += 1;
      void this.execute(run)
        .catch((error) => {
          this.fake.problems.push(`runner: run ${run.id} failed to start: ${String(error)}`);
          this.finish(run, "failure");
        })
        .finally(() => {
          this.active -= 1;
          this.pump();
          if (!this.busy) for (const wake of this.idleWaiters.splice(0)) wake();
        });
    }
  }

  private async execute(run: WorldRun): Promise<void> {
    if (run.status === "completed") return;
    const world = this.fake.world;
    run.status = "in_progress";
    this.fake.events.emit(workflowRunEvent(world, run, "in_progress"));
    const root = join(this.options.workDir, `run-${run.id}`);
    const workspace = join(root, "work");
    const temp = join(root, "tmp");
    await mkdir(temp, { recursive: true });
    await exec("git", ["clone", "--quiet", "--branch", run.branch, this.fake.git.dir, workspace]);
    const output = join(temp, "output");
    const summary = join(temp, "summary");
    await writeFile(output, "");
    await writeFile(summary, "");
    const inputs: Record<string, string> = {
      track: run.inputs.track ?? "",
      task: run.inputs.task ?? "",
      attempt: run.inputs.attempt ?? "",
      "agent-command": this.options.agentCommand,
      "github-token": this.fake.mintToken("action"),
      "checkpoint-minutes": "0",
      ...this.options.inputs,
    };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? root,
      GITHUB_ACTIONS: "true",
      GITHUB_REPOSITORY: world.fullName,
      GITHUB_API_URL: this.fake.apiUrl,
      GITHUB_SERVER_URL: this.fake.url,
      GITHUB_WORKSPACE: workspace,
      GITHUB_RUN_ID: String(run.id),
      GITHUB_REF: `refs/heads/${run.branch}`,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: temp,
      ...this.options.env?.(run),
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
      ),
    };
    const child = spawn(process.execPath, [this.options.actionEntry], {
      cwd: workspace,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.children.set(run.id, child);
    let text = "";
    const take = (chunk: Buffer) => {
      const piece = chunk.toString("utf8");
      text += piece;
      for (const line of piece.split("\n")) if (line.trim() !== "") this.options.onLog?.(run, line);
    };
    child.stdout?.on("data", take);
    child.stderr?.on("data", take);
    const code = await new Promise<number | null>((resolve) => child.on("close", (exit) => resolve(exit)));
    this.children.delete(run.id);
    this.records.push({ run, exitCode: code, output: text });
    this.finish(run, this.cancelled.has(run.id) ? "cancelled" : code === 0 ? "success" : "failure");
  }

  private finish(run: WorldRun, conclusion: string): void {
    if (run.status === "completed" && run.conclusion !== null && conclusion !== "cancelled") return;
    run.status = "completed";
    run.conclusion = conclusion;
    this.fake.events.emit(workflowRunEvent(this.fake.world, run, "completed"));
  }
}
