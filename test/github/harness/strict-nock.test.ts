import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createStrictNock, type StrictNock, useStrictNock } from "../../support/github/strict-nock.js";

const api = "https://api.github.com";
let strict: StrictNock | undefined;

afterEach(() => {
  strict?.restore();
  strict = undefined;
});

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("strict nock", () => {
  it("records each mocked request with the operation it matched, and passes when all mocks were used", async () => {
    strict = createStrictNock();
    strict.scope().post("/repos/acme/app/issues/7/comments").reply(201, { id: 1 });
    const response = await post(`${api}/repos/acme/app/issues/7/comments`, { body: "hi" });
    expect(response.status).toBe(201);
    expect(strict.requests.map((r) => [r.method, r.url, r.check])).toEqual([
      [
        "POST",
        `${api}/repos/acme/app/issues/7/comments`,
        {
          ok: true,
          operationId: "issues/create-comment",
          template: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
        },
      ],
    ]);
    expect(() => strict?.assertDone()).not.toThrow();
  });

  it("fails on a request no mock answers, naming it", async () => {
    strict = createStrictNock();
    strict.scope().get("/repos/acme/app").reply(200, {});
    await fetch(`${api}/repos/acme/app`);
    await expect(post(`${api}/repos/acme/app/issues/7/labels`, { labels: ["x"] })).rejects.toThrow();
    await expect(fetch("https://example.test/elsewhere")).rejects.toThrow();
    expect(strict.problems()).toEqual([
      'no mock answered POST https://api.github.com:443/repos/acme/app/issues/7/labels with body {"labels":["x"]}',
      "no mock answered GET https://example.test:443/elsewhere",
    ]);
    expect(() => strict?.assertDone()).toThrow(/2 problem\(s\)\n {2}- no mock answered POST/);
  });

  it("fails on a mock left unused", () => {
    strict = createStrictNock();
    strict.scope().post("/repos/acme/app/git/refs").reply(201, {});
    expect(() => strict?.assertDone()).toThrow(
      "mock never used: POST https://api.github.com:443/repos/acme/app/git/refs",
    );
  });

  it("fails on a mocked request GitHub's description does not have, even though the mock answered it", async () => {
    strict = createStrictNock();
    strict.scope().post("/repos/acme/app/issues/7/comment").reply(201, {});
    expect((await post(`${api}/repos/acme/app/issues/7/comment`, { body: "x" })).status).toBe(201);
    expect(() => strict?.assertDone()).toThrow(
      "not in GitHub's REST description: POST /repos/acme/app/issues/7/comment: no path template",
    );
  });

  it("blocks loopback unless the test allows it", async () => {
    const server = createServer((_req, res) => res.end("local"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      strict = createStrictNock();
      await expect(fetch(url)).rejects.toThrow();
      expect(strict.problems()).toEqual([`no mock answered GET ${url.slice(0, -1)}/`]);
      strict.restore();

      strict = createStrictNock({ allowLoopback: true });
      expect(await (await fetch(url)).text()).toBe("local");
      await expect(fetch("https://example.test/")).rejects.toThrow();
      expect(strict.problems()).toEqual(["no mock answered GET https://example.test:443/"]);
    } finally {
      server.close();
    }
  });
});

describe("useStrictNock", () => {
  const github = useStrictNock();

  it("hands each test a strict nock that the hooks assert and restore", async () => {
    github().scope().get("/repos/acme/app/issues/7").reply(200, { number: 7 });
    expect(await (await fetch(`${api}/repos/acme/app/issues/7`)).json()).toEqual({ number: 7 });
  });
});
