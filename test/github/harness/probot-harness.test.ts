import type { Probot } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { adaptPayload, examplePayload } from "../../../src/fake-github/webhook-examples.js";
import {
  createProbotHarness,
  installationToken,
  type ProbotHarness,
  useProbotHarness,
} from "../../support/github/probot-harness.js";

// A tiny app: acknowledges a human's new comment with one reply, ignores bots.
function ackApp(app: Probot): void {
  app.on("issue_comment.created", async (context) => {
    if (context.payload.comment.user?.type === "Bot") return;
    await context.octokit.rest.issues.createComment(context.issue({ body: "ack" }));
  });
}

function comment(author: "User" | "Bot") {
  return adaptPayload(examplePayload("issue_comment", "created"), {
    installationId: 4242,
    owner: "acme",
    repo: "app",
    issueNumber: 7,
    body: "/status",
    author: { login: author === "Bot" ? "helper[bot]" : "mona", type: author },
  });
}

let harness: ProbotHarness | undefined;

afterEach(() => {
  harness?.strict.restore();
  harness = undefined;
});

describe("the Probot harness", () => {
  it("delivers an issue_comment.created example and checks the app's request against the REST description", async () => {
    harness = await createProbotHarness(ackApp);
    let auth: string | undefined;
    harness.github.post("/repos/acme/app/issues/7/comments", { body: "ack" }).reply(201, function reply() {
      auth = String(this.req.headers.authorization);
      return { id: 1 };
    });
    await harness.receive("issue_comment", comment("User"));
    expect(auth).toBe(`token ${installationToken}`);
    expect(harness.strict.requests.map((r) => (r.check.ok ? r.check.operationId : r.check.reason))).toEqual([
      "apps/create-installation-access-token",
      "issues/create-comment",
    ]);
    expect(harness.strict.requests[0]?.url).toBe(
      "https://api.github.com/app/installations/4242/access_tokens",
    );
    harness.strict.assertDone();
  });

  it("needs no token mock to be used when the app sends nothing", async () => {
    harness = await createProbotHarness(ackApp);
    await harness.receive("issue_comment", comment("Bot"));
    expect(harness.strict.requests).toEqual([]);
    harness.strict.assertDone();
  });

  it("serves a GitHub Enterprise root with its /api/v3 prefix", async () => {
    harness = await createProbotHarness(ackApp, { baseUrl: "https://ghe.test/api/v3" });
    expect(harness.pathPrefix).toBe("/api/v3");
    harness.github.post("/api/v3/repos/acme/app/issues/7/comments").reply(201, { id: 1 });
    await harness.receive("issue_comment", comment("User"));
    expect(harness.strict.requests.map((r) => r.url)).toEqual([
      "https://ghe.test/api/v3/app/installations/4242/access_tokens",
      "https://ghe.test/api/v3/repos/acme/app/issues/7/comments",
    ]);
    harness.strict.assertDone();
  });

  it("reports an app request that GitHub's description does not have", async () => {
    harness = await createProbotHarness((app) => {
      app.on("issue_comment.created", async (context) => {
        await context.octokit.request(
          "POST /repos/{owner}/{repo}/issues/{issue_number}/comment",
          context.issue(),
        );
      });
    });
    harness.github.post("/repos/acme/app/issues/7/comment").reply(201, {});
    await harness.receive("issue_comment", comment("User"));
    expect(() => harness?.strict.assertDone()).toThrow(
      "not in GitHub's REST description: POST /repos/acme/app/issues/7/comment",
    );
  });

  it("does not retry a failed request, so a mocked 500 reaches the app once", async () => {
    harness = await createProbotHarness(ackApp);
    harness.github.post("/repos/acme/app/issues/7/comments").reply(500, { message: "boom" });
    await expect(harness.receive("issue_comment", comment("User"))).rejects.toThrow("boom");
    harness.strict.assertDone();
  });

  it("surfaces a handler's failure from receive, and the unanswered request in assertDone", async () => {
    harness = await createProbotHarness(ackApp);
    await expect(harness.receive("issue_comment", comment("User"), "delivery-1")).rejects.toThrow();
    expect(harness.strict.problems()).toEqual([
      'no mock answered POST https://api.github.com:443/repos/acme/app/issues/7/comments with body {"body":"ack"}',
    ]);
  });
});

describe("useProbotHarness", () => {
  const github = useProbotHarness(ackApp, { baseUrl: "https://ghe.test/api/v3" });

  it("gives each test a harness whose strict nock is asserted after it", async () => {
    github().github.post("/api/v3/repos/acme/app/issues/7/comments", { body: "ack" }).reply(201, { id: 1 });
    await github().receive("issue_comment", comment("User"));
    expect(github().strict.requests).toHaveLength(2);
  });
});
