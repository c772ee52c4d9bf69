import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const ref = (name: string, sha: string) => ({ ref: `refs/heads/${name}`, object: { sha, type: "commit" } });

describe("defaultBranch", () => {
  it("asks once per instance", async () => {
    github().get(api).reply(200, { default_branch: "trunk" });
    const repo = makeRepo();
    expect(await repo.defaultBranch()).toBe("trunk");
    expect(await repo.defaultBranch()).toBe("trunk");
    expect(strict().requests).toHaveLength(1);
  });

  it("does not remember a failure, and refuses an answer without the name", async () => {
    github().get(api).reply(500, { message: "boom" }).get(api).reply(200, { name: "app" });
    const repo = makeRepo();
    await expectRepoError(
      repo.defaultBranch(),
      "unavailable",
      500,
      "reading the default branch of acme/app: boom",
    );
    await expectRepoError(repo.defaultBranch(), "unavailable", null, /has no default_branch/);
  });
});

describe("branchHead", () => {
  it("reads the commit a branch with slashes points at", async () => {
    github().get(`${api}/git/ref/heads%2Fswarm%2F12%2FT04`).reply(200, ref("swarm/12/T04", "abc123"));
    expect(await makeRepo().branchHead("swarm/12/T04")).toBe("abc123");
  });

  it("encodes #, %, spaces and emoji in the branch name", async () => {
    github().get(`${api}/git/ref/heads%2Ffix%2F%2312-50%25%20%F0%9F%9A%80`).reply(200, ref("x", "def456"));
    expect(await makeRepo().branchHead("fix/#12-50% 🚀")).toBe("def456");
  });

  it("is null for no such branch, or an empty repository", async () => {
    github()
      .get(`${api}/git/ref/heads%2Fgone`)
      .reply(404, { message: "Not Found" })
      .get(`${api}/git/ref/heads%2Fmain`)
      .reply(409, { message: "Git Repository is empty." });
    const repo = makeRepo();
    expect(await repo.branchHead("gone")).toBeNull();
    expect(await repo.branchHead("main")).toBeNull();
  });

  it("takes only the exact name from a host that answers a prefix with a list", async () => {
    github()
      .get(`${api}/git/ref/heads%2Fswarm`)
      .reply(200, [ref("swarm/12/T04", "a1"), ref("swarm", "b2")])
      .get(`${api}/git/ref/heads%2Fswa`)
      .reply(200, [ref("swarm/12/T04", "a1")]);
    const repo = makeRepo();
    expect(await repo.branchHead("swarm")).toBe("b2");
    expect(await repo.branchHead("swa")).toBeNull();
  });

  it("refuses an answer without the sha, and surfaces a server error", async () => {
    github()
      .get(`${api}/git/ref/heads%2Fmain`)
      .reply(200, { ref: "refs/heads/main" })
      .get(`${api}/git/ref/heads%2Fmain`)
      .reply(500, { message: "boom" });
    const repo = makeRepo();
    await expectRepoError(repo.branchHead("main"), "unavailable", null, /has no sha/);
    await expectRepoError(
      repo.branchHead("main"),
      "unavailable",
      500,
      "reading the head of branch main in acme/app: boom",
    );
  });
});

describe("createBranch", () => {
  it("creates refs/heads/<branch> at the sha", async () => {
    github()
      .post(`${api}/git/refs`, { ref: "refs/heads/swarm/12/T04", sha: "abc123" })
      .reply(201, ref("swarm/12/T04", "abc123"));
    expect(await makeRepo().createBranch("swarm/12/T04", "abc123")).toBe("created");
  });

  it("is exists when the branch is there already", async () => {
    github().post(`${api}/git/refs`).reply(422, { message: "Reference already exists" });
    expect(await makeRepo().createBranch("swarm/12/T04", "abc123")).toBe("exists");
  });

  it("surfaces an unknown sha as invalid", async () => {
    github().post(`${api}/git/refs`).reply(422, { message: "Object does not exist" });
    await expectRepoError(
      makeRepo().createBranch("swarm/12/T04", "nope"),
      "invalid",
      422,
      "creating branch swarm/12/T04 at nope in acme/app: Object does not exist",
    );
  });
});

describe("listBranches", () => {
  it("lists the branches under a prefix with their heads", async () => {
    github()
      .get(`${api}/git/matching-refs/heads%2Fswarm%2F12%2F`)
      .reply(200, [
        ref("swarm/12/T04", "a1"),
        ref("swarm/12/T05", "b2"),
        { ref: "refs/tags/swarm/12/x", object: { sha: "c3" } },
      ]);
    expect(await makeRepo().listBranches("swarm/12/")).toEqual([
      { name: "swarm/12/T04", sha: "a1" },
      { name: "swarm/12/T05", sha: "b2" },
    ]);
  });

  it("keeps at most 1,000 branches of a huge answer", async () => {
    const many = Array.from({ length: 1200 }, (_, i) => ref(`swarm/1/T${i}`, `s${i}`));
    github().get(`${api}/git/matching-refs/heads%2Fswarm%2F1%2F`).reply(200, many);
    const found = await makeRepo().listBranches("swarm/1/");
    expect(found).toHaveLength(1000);
    expect(found.at(-1)).toEqual({ name: "swarm/1/T999", sha: "s999" });
  });

  it("is empty for an empty repository", async () => {
    github()
      .get(`${api}/git/matching-refs/heads%2Fswarm%2F`)
      .reply(409, { message: "Git Repository is empty." });
    expect(await makeRepo().listBranches("swarm/")).toEqual([]);
  });

  it("refuses a ref without a sha, and surfaces a server error", async () => {
    github()
      .get(`${api}/git/matching-refs/heads%2Fswarm%2F`)
      .reply(200, [{ ref: "refs/heads/swarm/1/T1" }])
      .get(`${api}/git/matching-refs/heads%2Fswarm%2F`)
      .reply(500, { message: "boom" });
    const repo = makeRepo();
    await expectRepoError(repo.listBranches("swarm/"), "unavailable", null, /has no sha/);
    await expectRepoError(
      repo.listBranches("swarm/"),
      "unavailable",
      500,
      "listing the branches of acme/app starting with swarm/: boom",
    );
  });
});
