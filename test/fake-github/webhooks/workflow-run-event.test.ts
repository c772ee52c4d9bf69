// workflowRunEvent: the agent workflow's run as GitHub reports it, fitting the schema for every action.

import { describe, expect, it } from "vitest";
import { RepoWorld, type WorldRun } from "../../../src/fake-github/repo-world.js";
import { checkWebhook } from "../../../src/fake-github/webhooks/webhook-check.js";
import {
  type WorkflowRunAction,
  workflowRunEvent,
} from "../../../src/fake-github/webhooks/webhook-payloads.js";
import type { Loose } from "./loose.js";

const statusOf: Record<WorkflowRunAction, Pick<WorldRun, "status" | "conclusion">> = {
  requested: { status: "queued", conclusion: null },
  in_progress: { status: "in_progress", conclusion: null },
  completed: { status: "completed", conclusion: "failure" },
};

function agentRun(action: WorkflowRunAction) {
  const world = new RepoWorld();
  world.refs.set("swarm/1/t1", "1234567890abcdef1234567890abcdef12345678");
  const run: WorldRun = {
    id: world.id(),
    workflow: "swarm-agent.yml",
    branch: "swarm/1/t1",
    title: "swarm 1/t1 attempt 1",
    inputs: { track: "1", task: "t1" },
    ...statusOf[action],
  };
  world.runs.push(run);
  return { world, run };
}

describe("workflowRunEvent", () => {
  it.each(Object.keys(statusOf) as WorkflowRunAction[])("workflow_run.%s fits the schema", (action) => {
    const { world, run } = agentRun(action);
    const delivery = workflowRunEvent(world, run, action, { installationId: 12 });
    const payload = delivery.payload as Loose;
    expect(delivery.name).toBe(`workflow_run.${action}`);
    expect(checkWebhook(delivery.name, payload)).toEqual({ ok: true });
    expect(payload.workflow_run).toMatchObject({
      id: run.id,
      name: "swarm-agent",
      display_title: "swarm 1/t1 attempt 1",
      path: ".github/workflows/swarm-agent.yml",
      head_branch: "swarm/1/t1",
      head_sha: "1234567890abcdef1234567890abcdef12345678",
      event: "workflow_dispatch",
      status: run.status,
      conclusion: run.conclusion,
      html_url: `https://github.com/acme/shop/actions/runs/${run.id}`,
      run_attempt: 1,
      run_number: 1,
      repository: { full_name: "acme/shop" },
    });
    expect(payload.workflow).toMatchObject({
      name: "swarm-agent",
      path: ".github/workflows/swarm-agent.yml",
    });
    expect(payload.sender).toMatchObject({ login: "swarm-dispatch[bot]", type: "Bot" });
    expect(payload.installation.id).toBe(12);
  });

  it("lists the open pull request of the run's branch", () => {
    const { world, run } = agentRun("completed");
    const pull = world.openPull({ branch: "swarm/1/t1", body: "report" });
    const payload = workflowRunEvent(world, run, "completed").payload as Loose;
    expect(payload.workflow_run.pull_requests).toEqual([
      expect.objectContaining({ number: pull.number, head: expect.objectContaining({ ref: "swarm/1/t1" }) }),
    ]);
  });

  it("refuses a completed delivery for a run without a conclusion", () => {
    const { world, run } = agentRun("in_progress");
    expect(() => workflowRunEvent(world, run, "completed")).toThrow("payload.workflow_run.conclusion");
  });

  it("a broken workflow run payload fails the check, naming the field", () => {
    const { world, run } = agentRun("requested");
    const payload = structuredClone(workflowRunEvent(world, run, "requested").payload) as Loose;
    payload.workflow_run.status = "running";
    delete payload.workflow;
    const check = checkWebhook("workflow_run.requested", payload);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain("payload.workflow is missing");
    expect(!check.ok && check.reason).toContain(
      "payload.workflow_run.status must be equal to one of the allowed values",
    );
  });
});
