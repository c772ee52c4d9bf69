import { describe, expect, it } from "vitest";
import { AppOctokit } from "../../../src/github/start/app-octokit.js";
import { useStrictNock } from "../../support/github/strict-nock.js";

const strict = useStrictNock();
const limited = {
  message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
};
const silent = { warn: () => {}, info: () => {}, debug: () => {}, error: () => {} };

describe("the app's Octokit", () => {
  it("waits out a secondary rate limit for as long as GitHub's retry-after says, then goes on", async () => {
    strict()
      .scope()
      .post("/repos/acme/shop/issues/1/comments")
      .reply(403, limited, { "retry-after": "1" })
      .post("/repos/acme/shop/issues/1/comments")
      .reply(201, { id: 7 });
    const octokit = new AppOctokit({ auth: "test-token", log: silent });
    const response = await octokit.rest.issues.createComment({
      owner: "acme",
      repo: "shop",
      issue_number: 1,
      body: "hi",
    });
    expect(response.data).toEqual({ id: 7 });
  });

  it("does not wait out a retry-after longer than it accepts: the request fails and its effect goes again later", async () => {
    strict()
      .scope()
      .post("/repos/acme/shop/issues/1/comments")
      .reply(403, limited, { "retry-after": "3600" });
    const octokit = new AppOctokit({ auth: "test-token", log: silent });
    await expect(
      octokit.rest.issues.createComment({ owner: "acme", repo: "shop", issue_number: 1, body: "hi" }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
