import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRequest } from "../../../src/fake-github/openapi-check.js";

const reasonOf = (request: Parameters<typeof checkRequest>[0]) => {
  const result = checkRequest(request);
  return result.ok ? `accepted as ${result.operationId}` : result.reason;
};

describe("requests GitHub's REST description accepts", () => {
  it.each([
    ["POST", "/repos/acme/app/issues/7/comments", { body: "Dispatched T01" }, "issues/create-comment"],
    [
      "POST",
      "/repos/acme/app/issues/7/labels",
      { labels: ["swarm:ready", "swarm:track-7"] },
      "issues/add-labels",
    ],
    ["POST", "/repos/acme/app/git/refs", { ref: "refs/heads/swarm/7/T01", sha: "f00d" }, "git/create-ref"],
    [
      "POST",
      "/repos/acme/app/actions/workflows/agent.yml/dispatches",
      { ref: "swarm/7/T01", inputs: { track: "7", task: "T01", attempt: "1" }, return_run_details: true },
      "actions/create-workflow-dispatch",
    ],
    ["DELETE", "/repos/acme/app/issues/7/labels/swarm%3Aready", undefined, "issues/remove-label"],
    ["POST", "/repos/acme/app/issues/7/sub_issues", { sub_issue_id: 42 }, "issues/add-sub-issue"],
  ])("%s %s", (method, url, body, operationId) => {
    expect(checkRequest({ method, url, body })).toMatchObject({ ok: true, operationId });
  });

  it("accepts a JSON body sent as a string, as nock hands it over", () => {
    const body = JSON.stringify({ body: "hello" });
    expect(checkRequest({ method: "POST", url: "/repos/acme/app/issues/7/comments", body }).ok).toBe(true);
  });

  it("accepts full URLs, a GHE /api/v3 prefix and known query parameters", () => {
    const url = "https://ghe.test/api/v3/repos/acme/app/issues?labels=swarm%3Atask&state=all&per_page=100";
    expect(checkRequest({ method: "GET", url })).toMatchObject({
      ok: true,
      operationId: "issues/list-for-repo",
    });
  });

  it("prefers a literal segment over a parameter", () => {
    expect(checkRequest({ method: "GET", url: "/repos/acme/app/issues/comments" })).toMatchObject({
      ok: true,
      operationId: "issues/list-comments-for-repo",
    });
  });

  it("accepts contents paths and refs with encoded or raw slashes", () => {
    for (const url of [
      "/repos/acme/app/contents/.github%2Fswarm-dispatch.yml",
      "/repos/acme/app/contents/a/b.md",
    ]) {
      expect(checkRequest({ method: "GET", url })).toMatchObject({
        ok: true,
        operationId: "repos/get-content",
      });
    }
    expect(checkRequest({ method: "GET", url: "/repos/acme/app/git/ref/heads/main" }).ok).toBe(true);
  });
});

describe("GraphQL requests, outside the REST description", () => {
  it("accepts a POST with a string query, on github.com or an Enterprise host", () => {
    const body = { query: "query { viewer { login } }", variables: {} };
    expect(checkRequest({ method: "POST", url: "https://api.github.com/graphql", body }).ok).toBe(true);
    expect(
      checkRequest({ method: "POST", url: "https://ghe.test/api/graphql", body: JSON.stringify(body) }).ok,
    ).toBe(true);
  });

  it("rejects another method or a body without a query", () => {
    expect(reasonOf({ method: "GET", url: "/graphql" })).toBe("GET /graphql: GraphQL takes POST only");
    expect(reasonOf({ method: "POST", url: "/graphql", body: { mutation: "x" } })).toBe(
      'POST /graphql: body must have a string "query"',
    );
  });
});

