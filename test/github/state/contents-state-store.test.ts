import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { emptyDocument } from "../../../src/github/state/app-document.js";
import { ContentsStateStore } from "../../../src/github/state/contents-state-store.js";
import { documentToText } from "../../../src/github/state/state-document.js";
import { useStrictNock } from "../../support/github/strict-nock.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const repo = { owner: "acme", repo: "app" };
const contents = "/repos/acme/app/contents/state.json";
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

function store(): ContentsStateStore {
  const Octokit = ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } });
  return new ContentsStateStore(new Octokit({ auth: "test-token" }), repo);
}

describe("the state document in the repository", () => {
  it("is absent until the first write", async () => {
    github().get(contents).query({ ref: "swarm-dispatch/state" }).reply(404, { message: "Not Found" });
    expect(await store().load()).toBeNull();
  });

  it("reads the document and its blob sha as the version", async () => {
    const state = emptyDocument(3);
    github()
      .get(contents)
      .query({ ref: "swarm-dispatch/state" })
      .reply(200, {
        type: "file",
        sha: "abc123",
        encoding: "base64",
        content: base64(documentToText(state)),
      });
    expect(await store().load()).toEqual({ document: state, version: "abc123" });
  });

  it("creates the state branch from the default branch's head on the first write", async () => {
    let written = "";
    github()
      .put(contents)
      .reply(404, { message: "Branch swarm-dispatch/state not found" })
      .get("/repos/acme/app")
      .reply(200, { default_branch: "main" })
      .get("/repos/acme/app/git/ref/heads%2Fmain")
      .reply(200, { ref: "refs/heads/main", object: { sha: "f00d", type: "commit" } })
      .post("/repos/acme/app/git/refs", { ref: "refs/heads/swarm-dispatch/state", sha: "f00d" })
      .reply(201, {})
      .put(contents, (body) => {
        written = Buffer.from(body.content, "base64").toString("utf8");
        return body.branch === "swarm-dispatch/state" && body.sha === undefined;
      })
      .reply(201, { content: { sha: "v1" } });
    expect(await store().save(emptyDocument(), null)).toBe("v1");
    expect(JSON.parse(written)).toEqual({ format: "swarm-dispatch/state@2", document: emptyDocument() });
  });

  it("writes only over the version it read: a stale sha is a conflict", async () => {
    github()
      .put(contents, (body) => body.sha === "old")
      .reply(409, { message: "state.json does not match old" });
    expect(await store().save(emptyDocument(), "old")).toBe("conflict");
    github()
      .put(contents, (body) => body.sha === undefined)
      .reply(422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' });
    expect(await store().save(emptyDocument(), null)).toBe("conflict");
  });

  it("reports a document it cannot read as damaged, with its version", async () => {
    github()
      .get(contents)
      .query({ ref: "swarm-dispatch/state" })
      .reply(200, { type: "file", sha: "bad1", encoding: "base64", content: base64("{ half a file") });
    expect(await store().load()).toMatchObject({
      damaged: expect.stringContaining("not JSON"),
      version: "bad1",
    });
  });

  it("fetches a document over 1 MB raw", async () => {
    const state = emptyDocument();
    github()
      .get(contents)
      .query({ ref: "swarm-dispatch/state" })
      .reply(200, { type: "file", sha: "big", encoding: "none", content: "" })
      .get(contents)
      .query({ ref: "swarm-dispatch/state" })
      .matchHeader("accept", /raw/)
      .reply(200, documentToText(state));
    expect(await store().load()).toEqual({ document: state, version: "big" });
  });

  it("passes other failures on", async () => {
    github().get(contents).query({ ref: "swarm-dispatch/state" }).reply(500, { message: "boom" });
    await expect(store().load()).rejects.toMatchObject({ status: 500 });
  });
});
