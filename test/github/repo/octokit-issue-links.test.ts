import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, issueAnswer, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const child = { number: 21, id: 1021 };
const subIssues = `${api}/issues/12/sub_issues`;
const blockedBy = `${api}/issues/21/dependencies/blocked_by`;
const validation = (message: string) => ({
  message: "Validation Failed",
  errors: [{ resource: "Issue", code: "custom", field: "sub_issue_id", message }],
});

describe("addSubIssue", () => {
  it("adds the child by its REST id", async () => {
    github().post(subIssues, { sub_issue_id: 1021 }).reply(201, issueAnswer(12));
    expect(await makeRepo().addSubIssue(12, child)).toBe("added");
  });

  it("is exists when the child is a sub-issue already", async () => {
    github()
      .post(subIssues)
      .reply(422, validation("Sub issue may only have one parent"))
      .post(subIssues)
      .reply(422, {
        message:
          "An error occurred while adding the sub-issue to the parent issue. Issue may not contain duplicate sub-issues",
      });
    const repo = makeRepo();
    expect(await repo.addSubIssue(12, child)).toBe("exists");
    expect(await repo.addSubIssue(12, child)).toBe("exists");
  });

  it("is unsupported on a host without sub-issues, without the permission, or when the parent is full", async () => {
    github()
      .post(subIssues)
      .reply(404, { message: "Not Found" })
      .post(subIssues)
      .reply(403, { message: "Resource not accessible by integration" })
      .post(subIssues)
      .reply(422, validation("Parent issue already has the maximum number of sub-issues (100)"));
    const repo = makeRepo();
    expect(await repo.addSubIssue(12, child)).toBe("unsupported");
    expect(await repo.addSubIssue(12, child)).toBe("unsupported");
    expect(await repo.addSubIssue(12, child)).toBe("unsupported");
  });

  it("does not mistake words in the repository's name for GitHub's answer", async () => {
    github()
      .post("/repos/acme/limit-already/issues/12/sub_issues")
      .reply(422, validation("Sub issue must belong to the same owner"));
    await expectRepoError(makeRepo("limit-already").addSubIssue(12, child), "invalid", 422, /same owner/);
  });

  it("throws on a rate limit, another refusal, or a server error", async () => {
    github()
      .post(subIssues)
      .reply(403, { message: "You have exceeded a secondary rate limit." })
      .post(subIssues)
      .reply(422, validation("Sub issue cannot be the parent issue itself"))
      .post(subIssues)
      .reply(500, { message: "boom" });
    const repo = makeRepo();
    await expectRepoError(repo.addSubIssue(12, child), "rate-limited", 403, /secondary rate limit/);
    await expectRepoError(repo.addSubIssue(12, child), "invalid", 422, /cannot be the parent issue itself/);
    await expectRepoError(
      repo.addSubIssue(12, child),
      "unavailable",
      500,
      "adding issue #21 as a sub-issue of #12 in acme/app: boom",
    );
  });
});

describe("addBlockedBy", () => {
  it("records the blocker by its REST id", async () => {
    github().post(blockedBy, { issue_id: 1020 }).reply(201, issueAnswer(20));
    expect(await makeRepo().addBlockedBy(21, { number: 20, id: 1020 })).toBe("added");
  });

  it("is exists when the dependency is there already", async () => {
    github()
      .post(blockedBy)
      .reply(422, { message: "Validation Failed", errors: ["Issue is already blocked by this issue"] });
    expect(await makeRepo().addBlockedBy(21, { number: 20, id: 1020 })).toBe("exists");
  });

  it("is unsupported where the host has no issue dependencies or the app may not write them", async () => {
    github()
      .post(blockedBy)
      .reply(404, { message: "Not Found" })
      .post(blockedBy)
      .reply(403, { message: "Resource not accessible by integration" });
    const repo = makeRepo();
    expect(await repo.addBlockedBy(21, { number: 20, id: 1020 })).toBe("unsupported");
    expect(await repo.addBlockedBy(21, { number: 20, id: 1020 })).toBe("unsupported");
  });

  it("throws on a server error, saying which dependency", async () => {
    github().post(blockedBy).reply(500, { message: "boom" });
    await expectRepoError(
      makeRepo().addBlockedBy(21, { number: 20, id: 1020 }),
      "unavailable",
      500,
      "marking issue #21 as blocked by #20 in acme/app: boom",
    );
  });
});
