import { describe, expect, it } from "vitest";
import type { LabelSpec } from "../../../src/github/labels/index.js";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo, nextPage } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const spec = (name: string): LabelSpec => ({ name, color: "c5def5", description: `About ${name}` });
const label = (name: string) => ({ id: name.length, name, color: "ededed", description: null });

describe("ensureLabels", () => {
  it("lists the labels once, creates only the missing ones (ignoring case) and then knows them", async () => {
    github()
      .get(`${api}/labels`)
      .query({ per_page: 100 })
      .reply(200, [label("Swarm:Track")], nextPage(`${api}/labels?per_page=100&page=2`))
      .get(`${api}/labels`)
      .query({ per_page: 100, page: 2 })
      .reply(200, [label("bug")])
      .post(`${api}/labels`, {
        name: "swarm:status:ready",
        color: "c5def5",
        description: "About swarm:status:ready",
      })
      .reply(201, label("swarm:status:ready"));
    const repo = makeRepo();
    await repo.ensureLabels([spec("swarm:track"), spec("BUG"), spec("swarm:status:ready")]);
    // Known now, created or listed: nothing more is sent.
    await repo.ensureLabels([spec("swarm:status:ready"), spec("swarm:track")]);
    expect(strict().requests.map((request) => request.method)).toEqual(["GET", "GET", "POST"]);
  });

  it("creates a label named twice in one call once, and a later new label without listing again", async () => {
    github()
      .get(`${api}/labels`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${api}/labels`, (body) => body.name === "swarm:needs-T04")
      .reply(201, label("swarm:needs-T04"))
      .post(`${api}/labels`, (body) => body.name === "🚀 launch")
      .reply(201, label("🚀 launch"));
    const repo = makeRepo();
    await repo.ensureLabels([spec("swarm:needs-T04"), spec("SWARM:NEEDS-t04")]);
    await repo.ensureLabels([spec("🚀 launch")]);
    expect(strict().requests).toHaveLength(3);
  });

  it("takes a 422 already_exists (another process won the race) as done, and remembers the label", async () => {
    github()
      .get(`${api}/labels`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${api}/labels`)
      .reply(422, {
        message: "Validation Failed",
        errors: [{ resource: "Label", code: "already_exists", field: "name" }],
      });
    const repo = makeRepo();
    await repo.ensureLabels([spec("swarm:track")]);
    await repo.ensureLabels([spec("swarm:track")]);
  });

  it("stops listing at 1,000 labels and finds the ones beyond by their 422", async () => {
    const page = (n: number) => Array.from({ length: 100 }, (_, i) => label(`label-${n}-${i}`));
    const scope = github();
    for (let n = 1; n <= 10; n++) {
      scope
        .get(`${api}/labels`)
        .query(n === 1 ? { per_page: 100 } : { per_page: 100, page: n })
        .reply(200, page(n), nextPage(`${api}/labels?per_page=100&page=${n + 1}`));
    }
    scope
      .post(`${api}/labels`)
      .reply(422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists" }] });
    // Page 11 is never mocked: asking for it would fail the test.
    await makeRepo().ensureLabels([spec("label-3-7"), spec("label-11-0")]);
    expect(strict().requests.filter((request) => request.method === "GET")).toHaveLength(10);
  });

  it("sends nothing for no labels", async () => {
    await makeRepo().ensureLabels([]);
    expect(strict().requests).toHaveLength(0);
  });

  it("surfaces a failed listing, and lists again on the next call", async () => {
    github()
      .get(`${api}/labels`)
      .query({ per_page: 100 })
      .reply(502, { message: "Bad Gateway" })
      .get(`${api}/labels`)
      .query({ per_page: 100 })
      .reply(200, [label("swarm:track")]);
    const repo = makeRepo();
    await expectRepoError(
      repo.ensureLabels([spec("swarm:track")]),
      "unavailable",
      502,
      "listing the labels of acme/app: Bad Gateway",
    );
    await repo.ensureLabels([spec("swarm:track")]);
  });

  it("surfaces a label GitHub refuses, with GitHub's reason", async () => {
    github()
      .get(`${api}/labels`)
      .query({ per_page: 100 })
      .reply(200, [{ color: "ffffff" }, "not a label"])
      .post(`${api}/labels`)
      .reply(422, {
        message: "Validation Failed",
        errors: [{ resource: "Label", code: "invalid", field: "color", message: "color is invalid" }],
      });
    await expectRepoError(
      makeRepo().ensureLabels([{ name: "x", color: "#zzz", description: "" }]),
      "invalid",
      422,
      "creating label x in acme/app: Validation Failed: color is invalid",
    );
  });
});

describe("addLabels", () => {
  it("sends the names and returns the issue's labels as GitHub lists them", async () => {
    github()
      .post(`${api}/issues/7/labels`, { labels: ["swarm:status:running", "swarm:needs-T04"] })
      .reply(200, [label("swarm:task"), label("swarm:status:running"), label("swarm:needs-T04")]);
    expect(await makeRepo().addLabels(7, ["swarm:status:running", "swarm:needs-T04"])).toEqual([
      "swarm:task",
      "swarm:status:running",
      "swarm:needs-T04",
    ]);
  });

  it("reads the labels instead of sending an empty list, which GitHub refuses", async () => {
    github()
      .get(`${api}/issues/7/labels`)
      .query({ per_page: 100 })
      .reply(200, [label("swarm:task")]);
    expect(await makeRepo().addLabels(7, [])).toEqual(["swarm:task"]);
  });

  it("drops entries without a name rather than crashing", async () => {
    github()
      .post(`${api}/issues/7/labels`)
      .reply(200, [{ id: 3 }, null, label("kept")]);
    expect(await makeRepo().addLabels(7, ["kept"])).toEqual(["kept"]);
  });

  it("surfaces a missing issue as not-found", async () => {
    github().post(`${api}/issues/99/labels`).reply(404, { message: "Not Found" });
    await expectRepoError(
      makeRepo().addLabels(99, ["a"]),
      "not-found",
      404,
      "adding labels a to issue #99 in acme/app: Not Found",
    );
  });
});

describe("removeLabel", () => {
  it("encodes the label name as one path segment", async () => {
    github()
      .delete(`${api}/issues/7/labels/swarm%3Aneeds-T04`)
      .reply(200, [])
      .delete(`${api}/issues/7/labels/a%20b%2Fc%23d%25e%20%F0%9F%9A%80`)
      .reply(200, []);
    const repo = makeRepo();
    await repo.removeLabel(7, "swarm:needs-T04");
    await repo.removeLabel(7, "a b/c#d%e 🚀");
    expect(strict().requests.map((request) => request.url)).toEqual([
      "https://api.github.com/repos/acme/app/issues/7/labels/swarm%3Aneeds-T04",
      "https://api.github.com/repos/acme/app/issues/7/labels/a%20b%2Fc%23d%25e%20%F0%9F%9A%80",
    ]);
  });

  it("is fine when the issue does not carry the label", async () => {
    github().delete(`${api}/issues/7/labels/gone`).reply(404, { message: "Label does not exist" });
    await makeRepo().removeLabel(7, "gone");
  });

  it("refuses names that would address every label of the issue, without sending anything", async () => {
    const repo = makeRepo();
    for (const name of ["", ".", ".."]) {
      await expectRepoError(repo.removeLabel(7, name), "invalid", null, /is not a usable label name/);
    }
    expect(strict().requests).toHaveLength(0);
  });

  it("surfaces a server error", async () => {
    github().delete(`${api}/issues/7/labels/x`).reply(500, { message: "boom" });
    await expectRepoError(
      makeRepo().removeLabel(7, "x"),
      "unavailable",
      500,
      "removing label x from issue #7 in acme/app: boom",
    );
  });
});
