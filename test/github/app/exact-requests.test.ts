// The app's requests for a refused command, mocked one by one: every mock must be used and nothing else may be
// asked (the other app tests serve a whole repository instead, and assert what it holds afterwards).

import { describe, expect, it } from "vitest";
import { adaptPayload, examplePayload } from "../../../src/fake-github/webhook-examples.js";
import { createSwarmDispatchApp } from "../../../src/github/app.js";
import { useProbotHarness } from "../../support/github/probot-harness.js";

const harness = useProbotHarness(
  createSwarmDispatchApp({ wake: () => {}, reconcile: () => {}, background: () => {}, owner: "test" }),
);

function comment(body: string, login = "guest") {
  return adaptPayload(examplePayload("issue_comment", "created"), {
    installationId: 4242,
    owner: "acme",
    repo: "shop",
    issueNumber: 12,
    labels: ["swarm:track"],
    body,
    author: { login, type: "User" },
  });
}

describe("the requests of a refused command", () => {
  it("are the settings, the permission, a reaction and one reply: no state is read or written", async () => {
    const payload = comment("/dispatch");
    const id = (payload as { comment: { id: number } }).comment.id;
    harness()
      .github.get("/repos/acme/shop/contents/.github%2Fswarm-dispatch.yml")
      .reply(404, { message: "Not Found" })
      .get("/repos/acme/.github/contents/.github%2Fswarm-dispatch.yml")
      .reply(404, { message: "Not Found" })
      .get("/repos/acme/shop/collaborators/guest/permission")
      .reply(200, { permission: "read", role_name: "read", user: { login: "guest" } })
      .post(`/repos/acme/shop/issues/comments/${id}/reactions`, { content: "confused" })
      .reply(201, { id: 1, content: "confused" })
      .post("/repos/acme/shop/issues/12/comments", {
        body: "`/dispatch` (line 1) was not run: it needs write access, and `guest` has read access.",
      })
      .reply(201, { id: 2 });
    await harness().receive("issue_comment", payload);
    expect(
      harness().strict.requests.map((request) =>
        request.check.ok ? request.check.operationId : request.check.reason,
      ),
    ).toEqual([
      "apps/create-installation-access-token",
      "repos/get-content",
      "repos/get-content",
      "repos/get-collaborator-permission-level",
      "reactions/create-for-issue-comment",
      "issues/create-comment",
    ]);
  });

  it("are none at all for a comment that holds no command", async () => {
    await harness().receive("issue_comment", comment("Thanks, looks good. /cc nobody"));
    expect(harness().strict.requests).toEqual([]);
  });
});
