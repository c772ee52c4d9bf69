import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const merge = `${api}/pulls/31/merge`;
const updateBranch = `${api}/pulls/31/update-branch`;

describe("mergePull", () => {
  it("squash-merges at the head the checks saw", async () => {
    github()
      .put(merge, { sha: "abc123", merge_method: "squash" })
      .reply(200, { sha: "merged1", merged: true, message: "Pull Request successfully merged" });
    expect(await makeRepo().mergePull(31, "abc123")).toEqual({ merged: true });
  });

  it("answers GitHub's refusals with its reason: not mergeable, head moved, squash not allowed", async () => {
    github()
      .put(merge)
      .reply(405, { message: 'Required status check "swarm/ci" is expected.' })
      .put(merge)
      .reply(409, { message: "Head branch was modified. Review and try the merge again." })
      .put(merge)
      .reply(422, {
        message: "Validation Failed",
        errors: ["Squash merges are not allowed on this repository."],
      });
    const repo = makeRepo();
    expect(await repo.mergePull(31, "abc123")).toEqual({
      merged: false,
      reason: 'Required status check "swarm/ci" is expected.',
    });
    expect(await repo.mergePull(31, "abc123")).toEqual({
      merged: false,
      reason: "Head branch was modified. Review and try the merge again.",
    });
    expect(await repo.mergePull(31, "abc123")).toEqual({
      merged: false,
      reason: "Validation Failed: Squash merges are not allowed on this repository.",
    });
  });

  it("gives a plain reason for a refusal without a message, and for a 200 that says it did not merge", async () => {
    github()
      .put(merge)
      .reply(405, {})
      .put(merge)
      .reply(405)
      .put(merge)
      .reply(200, { merged: false, message: "Merge conflict" })
      .put(merge)
      .reply(200, { merged: false });
    const repo = makeRepo();
    expect(await repo.mergePull(31, "abc123")).toEqual({ merged: false, reason: "GitHub answered 405" });
    expect(await repo.mergePull(31, "abc123")).toEqual({ merged: false, reason: "GitHub answered 405" });
    expect(await repo.mergePull(31, "abc123")).toEqual({ merged: false, reason: "Merge conflict" });
    expect(await repo.mergePull(31, "abc123")).toEqual({ merged: false, reason: "GitHub did not merge it" });
  });

  it("takes an odd 200 as merged", async () => {
    github().put(merge).reply(200, "").put(merge).reply(200, { sha: "merged1" });
    const repo = makeRepo();
    expect(await repo.mergePull(31, "abc123")).toEqual({ merged: true });
    expect(await repo.mergePull(31, "abc123")).toEqual({ merged: true });
  });

  it("throws for a lost permission, a missing pull request and a server error", async () => {
    github()
      .put(merge)
      .reply(403, { message: "Resource not accessible by integration" })
      .put(merge)
      .reply(404, { message: "Not Found" })
      .put(merge)
      .reply(502, { message: "Bad Gateway" });
    const repo = makeRepo();
    await expectRepoError(
      repo.mergePull(31, "abc123"),
      "forbidden",
      403,
      "merging pull request #31 of acme/app at abc123: Resource not accessible by integration",
    );
    await expectRepoError(repo.mergePull(31, "abc123"), "not-found", 404, /Not Found/);
    await expectRepoError(repo.mergePull(31, "abc123"), "unavailable", 502, /Bad Gateway/);
  });
});

describe("updatePullBranch", () => {
  it("merges the base into the head it expects", async () => {
    github()
      .put(updateBranch, { expected_head_sha: "abc123" })
      .reply(202, { message: "Updating pull request branch.", url: "https://github.com/acme/app/pull/31" });
    expect(await makeRepo().updatePullBranch(31, "abc123")).toBe("updated");
  });

  it("is conflict when the merge conflicts or the head moved", async () => {
    github()
      .put(updateBranch)
      .reply(422, { message: "merge conflict between base and head" })
      .put(updateBranch)
      .reply(422, { message: "expected head sha didn't match current head ref." })
      .put(updateBranch)
      .reply(422, {});
    const repo = makeRepo();
    expect(await repo.updatePullBranch(31, "abc123")).toBe("conflict");
    expect(await repo.updatePullBranch(31, "abc123")).toBe("conflict");
    expect(await repo.updatePullBranch(31, "abc123")).toBe("conflict");
  });

  it("is updated when the head holds the base already", async () => {
    github().put(updateBranch).reply(422, { message: "There are no new commits on the base branch." });
    expect(await makeRepo().updatePullBranch(31, "abc123")).toBe("updated");
  });

  it("throws for a lost permission, a missing pull request and a server error", async () => {
    github()
      .put(updateBranch)
      .reply(403, { message: "Resource not accessible by integration" })
      .put(updateBranch)
      .reply(404, { message: "Not Found" })
      .put(updateBranch)
      .reply(500, { message: "boom" });
    const repo = makeRepo();
    await expectRepoError(
      repo.updatePullBranch(31, "abc123"),
      "forbidden",
      403,
      "updating the branch of pull request #31 of acme/app from its base: Resource not accessible by integration",
    );
    await expectRepoError(repo.updatePullBranch(31, "abc123"), "not-found", 404, /Not Found/);
    await expectRepoError(repo.updatePullBranch(31, "abc123"), "unavailable", 500, /boom/);
  });
});