describe("requests it rejects, naming the method, the path and the problem", () => {
  it("a path no template matches", () => {
    expect(reasonOf({ method: "POST", url: "/repos/acme/app/issue/7/comments", body: { body: "x" } })).toBe(
      "POST /repos/acme/app/issue/7/comments: no path template in GitHub's REST description matches " +
        "/repos/acme/app/issue/7/comments",
    );
  });

  it("a method the path does not have", () => {
    expect(reasonOf({ method: "PUT", url: "/repos/acme/app/issues/7/comments", body: { body: "x" } })).toBe(
      "PUT /repos/acme/app/issues/7/comments: GitHub has no PUT on " +
        "/repos/{owner}/{repo}/issues/{issue_number}/comments (it has GET, POST)",
    );
  });

  it("an integer path parameter built from a missing value", () => {
    expect(
      reasonOf({ method: "POST", url: "/repos/acme/app/issues/undefined/comments", body: { body: "x" } }),
    ).toContain('path parameter issue_number must be an integer, got "undefined"');
  });

  it("a body of the wrong type, with the first schema error", () => {
    expect(reasonOf({ method: "POST", url: "/repos/acme/app/issues/7/comments", body: { body: 42 } })).toBe(
      "POST /repos/acme/app/issues/7/comments (/repos/{owner}/{repo}/issues/{issue_number}/comments): " +
        "body.body must be string",
    );
    const dispatch = "/repos/acme/app/actions/workflows/agent.yml/dispatches";
    expect(
      reasonOf({ method: "POST", url: dispatch, body: { ref: "main", return_run_details: "yes" } }),
    ).toContain("body.return_run_details must be boolean");
    expect(reasonOf({ method: "PATCH", url: "/repos/acme/app/issues/7", body: { state: "shut" } })).toContain(
      "body.state must be equal to one of the allowed values (open, closed)",
    );
  });

  it("a body missing a required property, or missing entirely", () => {
    const url = "/repos/acme/app/actions/workflows/agent.yml/dispatches";
    expect(reasonOf({ method: "POST", url, body: { inputs: {} } })).toContain(
      "body must have required property 'ref'",
    );
    expect(reasonOf({ method: "POST", url, body: undefined })).toContain(
      "has no body, but this operation requires one",
    );
  });

  it("a misspelt property GitHub would silently ignore", () => {
    const url = "/repos/acme/app/actions/workflows/agent.yml/dispatches";
    expect(reasonOf({ method: "POST", url, body: { ref: "main", return_run_detail: true } })).toContain(
      'body has property "return_run_detail", which GitHub\'s description does not list',
    );
  });

  it("a body on an operation that takes none, a body that is not JSON, and an unknown query parameter", () => {
    expect(reasonOf({ method: "GET", url: "/repos/acme/app/issues/7", body: { body: "x" } })).toContain(
      "takes none",
    );
    expect(reasonOf({ method: "POST", url: "/repos/acme/app/issues/7/comments", body: "{body:" })).toContain(
      "body is not valid JSON",
    );
    expect(reasonOf({ method: "GET", url: "/repos/acme/app/issues?labelz=x" })).toContain(
      "unknown query parameter labelz",
    );
  });

  it("never throws on hostile input", () => {
    expect(reasonOf({ method: "GET", url: "http://[" })).toBe("GET http://[: not a URL");
    expect(reasonOf({ method: "constructor", url: "/repos/acme/app/issues/7" })).toContain(
      'GitHub\'s REST API has no method "constructor"',
    );
    const comments = "/repos/acme/app/issues/7/comments";
    expect(reasonOf({ method: "POST", url: comments, body: { body: "x", constructor: 1 } })).toContain(
      'body has property "constructor"',
    );
    let deep: unknown = "x";
    for (let i = 0; i < 1000; i++) deep = { body: deep };
    expect(reasonOf({ method: "POST", url: "/repos/acme/app/issues/7/comments", body: deep })).toContain(
      "body.body must be string",
    );
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 300 }), fc.anything(), (method, url, body) => {
        const result = checkRequest({ method, url, body });
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 100 },
    );
  });
});
