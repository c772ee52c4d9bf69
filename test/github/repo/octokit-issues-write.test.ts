import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, issueAnswer, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();

describe("createIssue", () => {
  it("sends title, body and labels and returns the number and the REST id", async () => {
    github()
      .post(`${api}/issues`, {
        title: "T04: parser",
        body: "the brief",
        labels: ["swarm:task", "swarm:needs-T03"],
      })
      .reply(201, issueAnswer(21));
    expect(
      await makeRepo().createIssue({
        title: "T04: parser",
        body: "the brief",
        labels: ["swarm:task", "swarm:needs-T03"],
      }),
    ).toEqual({ number: 21, id: 1021 });
  });

  it("surfaces a refused body as invalid, and disabled issues as not-found", async () => {
    github()
      .post(`${api}/issues`)
      .reply(422, {
        message: "Validation Failed",
        errors: [
          {
            resource: "Issue",
            code: "custom",
            field: "body",
            message: "body is too long (maximum is 65536 characters)",
          },
        ],
      })
      .post(`${api}/issues`)
      .reply(410, { message: "Issues are disabled for this repo" });
    const repo = makeRepo();
    const input = { title: "big", body: "x", labels: [] };
    await expectRepoError(
      repo.createIssue(input),
      "invalid",
      422,
      'creating issue "big" in acme/app: Validation Failed: body is too long (maximum is 65536 characters)',
    );
    await expectRepoError(repo.createIssue(input), "not-found", 410, /Issues are disabled/);
  });

  it("refuses an answer without the number", async () => {
    github().post(`${api}/issues`).reply(201, { id: 5 });
    await expectRepoError(
      makeRepo().createIssue({ title: "t", body: "", labels: [] }),
      "unavailable",
      null,
      /has no number/,
    );
  });
});

describe("updateIssue", () => {
  it("sends only what changes, with GitHub's state_reason", async () => {
    github()
      .patch(`${api}/issues/8`, { state: "closed", state_reason: "not_planned" })
      .reply(200, issueAnswer(8))
      .patch(`${api}/issues/9`, { body: "new dashboard" })
      .reply(200, issueAnswer(9));
    const repo = makeRepo();
    await repo.updateIssue(8, { state: "closed", stateReason: "not_planned" });
    await repo.updateIssue(9, { body: "new dashboard" });
  });

  it("sends nothing for no change", async () => {
    await makeRepo().updateIssue(8, {});
    expect(strict().requests).toHaveLength(0);
  });

  it("surfaces a missing issue and a refusal", async () => {
    github()
      .patch(`${api}/issues/8`)
      .reply(404, { message: "Not Found" })
      .patch(`${api}/issues/8`)
      .reply(403, { message: "Resource not accessible by integration" });
    const repo = makeRepo();
    await expectRepoError(
      repo.updateIssue(8, { state: "open" }),
      "not-found",
      404,
      "updating issue #8 of acme/app: Not Found",
    );
    await expectRepoError(repo.updateIssue(8, { state: "open" }), "forbidden", 403, /not accessible/);
  });
});
