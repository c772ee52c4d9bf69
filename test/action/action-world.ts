// The Action's world in a test: a real bare git remote, a workspace checked out on the task branch (as
// actions/checkout leaves it), the runner's environment (INPUT_*, GITHUB_*, RUNNER_TEMP, the output and summary
// files), and the GitHub API through the strict nock: the task issue with its marker and spec, the repository,
// and the task's pull requests. `run()` is the Action's real entry point.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UnitSpec } from "../../src/engine/track/state.js";
import { renderTaskIssue } from "../../src/render/task-issue.js";
import type { StrictNock } from "../support/github/strict-nock.js";
import { spawnedSpec } from "../support/unit-specs.js";

export const agent = join(import.meta.dirname, "agents", "scenario-agent.mjs");
export const branch = "swarm/12/T04";
const summaryFile = join(tmpdir(), `swarm-action-summary-${process.pid}.md`);

export interface ActionWorld {
  dir: string;
  remote: string;
  workspace: string;
  spec: UnitSpec;
  /** The env the Action ran with (restored afterwards). */
  env: Record<string, string>;
  /** The Action's outputs, read from GITHUB_OUTPUT after a run. */
  outputs(): Record<string, string>;
  summary(): string;
  /** `git` in the remote. */
  remoteGit(...args: string[]): string;
  cleanup(): void;
}

export function createActionWorld(inputs: Record<string, string>, spec = taskSpec()): ActionWorld {
  const dir = mkdtempSync(join(tmpdir(), "swarm-action-"));
  const remote = join(dir, "remote.git");
  const seed = join(dir, "seed");
  const workspace = join(dir, "workspace");
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd, encoding: "utf8" });
  git(dir, "init", "--quiet", "--bare", "--initial-branch=main", remote);
  git(dir, "clone", "--quiet", remote, seed);
  writeFileSync(join(seed, "README.md"), "# shop\n");
  git(seed, "add", ".");
  git(seed, "commit", "--quiet", "-m", "start");
  git(seed, "push", "--quiet", "origin", "HEAD:refs/heads/main", `HEAD:refs/heads/${branch}`);
  git(dir, "clone", "--quiet", "--branch", branch, remote, workspace);
  const runnerTemp = join(dir, "runner-temp");
  execFileSync("mkdir", ["-p", runnerTemp]);
  writeFileSync(join(dir, "output"), "");
  // @actions/core keeps the summary file's path once it has written to it: one path for the whole test process.
  writeFileSync(summaryFile, "");
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: "https://api.github.com",
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_TOKEN: "ghs_runner_token_must_not_reach_the_agent",
    RUNNER_TEMP: runnerTemp,
    "INPUT_GITHUB-TOKEN": "ghs_app_token_must_not_reach_the_agent",
    "INPUT_AGENT-COMMAND": `node ${JSON.stringify(agent)}`,
    INPUT_TRACK: "12",
    INPUT_TASK: "T04",
    INPUT_ATTEMPT: "1",
    "INPUT_CHECKPOINT-MINUTES": "0",
    ...inputs,
  };
  const saved = new Map(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  return {
    dir,
    remote,
    workspace,
    spec,
    env,
    outputs: () => readOutputs(readFileSync(join(dir, "output"), "utf8")),
    summary: () => readFileSync(summaryFile, "utf8"),
    remoteGit: (...args) => git(remote, ...args),
    cleanup() {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      process.exitCode = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** T04 may write src/api/; its issue is #34 of track 12. */
export function taskSpec(overrides: Partial<UnitSpec> = {}): UnitSpec {
  return spawnedSpec("T04", {
    title: "Login API",
    touches: ["src/api/"],
    deps: [],
    taskHours: [2],
    origin: { kind: "plan" },
    order: 3,
    ...overrides,
  });
}

/** The GitHub side: the task issue, the repository, and no pull request yet (or `existing`). */
export function mockGitHub(strict: StrictNock, spec: UnitSpec, pulls: { existing?: number } = {}) {
  const issue = renderTaskIssue({ track: 12, unit: spec, tasks: [], prerequisites: [] });
  const github = strict.scope();
  github
    .get("/repos/acme/shop/issues")
    .query((query) => query.labels === "swarm:task,swarm:track-12" && query.state === "all")
    .reply(200, [
      { number: 33, title: "T03", body: "not ours", user: { login: "mona", type: "User" }, labels: [] },
      {
        number: 34,
        title: issue.title,
        body: issue.body,
        user: { login: "swarm-dispatch[bot]", type: "Bot" },
        labels: [],
      },
    ])
    .get("/repos/acme/shop")
    .reply(200, { default_branch: "main", name: "shop", full_name: "acme/shop" })
    .get("/repos/acme/shop/pulls")
    .query({ head: `acme:${branch}`, state: "open", per_page: "10" })
    .reply(200, pulls.existing ? [{ number: pulls.existing, head: { ref: branch } }] : []);
  let body = "";
  if (pulls.existing) {
    github
      .patch(`/repos/acme/shop/pulls/${pulls.existing}`, (sent) => {
        body = sent.body;
        return sent.title === issue.title;
      })
      .reply(200, { number: pulls.existing });
  } else {
    github
      .post("/repos/acme/shop/pulls", (sent) => {
        body = sent.body;
        return sent.head === branch && sent.base === "main" && sent.title === issue.title;
      })
      .reply(201, { number: 7 });
  }
  return { body: () => body };
}

function readOutputs(text: string): Record<string, string> {
  // GITHUB_OUTPUT holds `name<<delimiter` … `delimiter` blocks.
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index] ?? "");
    if (!match) continue;
    const value: string[] = [];
    for (index++; index < lines.length && lines[index] !== match[2]; index++) value.push(lines[index] ?? "");
    outputs[match[1] ?? ""] = value.join("\n");
  }
  return outputs;
}
