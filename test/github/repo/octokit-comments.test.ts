import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, commentAnswer, expectRepoError, makeRepo, nextPage } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const comments = `${api}/issues/12/comments`;
const page = (from: number, count = 100) =>
  Array.from({ length: count }, (_, i) => commentAnswer(from + i, `comment ${from + i}`));
const marked = (id: number) => commentAnswer(id, `<!-- swarm-dispatch:dashboard track=12 -->\nthe dashboard`);
const isDashboard = (body: string) => body.startsWith("<!-- swarm-dispatch:dashboard");

describe("createComment and updateComment", () => {
  it("creates a comment and returns its id", async () => {
    github().post(comments, { body: "Hello" }).reply(201, commentAnswer(555, "Hello"));
    expect(await makeRepo().createComment(12, "Hello")).toBe(555);
  });

  it("surfaces a locked issue, and refuses an answer without the id", async () => {
    github()
      .post(comments)
      .reply(403, { message: "Unable to create comment because issue is locked." })
      .post(comments)
      .reply(201, { body: "Hello" });
    const repo = makeRepo();
    await expectRepoError(
      repo.createComment(12, "Hello"),
      "forbidden",
      403,
      "commenting on issue #12 of acme/app: Unable to create comment because issue is locked.",
    );
    await expectRepoError(repo.createComment(12, "Hello"), "unavailable", null, /has no id/);
  });

  it("updates a comment, and says missing for one that was deleted", async () => {
    github()
      .patch(`${api}/issues/comments/555`, { body: "v2" })
      .reply(200, commentAnswer(555, "v2"))
      .patch(`${api}/issues/comments/556`)
      .reply(404, { message: "Not Found" });
    const repo = makeRepo();
    expect(await repo.updateComment(555, "v2")).toBe("updated");
    expect(await repo.updateComment(556, "v2")).toBe("missing");
  });

  it("surfaces a server error on update", async () => {
    github().patch(`${api}/issues/comments/555`).reply(500, { message: "boom" });
    await expectRepoError(
      makeRepo().updateComment(555, "v2"),
      "unavailable",
      500,
      "updating comment 555 in acme/app: boom",
    );
  });
});

describe("findComment", () => {
  it("pages until the first match and asks for no more", async () => {
    github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, page(1), nextPage(`${comments}?per_page=100&page=2`))
      .get(comments)
      .query({ per_page: 100, page: 2 })
      .reply(200, [...page(101, 10), marked(111), marked(112)], nextPage(`${comments}?per_page=100&page=3`));
    expect(await makeRepo().findComment(12, isDashboard, 1000)).toEqual({
      id: 111,
      body: "<!-- swarm-dispatch:dashboard track=12 -->\nthe dashboard",
      author: { login: "swarm-dispatch[bot]", type: "Bot" },
    });
    expect(strict().requests).toHaveLength(2);
  });

  it("reads at most `limit` comments", async () => {
    github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, page(1), nextPage(`${comments}?per_page=100&page=2`))
      .get(comments)
      .query({ per_page: 100, page: 2 })
      .reply(200, [...page(101, 60), marked(161)], nextPage(`${comments}?per_page=100&page=3`));
    const seen: string[] = [];
    const found = await makeRepo().findComment(
      12,
      (body) => {
        seen.push(body);
        return isDashboard(body);
      },
      150,
    );
    expect(found).toBeNull();
    expect(seen).toHaveLength(150);
  });

  it("passes a missing body as empty text and a deleted author as null", async () => {
    github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [{ id: 1, body: null, user: null }]);
    expect(await makeRepo().findComment(12, (body) => body === "", 10)).toEqual({
      id: 1,
      body: "",
      author: null,
    });
  });

  it("sends nothing for a limit of 0, and surfaces a missing issue", async () => {
    github().get(comments).query({ per_page: 100 }).reply(404, { message: "Not Found" });
    const repo = makeRepo();
    expect(await repo.findComment(12, () => true, 0)).toBeNull();
    await expectRepoError(
      repo.findComment(12, () => true, 10),
      "not-found",
      404,
      "reading the comments on issue #12 of acme/app: Not Found",
    );
  });
  it("passes the caller's own error on untranslated", async () => {
    github()
      .get(comments)
      .query({ per_page: 100 })
      .reply(200, [commentAnswer(1, "x")]);
    const bug = new TypeError("the caller's bug");
    await expect(
      makeRepo().findComment(
        12,
        () => {
          throw bug;
        },
        10,
      ),
    ).rejects.toBe(bug);
  });
});

describe("react", () => {
  it("adds a reaction, and takes one that was there already as done", async () => {
    github()
      .post(`${api}/issues/comments/555/reactions`, { content: "eyes" })
      .reply(201, { id: 1, content: "eyes" })
      .post(`${api}/issues/comments/555/reactions`, { content: "+1" })
      .reply(200, { id: 2, content: "+1" });
    const repo = makeRepo();
    await repo.react(555, "eyes");
    await repo.react(555, "+1");
    expect(strict().requests).toHaveLength(2);
  });

  it("surfaces a refusal", async () => {
    github().post(`${api}/issues/comments/555/reactions`).reply(422, { message: "Validation Failed" });
    await expectRepoError(
      makeRepo().react(555, "rocket"),
      "invalid",
      422,
      "reacting rocket to comment 555 in acme/app: Validation Failed",
    );
  });
});
