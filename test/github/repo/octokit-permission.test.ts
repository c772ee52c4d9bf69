import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const permission = (login: string) => `${api}/collaborators/${login}/permission`;

describe("permissionOf", () => {
  it("takes role_name, which tells maintain and triage apart from write and read", async () => {
    github()
      .get(permission("mia"))
      .reply(200, { permission: "write", role_name: "maintain", user: { login: "mia" } })
      .get(permission("tom"))
      .reply(200, { permission: "read", role_name: "triage", user: { login: "tom" } })
      .get(permission("ada"))
      .reply(200, { permission: "admin", role_name: "admin", user: { login: "ada" } });
    const repo = makeRepo();
    expect(await repo.permissionOf("mia")).toBe("maintain");
    expect(await repo.permissionOf("tom")).toBe("triage");
    expect(await repo.permissionOf("ada")).toBe("admin");
  });

  it("maps a custom role through its base permission", async () => {
    github()
      .get(permission("sam"))
      .reply(200, { permission: "write", role_name: "release-manager", user: { login: "sam" } });
    expect(await makeRepo().permissionOf("sam")).toBe("write");
  });

  it("is none for someone who is no collaborator, an unknown user, or an answer naming no role", async () => {
    github()
      .get(permission("eve"))
      .reply(200, { permission: "none", role_name: "none", user: null })
      .get(permission("ghost"))
      .reply(404, { message: "Not Found" })
      .get(permission("odd"))
      .reply(200, { permission: "superuser", user: null });
    const repo = makeRepo();
    expect(await repo.permissionOf("eve")).toBe("none");
    expect(await repo.permissionOf("ghost")).toBe("none");
    expect(await repo.permissionOf("odd")).toBe("none");
  });

  it("encodes a bot's login and sends nothing for a login that cannot exist", async () => {
    github().get(permission("renovate%5Bbot%5D")).reply(200, { permission: "write", role_name: "write" });
    const repo = makeRepo();
    expect(await repo.permissionOf("renovate[bot]")).toBe("write");
    // `..` would leave the collaborator path; none of these is a GitHub login.
    for (const login of ["", "..", "a/b", "-dash", "with space"]) {
      expect(await repo.permissionOf(login)).toBe("none");
    }
    expect(strict().requests).toHaveLength(1);
  });

  it("surfaces a server error and a rate limit as RepoErrors that say what was asked", async () => {
    github()
      .get(permission("mia"))
      .reply(500, { message: "Server Error" })
      .get(permission("mia"))
      .reply(403, { message: "API rate limit exceeded for installation ID 1." });
    const repo = makeRepo();
    await expectRepoError(
      repo.permissionOf("mia"),
      "unavailable",
      500,
      "reading the permission of mia on acme/app: Server Error",
    );
    await expectRepoError(repo.permissionOf("mia"), "rate-limited", 403, /API rate limit exceeded/);
  });

  it("refuses an answer that is not an object", async () => {
    github().get(permission("mia")).reply(200, []);
    await expectRepoError(makeRepo().permissionOf("mia"), "unavailable", null, /is not an object/);
  });
});
