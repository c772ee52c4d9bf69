import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const pull = (number: number, extra: Record<string, unknown> = {}) => ({
  number,
  state: "open",
  merged_at: null,
  body: `Report of ${number}`,
  head: { ref: "swarm/12/T04", sha: `sha${number}` },
  ...extra,
});

describe("listPulls", () => {
  const query = {
    head: "acme:swarm/12/T04",
    state: "all",
    sort: "created",
    direction: "desc",
    per_page: 100,
  };

  it("asks for this repository's branch and reads merged from merged_at", async () => {
    github()
      .get(`${api}/pulls`)
      .query(query)
      .reply(200, [
        pull(31),
        pull(30, { state: "closed", merged_at: "2026-01-02T03:04:05Z" }),
        pull(29, { state: "closed" }),
      ]);
    expect(await makeRepo().listPulls("swarm/12/T04")).toEqual([
      {
        number: 31,
        state: "open",
        merged: false,
        headRef: "swarm/12/T04",
        headSha: "sha31",
        body: "Report of 31",
      },
      {
        number: 30,
        state: "closed",
        merged: true,
        headRef: "swarm/12/T04",
        headSha: "sha30",
        body: "Report of 30",
      },
      {
        number: 29,
        state: "closed",
        merged: false,
        headRef: "swarm/12/T04",
        headSha: "sha29",
        body: "Report of 29",
      },
    ]);
    expect(strict().requests[0]?.url).toContain("head=acme%3Aswarm%2F12%2FT04");
  });

  it("defaults a missing body and head ref, but refuses a pull request without its head sha", async () => {
    github()
      .get(`${api}/pulls`)
      .query(query)
      .reply(200, [{ number: 31, state: "open", body: null, head: { sha: "s" } }])
      .get(`${api}/pulls`)
      .query(query)
      .reply(200, [{ number: 31, state: "open", head: null }]);
    const repo = makeRepo();
    expect(await repo.listPulls("swarm/12/T04")).toEqual([
      { number: 31, state: "open", merged: false, headRef: "swarm/12/T04", headSha: "s", body: "" },
    ]);
    await expectRepoError(repo.listPulls("swarm/12/T04"), "unavailable", null, /has no sha/);
  });

  it("surfaces a refused query", async () => {
    github().get(`${api}/pulls`).query(query).reply(422, { message: "Validation Failed" });
    await expectRepoError(
      makeRepo().listPulls("swarm/12/T04"),
      "invalid",
      422,
      "listing the pull requests from branch swarm/12/T04 of acme/app: Validation Failed",
    );
  });
});
