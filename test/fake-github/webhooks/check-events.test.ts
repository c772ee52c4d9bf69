// checkRunEvent and checkSuiteEvent: CI's and the app's checks on a task pull request's head, fitting the
// schema for every action, with the pull requests they concern.

import { describe, expect, it } from "vitest";
import { appBot, RepoWorld } from "../../../src/fake-github/repo-world.js";
import { checkWebhook } from "../../../src/fake-github/webhooks/webhook-check.js";
import {
  type CheckRunAction,
  type CheckSuiteAction,
  checkRunEvent,
  checkSuiteEvent,
} from "../../../src/fake-github/webhooks/webhook-payloads.js";
import type { Loose } from "./loose.js";

function pullWithCi(status: string, conclusion: string | null) {
  const world = new RepoWorld();
  const pull = world.openPull({ branch: "swarm/1/t1", body: "report" });
  const check = world.ciCheck(pull.headSha, "build", status, conclusion);
  return { world, pull, check };
}

describe("checkRunEvent", () => {
  const cases: [CheckRunAction, string, string | null][] = [
    ["created", "in_progress", null],
    ["completed", "completed", "success"],
    ["rerequested", "completed", "failure"],
  ];

  it.each(cases)(
    "check_run.%s fits the schema and carries the world's check",
    (action, status, conclusion) => {
      const { world, pull, check } = pullWithCi(status, conclusion);
      const delivery = checkRunEvent(world, check, action, { installationId: 5 });
      const payload = delivery.payload as Loose;
      expect(delivery.name).toBe(`check_run.${action}`);
      expect(checkWebhook(delivery.name, payload)).toEqual({ ok: true });
      expect(payload.check_run).toMatchObject({
        id: check.id,
        name: "build",
        head_sha: pull.headSha,
        status,
        conclusion,
        external_id: "",
        app: { id: 777, slug: "ci" },
        check_suite: { head_sha: pull.headSha, head_branch: "swarm/1/t1" },
      });
      expect(payload.check_run.pull_requests).toEqual([
        expect.objectContaining({
          number: pull.number,
          head: expect.objectContaining({ ref: "swarm/1/t1", sha: pull.headSha }),
          base: expect.objectContaining({ ref: "main" }),
        }),
      ]);
      expect(payload.sender.login).toBe(action === "rerequested" ? "mona" : "ci[bot]");
      expect(payload.installation.id).toBe(5);
    },
  );

  it("carries the app's own check with its external id, sent by the app's bot", () => {
    const { world, pull, check } = pullWithCi("completed", "success");
    Object.assign(check, { app: "swarm", name: "swarm/locks", externalId: "swarm/1/t1/locks" });
    const payload = checkRunEvent(world, check, "completed").payload as Loose;
    expect(payload.check_run).toMatchObject({
      name: "swarm/locks",
      external_id: "swarm/1/t1/locks",
      app: { id: 123456 },
      head_sha: pull.headSha,
    });
    expect(payload.sender.login).toBe(appBot.login);
  });

  it("refuses a re-request of a check that has not finished", () => {
    const { world, check } = pullWithCi("in_progress", null);
    expect(() => checkRunEvent(world, check, "rerequested")).toThrow("payload.check_run.status");
  });

  it("a broken check run payload fails the check, naming the field", () => {
    const { world, check } = pullWithCi("completed", "success");
    const payload = structuredClone(checkRunEvent(world, check, "completed").payload) as Loose;
    payload.check_run.pull_requests[0].number = "1";
    delete payload.check_run.head_sha;
    const check2 = checkWebhook("check_run.completed", payload);
    expect(check2.ok).toBe(false);
    expect(!check2.ok && check2.reason).toContain("payload.check_run.head_sha is missing");
    expect(!check2.ok && check2.reason).toContain("payload.check_run.pull_requests.0.number must be integer");
  });
});

describe("checkSuiteEvent", () => {
  const actions: CheckSuiteAction[] = ["completed", "requested"];

  it.each(actions)("check_suite.%s fits the schema and carries the head and pull requests", (action) => {
    const { world, pull } = pullWithCi("completed", "success");
    const input = { headSha: pull.headSha, headBranch: pull.branch, conclusion: "success", pulls: [pull] };
    const delivery = checkSuiteEvent(world, input, action, { installationId: 6 });
    const payload = delivery.payload as Loose;
    expect(delivery.name).toBe(`check_suite.${action}`);
    expect(checkWebhook(delivery.name, payload)).toEqual({ ok: true });
    expect(payload.check_suite).toMatchObject({
      head_sha: pull.headSha,
      head_branch: "swarm/1/t1",
      status: action === "completed" ? "completed" : "queued",
      conclusion: action === "completed" ? "success" : null,
      latest_check_runs_count: 1,
      head_commit: { id: pull.headSha },
    });
    expect(payload.check_suite.pull_requests).toEqual([
      expect.objectContaining({
        number: pull.number,
        id: pull.id,
        url: expect.stringContaining(`/pulls/${pull.number}`),
      }),
    ]);
    expect(payload.sender.login).toBe(appBot.login);
    expect(payload.installation.id).toBe(6);
  });

  it("refuses a conclusion GitHub does not give a suite", () => {
    const { world, pull } = pullWithCi("completed", "success");
    const input = { headSha: pull.headSha, headBranch: pull.branch, conclusion: "passed", pulls: [] };
    expect(() => checkSuiteEvent(world, input, "completed")).toThrow("payload.check_suite.conclusion");
  });
});
