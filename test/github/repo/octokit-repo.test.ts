import { describe, expect, it } from "vitest";
import { OctokitRepo } from "../../../src/github/repo/octokit-repo.js";
import type { RepoPort } from "../../../src/github/repo/repo-port.js";
import { TestOctokit } from "../../support/github/probot-harness.js";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();

describe("OctokitRepo", () => {
  it("names its repository", () => {
    const repo: RepoPort = makeRepo();
    expect({ owner: repo.owner, name: repo.name }).toEqual({ owner: "acme", name: "app" });
  });

  it("remembers labels and the default branch per instance, never across instances", async () => {
    github()
      .get(api)
      .reply(200, { default_branch: "main" })
      .get(api)
      .reply(200, { default_branch: "trunk" })
      .get(`${api}/labels`)
      .query({ per_page: 100 })
      .times(2)
      .reply(200, [{ name: "swarm:track" }]);
    const first = makeRepo();
    const second = makeRepo();
    expect(await first.defaultBranch()).toBe("main");
    expect(await second.defaultBranch()).toBe("trunk");
    await first.ensureLabels([{ name: "swarm:track", color: "5319e7", description: "" }]);
    await second.ensureLabels([{ name: "swarm:track", color: "5319e7", description: "" }]);
    expect(strict().requests).toHaveLength(4);
  });

  it("shares one label listing between concurrent calls", async () => {
    github()
      .get(`${api}/labels`)
      .query({ per_page: 100 })
      .reply(200, [{ name: "a" }, { name: "b" }]);
    const repo = makeRepo();
    const spec = (name: string) => ({ name, color: "ededed", description: "" });
    await Promise.all([repo.ensureLabels([spec("a")]), repo.ensureLabels([spec("b")])]);
    expect(strict().requests).toHaveLength(1);
  });

  it("works against a GitHub Enterprise root, where sub-issues may not exist", async () => {
    strict()
      .scope("https://ghe.test")
      .post("/api/v3/repos/acme/app/issues/12/sub_issues")
      .reply(404, { message: "Not Found" });
    const repo = new OctokitRepo(
      new TestOctokit({ auth: "test-token", baseUrl: "https://ghe.test/api/v3" }),
      {
        owner: "acme",
        repo: "app",
      },
    );
    expect(await repo.addSubIssue(12, { number: 21, id: 1021 })).toBe("unsupported");
  });

  it("turns a failed connection into a RepoError", async () => {
    github().get(`${api}/issues/5`).replyWithError("socket hang up");
    // Octokit reports a failed fetch as a RequestError with status 500.
    await expectRepoError(
      makeRepo().getIssue(5),
      "unavailable",
      500,
      /^reading issue #5 of acme\/app: .*socket hang up/,
    );
  });
});
