// issuesEvent and issueCommentEvent: every action fits GitHub's schema and carries the world issue as it is.

import { describe, expect, it } from "vitest";
import { appBot, RepoWorld, type WorldUser } from "../../../src/fake-github/repo-world.js";
import { checkWebhook } from "../../../src/fake-github/webhooks/webhook-check.js";
import {
  defaultInstallationId,
  type IssuesAction,
  issueCommentEvent,
  issuesEvent,
} from "../../../src/fake-github/webhooks/webhook-payloads.js";
import type { Loose } from "./loose.js";

const mona: WorldUser = { login: "mona", type: "User" };

function trackIssue() {
  const world = new RepoWorld({ owner: "octo-org", repo: "octo-repo" });
  world.labels.set("swarm:track", { name: "swarm:track", color: "0e8a16", description: "A track" });
  const issue = world.openIssue({ title: "Track: shop", body: "plan", labels: ["swarm:track"] });
  return { world, issue };
}

describe("issuesEvent", () => {
  const actions: IssuesAction[] = ["opened", "edited", "closed", "reopened", "labeled", "unlabeled"];

  it.each(actions)("issues.%s fits the schema and carries the world's issue", (action) => {
    const { world, issue } = trackIssue();
    if (action === "closed") Object.assign(issue, { state: "closed", stateReason: "completed" });
    // A labeled issue carries the new label; an unlabeled one no longer does.
    if (action === "labeled") issue.labels.push("swarm:ready");
    const extra = action === "labeled" || action === "unlabeled" ? { label: "swarm:ready" } : {};
    const delivery = issuesEvent(world, issue, action, mona, extra, { installationId: 99 });
    const payload = delivery.payload as Loose;
    expect(delivery.name).toBe(`issues.${action}`);
    expect(checkWebhook(delivery.name, payload)).toEqual({ ok: true });
    expect(payload.action).toBe(action);
    expect(payload.issue).toMatchObject({
      number: issue.number,
      id: issue.id,
      title: "Track: shop",
      body: "plan",
      state: issue.state,
      html_url: `https://github.com/octo-org/octo-repo/issues/${issue.number}`,
      user: { login: "mona", type: "User" },
    });
    expect(payload.issue.labels[0]).toMatchObject({
      name: "swarm:track",
      color: "0e8a16",
      description: "A track",
    });
    expect(payload.issue.labels.map((label: Loose) => label.name)).toEqual(issue.labels);
    if (action === "labeled" || action === "unlabeled") expect(payload.label.name).toBe("swarm:ready");
    else expect(payload.label).toBeUndefined();
    expect(payload.repository).toMatchObject({
      name: "octo-repo",
      full_name: "octo-org/octo-repo",
      owner: { login: "octo-org" },
      html_url: "https://github.com/octo-org/octo-repo",
      url: "https://api.github.com/repos/octo-org/octo-repo",
    });
    expect(payload.sender).toMatchObject({
      login: "mona",
      type: "User",
      html_url: "https://github.com/mona",
    });
    expect(payload.installation).toEqual({ id: 99, node_id: expect.any(String) });
  });

  it("names the label a labeled / unlabeled delivery is about, and defaults labeled to the newest label", () => {
    const { world, issue } = trackIssue();
    issue.labels.push("swarm:task");
    const labeled = issuesEvent(world, issue, "labeled", appBot).payload as Loose;
    expect(labeled.label).toMatchObject({
      name: "swarm:task",
      url: expect.stringMatching(/\/labels\/swarm%3Atask$/),
    });
    const unlabeled = issuesEvent(world, issue, "unlabeled", appBot, { label: "swarm:ready" })
      .payload as Loose;
    expect(unlabeled.label).toMatchObject({ name: "swarm:ready", default: false });
    expect(() => issuesEvent(world, issue, "unlabeled", appBot)).toThrow(
      "issues.unlabeled needs extra.label",
    );
  });

  it("carries an edit's changes, a body change by default", () => {
    const { world, issue } = trackIssue();
    expect((issuesEvent(world, issue, "edited", mona).payload as Loose).changes).toEqual({
      body: { from: "(before)" },
    });
    const titled = issuesEvent(world, issue, "edited", mona, { changes: { title: { from: "Old" } } });
    expect((titled.payload as Loose).changes).toEqual({ title: { from: "Old" } });
  });

  it("uses installation 4242 by default and a bot sender's app page", () => {
    const { world, issue } = trackIssue();
    const payload = issuesEvent(world, issue, "opened", appBot).payload as Loose;
    expect(payload.installation.id).toBe(defaultInstallationId);
    expect(defaultInstallationId).toBe(4242);
    expect(payload.sender).toMatchObject({
      login: "swarm-dispatch[bot]",
      type: "Bot",
      html_url: "https://github.com/apps/swarm-dispatch",
      url: "https://api.github.com/users/swarm-dispatch%5Bbot%5D",
    });
  });

  it("refuses to build what GitHub would not send: a closed delivery about an open issue", () => {
    const { world, issue } = trackIssue();
    expect(() => issuesEvent(world, issue, "closed", mona)).toThrow(
      "payload.issue.state must be equal to one of the allowed values (closed)",
    );
  });

  it("a broken issues payload fails the check, naming the field", () => {
    const { world, issue } = trackIssue();
    const payload = structuredClone(issuesEvent(world, issue, "opened", mona).payload) as Loose;
    delete payload.issue.number;
    payload.sender.id = "1";
    const check = checkWebhook("issues.opened", payload);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain("payload.issue.number is missing");
    expect(!check.ok && check.reason).toContain("payload.sender.id must be integer");
  });
});

describe("issueCommentEvent", () => {
  it("issue_comment.created fits the schema and carries the comment, its author and reactions", () => {
    const { world, issue } = trackIssue();
    const comment = { id: world.id(), body: "/dispatch", user: mona, reactions: ["eyes", "+1", "eyes"] };
    const delivery = issueCommentEvent(world, issue, comment, mona, { installationId: 7 });
    const payload = delivery.payload as Loose;
    expect(delivery.name).toBe("issue_comment.created");
    expect(checkWebhook(delivery.name, payload)).toEqual({ ok: true });
    expect(payload.comment).toMatchObject({
      id: comment.id,
      body: "/dispatch",
      user: { login: "mona", type: "User" },
      html_url: `https://github.com/octo-org/octo-repo/issues/${issue.number}#issuecomment-${comment.id}`,
      reactions: { total_count: 3, eyes: 2, "+1": 1, heart: 0 },
      performed_via_github_app: null,
    });
    expect(payload.issue).toMatchObject({ number: issue.number, state: "open" });
    expect(payload.sender.login).toBe("mona");
    expect(payload.installation.id).toBe(7);
  });

  it("marks the app's own comment as performed via the app", () => {
    const { world, issue } = trackIssue();
    const comment = { id: world.id(), body: "Dashboard", user: appBot, reactions: [] };
    const payload = issueCommentEvent(world, issue, comment, appBot).payload as Loose;
    expect(payload.comment.performed_via_github_app).toMatchObject({ id: 123456, slug: "swarm-dispatch" });
    expect(checkWebhook("issue_comment.created", payload)).toEqual({ ok: true });
  });
});
