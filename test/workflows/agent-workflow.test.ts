// The agent workflow of this repository and the template users copy keep the contract the app relies on
// (docs/agent-workflow.md, runNameExpression) and give the Action everything action.yml requires.

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions, not JS templates.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runNameExpression } from "../../src/github/workflows/run-name.js";
import { actionFile, agentWorkflowFile, readText, readYaml, templateFile } from "./workflow-files.js";
import { type ActionManifest, actionSteps, onlyJob, type Step, type Workflow } from "./workflow-model.js";

const doc = readFileSync("docs/agent-workflow.md", "utf8");
const contract = parse(/```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? "") as Workflow;
const identifiers = ["track", "task", "attempt"];

function theActionStep(workflow: Workflow): Step {
  const steps = actionSteps(onlyJob(workflow));
  expect(steps).toHaveLength(1);
  return steps[0] as Step;
}

describe.each([agentWorkflowFile, templateFile])("%s", (file) => {
  const workflow = readYaml<Workflow>(file);
  const job = onlyJob(workflow);

  it("has the header of docs/agent-workflow.md: name, run-name, the three inputs, concurrency", () => {
    expect(workflow.name).toBe(contract.name);
    expect(workflow["run-name"]).toBe(runNameExpression);
    expect(workflow.on).toEqual(contract.on);
    expect(workflow.concurrency).toEqual(contract.concurrency);
    const inputs = (workflow.on.workflow_dispatch as { inputs: Record<string, unknown> }).inputs;
    expect(Object.keys(inputs)).toEqual(identifiers);
    for (const input of Object.values(inputs))
      expect(input).toMatchObject({ required: true, type: "string" });
    // Quoted, since ` #` would start a YAML comment and cut the line.
    expect(readText(file)).toContain(`run-name: "${runNameExpression}"`);
  });

  it("asks for nothing at the top and for contents: read only in its job", () => {
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: "read" });
  });

  it("gives the job more time than the Action's longest attempt, and runs only on task branches", () => {
    expect(job["timeout-minutes"]).toBeGreaterThan(300);
    expect(job.if).toBe("startsWith(github.ref, 'refs/heads/swarm/')");
  });

  it("checks out the run's own ref, the task branch, keeping no credentials", () => {
    const checkout = job.steps.find((step) => step.uses?.startsWith("actions/checkout@") && !step.with?.path);
    expect(checkout?.uses).toBe("actions/checkout@v5");
    expect(checkout?.with).toEqual({ "persist-credentials": false, "fetch-depth": 0 });
  });

  it("makes an App token with create-github-app-token, and hands the Action the App's id and key to renew it", () => {
    const token = job.steps.find((step) => step.id === "token");
    expect(token?.uses).toBe("actions/create-github-app-token@v2");
    expect(token?.with).toMatchObject({
      "app-id": "${{ vars.SWARM_APP_ID }}",
      "private-key": "${{ secrets.SWARM_APP_PRIVATE_KEY }}",
    });
    expect(theActionStep(workflow).with).toMatchObject({
      "github-token": "${{ steps.token.outputs.token }}",
      "app-id": "${{ vars.SWARM_APP_ID }}",
      "app-private-key": "${{ secrets.SWARM_APP_PRIVATE_KEY }}",
    });
  });

  it("passes the Action every input action.yml requires, and only inputs it has", () => {
    const action = readYaml<ActionManifest>(actionFile);
    const given = Object.keys(theActionStep(workflow).with ?? {});
    const required = Object.entries(action.inputs)
      .filter(([, input]) => input.required === true)
      .map(([name]) => name);
    expect(given).toEqual(expect.arrayContaining(required));
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(given));
    const step = theActionStep(workflow);
    for (const name of identifiers) expect(step.with?.[name]).toBe(`\${{ inputs.${name} }}`);
  });

  it("runs Claude Code on the brief, with JSON output for the cost, and no expression in the command", () => {
    const command = String(theActionStep(workflow).with?.["agent-command"]);
    expect(command).toMatch(/^claude -p --output-format json /);
    expect(command).toContain('< "$SWARM_BRIEF"');
    expect(command).toContain("$SWARM_REPORT");
    // A bash command line, like a run: script.
    expect(command).not.toContain("${{");
  });

  it("shows secrets to the token step and the Action step only: the App's key, and the agent's key in its env", () => {
    const action = theActionStep(workflow);
    for (const step of job.steps) {
      if (step === action) {
        const secrets = Object.entries(step.with ?? {}).filter(([, value]) =>
          String(value).includes("secrets."),
        );
        expect(secrets).toEqual([["app-private-key", "${{ secrets.SWARM_APP_PRIVATE_KEY }}"]]);
        expect(step.env).toEqual({ ANTHROPIC_API_KEY: "${{ secrets.ANTHROPIC_API_KEY }}" });
      } else if (step.id !== "token") expect(JSON.stringify(step)).not.toContain("secrets.");
    }
  });
});

describe("where the Action comes from", () => {
  it("is a release tag with an <owner> placeholder in the template, which docs/action.md explains", () => {
    expect(theActionStep(readYaml<Workflow>(templateFile)).uses).toBe("<owner>/swarm-dispatch@v1");
    const guide = readText("docs/action.md");
    expect(guide).toContain("`uses: <owner>/swarm-dispatch@v1`");
    expect(guide).toContain("docs/swarm-agent.example.yml");
    for (const name of ["SWARM_APP_ID", "SWARM_APP_PRIVATE_KEY", "ANTHROPIC_API_KEY"])
      expect(guide).toContain(name);
  });

  it("is this repository's default branch in its own agent workflow, never the task branch", () => {
    const workflow = readYaml<Workflow>(agentWorkflowFile);
    const job = onlyJob(workflow);
    const step = theActionStep(workflow);
    expect(step.uses).toBe("./.swarm-action");
    const checkout = job.steps.find((candidate) => candidate.with?.path === ".swarm-action");
    expect(checkout).toMatchObject({
      uses: "actions/checkout@v5",
      with: { ref: "${{ github.event.repository.default_branch }}", "persist-credentials": false },
    });
    const exclude = job.steps.find((candidate) => candidate.run?.includes(".git/info/exclude"));
    expect(exclude?.run).toContain("/.swarm-action/");
    // Both come before the agent setup and the Action.
    const order = [checkout, exclude, step].map((item) => job.steps.indexOf(item as Step));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
