// pullRequestEvent: every action fits GitHub's schema and carries the world pull request (head branch and sha,
// base, state, merged, title, body, author).

import { describe, expect, it } from "vitest";
import { appBot, RepoWorld, type WorldUser } from "../../../src/fake-github/repo-world.js";
import { checkWebhook } from "../../../src/fake-github/webhooks/webhook-check.js";
import {
  type PullRequestAction,
  pullRequestEvent,
} from "../../../src/fake-github/webhooks/webhook-payloads.js";
import type { Loose } from "./loose.js";

const mona: WorldUser = { login: "mona", type: "User" };

function taskPull() {
  const world = new RepoWorld();
  const pull = world.openPull({ branch: "swarm/1/t1", body: "Report of t1.", title: "t1: the task" });
  return { world, pull };
}

describe("pullRequestEvent", () => {
  const actions: PullRequestAction[] = ["opened", "edited", "synchronize", "reopened", "closed"];

  it.each(actions)("pull_request.%s fits the schema and carries the world's pull request", (action) => {
    const { world, pull } = taskPull();
    if (action === "closed") Object.assign(pull, { state: "closed", merged: true });
    const delivery = pullRequestEvent(world, pull, action, mona, {}, { installationId: 31 });
    const payload = delivery.payload as Loose;
    expect(delivery.name).toBe(`pull_request.${action}`);
    expect(checkWebhook(delivery.name, payload)).toEqual({ ok: true });
    expect(payload.number).toBe(pull.number);
    expect(payload.pull_request).toMatchObject({
      number: pull.number,
      id: pull.id,
      title: "t1: the task",
      body: "Report of t1.",
      state: pull.state,
      merged: pull.merged,
      user: { login: "swarm-dispatch[bot]", type: "Bot" },
      head: {
        ref: "swarm/1/t1",
        sha: pull.headSha,
        label: "acme:swarm/1/t1",
        repo: { full_name: "acme/shop" },
      },
      base: { ref: "main", sha: world.refs.get("main"), repo: { full_name: "acme/shop" } },
      html_url: `https://github.com/acme/shop/pull/${pull.number}`,
    });
    expect(payload.sender).toMatchObject({ login: "mona", type: "User" });
    expect(payload.installation.id).toBe(31);
  });

  it("a merged close names the merger and the merge time; an open pull request has neither", () => {
    const { world, pull } = taskPull();
    const opened = pullRequestEvent(world, pull, "opened", appBot).payload as Loose;
    expect(opened.pull_request).toMatchObject({ merged_by: null, merged_at: null, closed_at: null });
    Object.assign(pull, { state: "closed", merged: true });
    const closed = pullRequestEvent(world, pull, "closed", mona).payload as Loose;
    expect(closed.pull_request).toMatchObject({
      merged_by: { login: "mona" },
      merged_at: expect.any(String),
    });
    expect(closed.pull_request.closed_at).toMatch(/^2026-12-06T/);
  });

  it("synchronize carries before and after, the pull's head by default", () => {
    const { world, pull } = taskPull();
    const pushed = pullRequestEvent(world, pull, "synchronize", appBot).payload as Loose;
    expect(pushed.after).toBe(pull.headSha);
    expect(pushed.before).toMatch(/^[0-9a-f]{40}$/);
    const given = pullRequestEvent(world, pull, "synchronize", appBot, {
      before: "a".repeat(40),
      after: "b".repeat(40),
    });
    expect(given.payload).toMatchObject({ before: "a".repeat(40), after: "b".repeat(40) });
  });

  it("edited carries its changes", () => {
    const { world, pull } = taskPull();
    const edited = pullRequestEvent(world, pull, "edited", appBot, { changes: { title: { from: "t1" } } });
    expect((edited.payload as Loose).changes).toEqual({ title: { from: "t1" } });
  });

  it("refuses an opened delivery about a merged pull request", () => {
    const { world, pull } = taskPull();
    Object.assign(pull, { state: "closed", merged: true });
    expect(() => pullRequestEvent(world, pull, "opened", appBot)).toThrow("payload.pull_request.state");
  });

  it("a broken pull request payload fails the check, naming the field", () => {
    const { world, pull } = taskPull();
    const payload = structuredClone(pullRequestEvent(world, pull, "opened", appBot).payload) as Loose;
    payload.pull_request.head.ref = 7;
    delete payload.repository.full_name;
    const check = checkWebhook("pull_request.opened", payload);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain("payload.pull_request.head.ref must be string");
    expect(!check.ok && check.reason).toContain("payload.repository.full_name is missing");
  });
});
