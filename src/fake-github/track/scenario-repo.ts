// The repository a scenario runs in: the fake with the scenario's files, settings and agent workflow, a runner
// that runs this repository's Action with the scripted agent, CI that fails the pushes the scenario names, and
// the scenario's people. The track session, the fault tests and the API benchmark all start from here; each
// brings its own app (a process, or instances in this process).

import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ActionRunner } from "../runner/action-runner.js";
import { ScriptedCi } from "../runner/scripted-ci.js";
import { FakeGitHub } from "../server/fake-github.js";
import type { Scenario } from "./scenario.js";
import { ScriptedPeople } from "./scripted-people.js";

export interface ScenarioRepoOptions {
  scenario: Scenario;
  /** The scenario's file: the scripted agent reads its tasks from it. */
  scenarioFile: string;
  workDir: string;
  /** The project's root: the Action (dist/index.js), the agent workflow and the scripted agent are found there. */
  root: string;
  /** Runs at once (the repository's runners). */
  concurrency?: number;
}

export interface ScenarioRepo {
  fake: FakeGitHub;
  runner: ActionRunner;
  people: ScriptedPeople;
}

export const taskOfBranch = (branch: string) => branch.split("/").at(-1) ?? branch;

export async function startScenarioRepo(options: ScenarioRepoOptions): Promise<ScenarioRepo> {
  const { scenario, root } = options;
  const workflow = await readFile(join(root, ".github/workflows/swarm-agent.yml"), "utf8");
  const fake = await FakeGitHub.start({
    dir: join(options.workDir, "repo.git"),
    files: { ...scenario.files, ".github/workflows/swarm-agent.yml": workflow },
    settings: scenario.settings,
    permissions: { mona: "admin" },
    webhookSecret: randomBytes(16).toString("hex"),
  });
  const runner = new ActionRunner(fake, {
    workDir: join(options.workDir, "runs"),
    actionEntry: join(root, "dist/index.js"),
    agentCommand: `node ${JSON.stringify(join(root, "fixtures/demo/scripted-agent.mjs"))}`,
    env: (run) => ({
      SWARM_SCENARIO: options.scenarioFile,
      SWARM_SCENARIO_ATTEMPT: run.inputs.attempt ?? "1",
    }),
    inputs: { "timeout-minutes": "5" },
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
  });
  fake.events.runner = runner;
  const failFirst = new Set(scenario.ci.failFirstPush);
  fake.events.ci = new ScriptedCi(fake, (pull, push) =>
    push === 1 && failFirst.has(taskOfBranch(pull.branch)) ? "failure" : "success",
  );
  return { fake, runner, people: new ScriptedPeople(fake, scenario) };
}
