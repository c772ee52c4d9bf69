import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, issueAnswer, makeRepo, nextPage } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const listQuery = { state: "open", sort: "created", direction: "asc", per_page: 100 };

describe("getIssue", () => {
  it("reads the issue GitHub describes", async () => {
    github()
      .get(`${api}/issues/12`)
      .reply(200, issueAnswer(12, { state: "closed", labels: [{ name: "swarm:track" }, "plain"] }));
    expect(await makeRepo().getIssue(12)).toEqual({
      number: 12,
      id: 1012,
      title: "Issue 12",
      body: "Body of 12",
      state: "closed",
      labels: ["swarm:track", "plain"],
      author: { login: "octocat", type: "User" },
      isPullRequest: false,
    });
  });

  it("says when the number is a pull request", async () => {
    github()
      .get(`${api}/issues/13`)
      .reply(
        200,
        issueAnswer(13, { pull_request: { url: "https://api.github.com/repos/acme/app/pulls/13" } }),
      );
    expect(await makeRepo().getIssue(13)).toMatchObject({ number: 13, isPullRequest: true });
  });

  it("is null for an issue that does not exist or was deleted", async () => {
    github()
      .get(`${api}/issues/404`)
      .reply(404, { message: "Not Found" })
      .get(`${api}/issues/410`)
      .reply(410, { message: "This issue was deleted" });
    const repo = makeRepo();
    expect(await repo.getIssue(404)).toBeNull();
    expect(await repo.getIssue(410)).toBeNull();
  });

  it("defaults missing text, a deleted author and odd labels", async () => {
    github()
      .get(`${api}/issues/14`)
      .reply(200, { id: 1014, number: 14, body: null, user: null, labels: [{}, 7, { name: "ok" }] });
    expect(await makeRepo().getIssue(14)).toEqual({
      number: 14,
      id: 1014,
      title: "",
      body: "",
      state: "open",
      labels: ["ok"],
      author: null,
      isPullRequest: false,
    });
  });

  it("refuses an answer without the issue's id, which sub-issues need", async () => {
    github().get(`${api}/issues/15`).reply(200, { number: 15, title: "no id" });
    await expectRepoError(
      makeRepo().getIssue(15),
      "unavailable",
      null,
      "reading issue #15 of acme/app: GitHub's answer has no id",
    );
  });

  it("surfaces a server error", async () => {
    github().get(`${api}/issues/16`).reply(503, { message: "Service Unavailable" });
    await expectRepoError(
      makeRepo().getIssue(16),
      "unavailable",
      503,
      "reading issue #16 of acme/app: Service Unavailable",
    );
  });
});

describe("listIssues", () => {
  it("asks for issues with every label, oldest first, and leaves pull requests out", async () => {
    github()
      .get(`${api}/issues`)
      .query({ ...listQuery, labels: "swarm:task,swarm:track:12", state: "all" })
      .reply(200, [issueAnswer(3), issueAnswer(4, { pull_request: {} }), issueAnswer(5)]);
    const found = await makeRepo().listIssues(["swarm:task", "swarm:track:12"], "all", 10);
    expect(found.map((issue) => issue.number)).toEqual([3, 5]);
  });

  it("encodes label names with spaces, emoji, # and %", async () => {
    github()
      .get(`${api}/issues`)
      .query({ ...listQuery, labels: "🚀 launch,50% #1" })
      .reply(200, []);
    expect(await makeRepo().listIssues(["🚀 launch", "50% #1"], "open", 10)).toEqual([]);
    expect(strict().requests[0]?.url).toContain("labels=%F0%9F%9A%80%20launch%2C50%25%20%231");
  });

  it("follows the pages and stops at the limit without asking for the rest", async () => {
    const page = (from: number) => Array.from({ length: 100 }, (_, i) => issueAnswer(from + i));
    github()
      .get(`${api}/issues`)
      .query({ ...listQuery, labels: "swarm:task" })
      .reply(200, page(1), nextPage(`${api}/issues?labels=swarm%3Atask&state=open&per_page=100&page=2`))
      .get(`${api}/issues`)
      .query({ labels: "swarm:task", state: "open", per_page: 100, page: 2 })
      .reply(200, page(101), nextPage(`${api}/issues?labels=swarm%3Atask&state=open&per_page=100&page=3`));
    const found = await makeRepo().listIssues(["swarm:task"], "open", 150);
    expect(found).toHaveLength(150);
    expect(found.at(-1)?.number).toBe(150);
    expect(strict().requests).toHaveLength(2);
  });

  it("counts only issues towards the limit", async () => {
    github()
      .get(`${api}/issues`)
      .query({ ...listQuery, labels: "x" })
      .reply(200, [issueAnswer(1, { pull_request: {} }), issueAnswer(2), issueAnswer(3), issueAnswer(4)]);
    expect((await makeRepo().listIssues(["x"], "open", 2)).map((issue) => issue.number)).toEqual([2, 3]);
  });

  it("lists every issue when no label is given, and nothing for a limit of 0", async () => {
    github()
      .get(`${api}/issues`)
      .query(listQuery)
      .reply(200, [issueAnswer(1)]);
    const repo = makeRepo();
    expect(await repo.listIssues([], "open", 5)).toHaveLength(1);
    expect(await repo.listIssues(["x"], "open", 0)).toEqual([]);
    expect(strict().requests).toHaveLength(1);
  });

  it("refuses a label name with a comma, which the filter would split", async () => {
    await expectRepoError(makeRepo().listIssues(["a,b"], "open", 5), "invalid", null, /comma/);
    expect(strict().requests).toHaveLength(0);
  });

  it("refuses a page that is not a list, and surfaces a server error", async () => {
    github()
      .get(`${api}/issues`)
      .query({ ...listQuery, labels: "x" })
      .reply(200, { message: "odd" })
      .get(`${api}/issues`)
      .query({ ...listQuery, labels: "x" })
      .reply(500, { message: "boom" });
    const repo = makeRepo();
    await expectRepoError(repo.listIssues(["x"], "open", 5), "unavailable", null, /is not a list/);
    await expectRepoError(
      repo.listIssues(["x"], "open", 5),
      "unavailable",
      500,
      "listing open issues of acme/app labelled x: boom",
    );
  });
});
