import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const pull = (extra: Record<string, unknown> = {}) => ({
  number: 31,
  state: "open",
  merged: false,
  merged_at: null,
  body: "Report of T04",
  user: { login: "swarm-agent[bot]", type: "Bot" },
  head: { ref: "swarm/12/T04", sha: "abc123", repo: { full_name: "acme/app" } },
  base: { ref: "main", sha: "def456", repo: { full_name: "acme/app" } },
  mergeable: true,
  mergeable_state: "clean",
  ...extra,
});

describe("getPull", () => {
  it("reads a task pull request whole", async () => {
    github().get(`${api}/pulls/31`).reply(200, pull());
    expect(await makeRepo().getPull(31)).toEqual({
      number: 31,
      state: "open",
      merged: false,
      headRef: "swarm/12/T04",
      headSha: "abc123",
      body: "Report of T04",
      baseRef: "main",
      author: { login: "swarm-agent[bot]", type: "Bot" },
      sameRepository: true,
      mergeable: true,
      mergeableState: "clean",
    });
  });

  it("reads merged from merged or from merged_at", async () => {
    github()
      .get(`${api}/pulls/31`)
      .reply(200, pull({ state: "closed", merged: true }))
      .get(`${api}/pulls/31`)
      .reply(200, pull({ state: "closed", merged: undefined, merged_at: "2026-01-02T03:04:05Z" }))
      .get(`${api}/pulls/31`)
      .reply(200, pull({ state: "closed", merged: "yes" }));
    const repo = makeRepo();
    expect(await repo.getPull(31)).toMatchObject({ state: "closed", merged: true });
    expect(await repo.getPull(31)).toMatchObject({ state: "closed", merged: true });
    expect(await repo.getPull(31)).toMatchObject({ state: "closed", merged: false });
  });

  it("tells a fork's pull request, and a deleted fork's, from this repository's (ignoring case)", async () => {
    const head = (repo: unknown) => ({ ref: "swarm/12/T04", sha: "abc123", repo });
    github()
      .get(`${api}/pulls/31`)
      .reply(200, pull({ head: head({ full_name: "mallory/app" }) }))
      .get(`${api}/pulls/31`)
      .reply(200, pull({ head: head(null) }))
      .get(`${api}/pulls/31`)
      .reply(200, pull({ head: head({ name: "app" }) }))
      .get(`${api}/pulls/31`)
      .reply(200, pull({ head: head({ full_name: "ACME/App" }) }));
    const repo = makeRepo();
    expect(await repo.getPull(31)).toMatchObject({ sameRepository: false });
    expect(await repo.getPull(31)).toMatchObject({ sameRepository: false });
    expect(await repo.getPull(31)).toMatchObject({ sameRepository: false });
    expect(await repo.getPull(31)).toMatchObject({ sameRepository: true });
  });

  it("passes on mergeability GitHub is still computing, and defaults a missing state to unknown", async () => {
    github()
      .get(`${api}/pulls/31`)
      .reply(200, pull({ mergeable: null, mergeable_state: "unknown" }))
      .get(`${api}/pulls/31`)
      .reply(200, pull({ mergeable: false, mergeable_state: "dirty" }))
      .get(`${api}/pulls/31`)
      .reply(200, pull({ mergeable: "maybe", mergeable_state: undefined }));
    const repo = makeRepo();
    expect(await repo.getPull(31)).toMatchObject({ mergeable: null, mergeableState: "unknown" });
    expect(await repo.getPull(31)).toMatchObject({ mergeable: false, mergeableState: "dirty" });
    expect(await repo.getPull(31)).toMatchObject({ mergeable: null, mergeableState: "unknown" });
  });

  it("defaults what is missing from a sparse answer", async () => {
    github()
      .get(`${api}/pulls/31`)
      .reply(200, { number: 31, head: { sha: "abc123" }, user: null, body: null });
    expect(await makeRepo().getPull(31)).toEqual({
      number: 31,
      state: "open",
      merged: false,
      headRef: "",
      headSha: "abc123",
      body: "",
      baseRef: "",
      author: null,
      sameRepository: false,
      mergeable: null,
      mergeableState: "unknown",
    });
  });

  it("is null for no such pull request", async () => {
    github().get(`${api}/pulls/404`).reply(404, { message: "Not Found" });
    expect(await makeRepo().getPull(404)).toBeNull();
  });

  it("refuses an answer without its number or head sha, and surfaces a server error", async () => {
    github()
      .get(`${api}/pulls/31`)
      .reply(200, pull({ number: undefined }))
      .get(`${api}/pulls/31`)
      .reply(200, pull({ head: null }))
      .get(`${api}/pulls/31`)
      .reply(200, "<html>proxy error</html>")
      .get(`${api}/pulls/31`)
      .reply(503, { message: "Service Unavailable" });
    const repo = makeRepo();
    await expectRepoError(repo.getPull(31), "unavailable", null, /has no number/);
    await expectRepoError(repo.getPull(31), "unavailable", null, /has no sha/);
    await expectRepoError(repo.getPull(31), "unavailable", null, /is not an object/);
    await expectRepoError(
      repo.getPull(31),
      "unavailable",
      503,
      "reading pull request #31 of acme/app: Service Unavailable",
    );
  });
});
