import { describe, expect, it } from "vitest";
import { nextPageAfter } from "../../../src/github/repo/octokit-check-runs.js";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo, nextPage } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const runs = `${api}/commits/abc123/check-runs`;
const run = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: `check ${id}`,
  head_sha: "abc123",
  status: "completed",
  conclusion: "success",
  external_id: `swarm:12:T${id}`,
  started_at: "2026-01-02T03:04:05Z",
  app: { id: 4242, slug: "swarm-dispatch" },
  ...extra,
});
const found = (id: number) => ({
  id,
  name: `check ${id}`,
  status: "completed",
  conclusion: "success",
  appId: 4242,
  externalId: `swarm:12:T${id}`,
  startedAt: "2026-01-02T03:04:05Z",
});
const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => run(from + i));

describe("listCheckRuns", () => {
  it("reads every app's runs from GitHub's { total_count, check_runs } answer, over two pages", async () => {
    github()
      .get(runs)
      .query({ per_page: 100 })
      .reply(200, { total_count: 103, check_runs: page(1, 100) }, nextPage(`${runs}?per_page=100&page=2`))
      .get(runs)
      .query({ per_page: 100, page: 2 })
      .reply(200, { total_count: 103, check_runs: page(101, 3) });
    const listed = await makeRepo().listCheckRuns("abc123", 1000);
    expect(listed).toHaveLength(103);
    expect(listed[0]).toEqual(found(1));
    expect(listed.at(-1)).toEqual(found(103));
    expect(strict().requests).toHaveLength(2);
  });

  it("stops at the limit without asking for the next page, and sends nothing for a limit of 0", async () => {
    github()
      .get(runs)
      .query({ per_page: 100 })
      .reply(200, { total_count: 150, check_runs: page(1, 100) }, nextPage(`${runs}?per_page=100&page=2`));
    const repo = makeRepo();
    expect(await repo.listCheckRuns("abc123", 0)).toEqual([]);
    expect(await repo.listCheckRuns("abc123", 60)).toHaveLength(60);
    expect(strict().requests).toHaveLength(1);
  });

  it("passes a status shown as a check, a run still going and a run without an external id", async () => {
    github()
      .get(runs)
      .query({ per_page: 100 })
      .reply(200, {
        total_count: 3,
        check_runs: [
          run(1, { app: null, external_id: null }),
          run(2, { status: "in_progress", conclusion: null, external_id: "" }),
          { id: 3 },
        ],
      });
    expect(await makeRepo().listCheckRuns("abc123", 10)).toEqual([
      { ...found(1), appId: null, externalId: null },
      { ...found(2), status: "in_progress", conclusion: null, externalId: null },
      { id: 3, name: "", status: "", conclusion: null, appId: null, externalId: null, startedAt: null },
    ]);
  });

  it("asks only GitHub for the next page, whatever host the Link header names", async () => {
    github()
      .get(runs)
      .query({ per_page: 100 })
      .reply(
        200,
        { total_count: 2, check_runs: [run(1)] },
        { link: '<https://evil.example/steal?per_page=100&page=2>; rel="next"' },
      )
      .get(runs)
      .query({ per_page: 100, page: 2 })
      .reply(200, { total_count: 2, check_runs: [run(2)] }, nextPage(`${runs}?per_page=100&page=2`));
    // The second answer names its own page as next: reading it again would never end.
    expect((await makeRepo().listCheckRuns("abc123", 1000)).map((r) => r.id)).toEqual([1, 2]);
  });

  it("refuses an answer without its run list or a run without its id", async () => {
    github()
      .get(runs)
      .query({ per_page: 100 })
      .reply(200, { total_count: 1 })
      .get(runs)
      .query({ per_page: 100 })
      .reply(200, [run(1)])
      .get(runs)
      .query({ per_page: 100 })
      .reply(200, { total_count: 1, check_runs: [{ name: "no id" }] });
    const repo = makeRepo();
    await expectRepoError(repo.listCheckRuns("abc123", 10), "unavailable", null, /is not a list/);
    await expectRepoError(repo.listCheckRuns("abc123", 10), "unavailable", null, /is not an object/);
    await expectRepoError(repo.listCheckRuns("abc123", 10), "unavailable", null, /has no id/);
  });

  it("surfaces an unknown commit and a server error", async () => {
    github()
      .get(runs)
      .query({ per_page: 100 })
      .reply(422, { message: "No commit found for SHA: abc123" })
      .get(runs)
      .query({ per_page: 100 })
      .reply(500, { message: "boom" });
    const repo = makeRepo();
    await expectRepoError(
      repo.listCheckRuns("abc123", 10),
      "invalid",
      422,
      "listing the check runs on abc123 in acme/app: No commit found for SHA: abc123",
    );
    await expectRepoError(repo.listCheckRuns("abc123", 10), "unavailable", 500, /boom/);
  });
});

describe("nextPageAfter", () => {
  it("reads the next page's number, and nothing that would not move on", () => {
    expect(nextPageAfter(1, '<https://api.github.com/x?page=2>; rel="next", <…?page=9>; rel="last"')).toBe(2);
    expect(nextPageAfter(1, '<https://api.github.com/x?page=9>; rel="last"')).toBeNull();
    expect(nextPageAfter(2, '<https://api.github.com/x?page=2>; rel="next"')).toBeNull();
    expect(nextPageAfter(1, '<https://api.github.com/x?page=two>; rel="next"')).toBeNull();
    expect(nextPageAfter(1, '<http://[::1>; rel="next"')).toBeNull();
    expect(nextPageAfter(1, undefined)).toBeNull();
  });
});
