// The GitHub fake as a client sees it over HTTP: tokens, the REST description check, unknown endpoints, broken
// and oversized bodies, git-backed branches and pull requests, merges and conflicts, and the webhooks that follow.

import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verify } from "@octokit/webhooks-methods";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub } from "../../src/fake-github/server/fake-github.js";
import { mona, personPushes } from "../../src/fake-github/server/person.js";

let dir: string;
let fake: FakeGitHub;
let token: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fake-server-"));
  fake = await FakeGitHub.start({
    dir: join(dir, "repo.git"),
    files: { "README.md": "# shop\n", "src/a.ts": "export const a = 0;\n" },
    webhookSecret: "s3cret",
    permissions: { mona: "admin" },
  });
  token = fake.mintToken("app");
});

afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, auth = `token ${token}`) {
  const response = await fetch(`${fake.apiUrl}${path}`, {
    method,
    headers: {
      authorization: auth,
      "content-type": "application/json",
      accept: "application/vnd.github+json",
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text === "" ? null : (JSON.parse(text) as Record<string, unknown>),
  };
}

describe("the GitHub fake over HTTP", () => {
  it("wants a token it handed out, and an App JWT for the token exchange", async () => {
    expect((await call("GET", "/repos/acme/shop", undefined, "token ghs_made_up")).status).toBe(401);
    expect((await call("POST", "/app/installations/4242/access_tokens", {}, "token nope")).status).toBe(401);
    const exchange = await call("POST", "/app/installations/4242/access_tokens", {}, "Bearer a.b.c");
    expect(exchange.status).toBe(201);
    const minted = String(exchange.json?.token);
    expect((await call("GET", "/repos/acme/shop", undefined, `token ${minted}`)).json).toMatchObject({
      full_name: "acme/shop",
      default_branch: "main",
    });
  });

  it("fails loudly on a request outside GitHub's REST description and on an endpoint it does not know", async () => {
    const invented = await call("GET", "/repos/acme/shop/teleport");
    expect(invented.status).toBe(400);
    expect(fake.problems[0]).toContain("not in GitHub's REST description: GET /repos/acme/shop/teleport");
    const unknown = await call("GET", "/repos/acme/shop/releases");
    expect(unknown.status).toBe(599);
    expect(() => fake.assertClean()).toThrow(/unknown endpoint: GET \/repos\/acme\/shop\/releases/);
  });

  it("answers broken JSON with 400 and an oversized body with 413, and keeps serving", async () => {
    expect((await call("POST", "/repos/acme/shop/issues", "{not json")).status).toBe(400);
    const huge = JSON.stringify({ title: "x", body: "y".repeat(11 * 1024 * 1024) });
    const oversized = await call("POST", "/repos/acme/shop/issues", huge).catch(() => ({ status: 413 }));
    expect(oversized.status).toBe(413);
    expect((await call("POST", "/repos/acme/shop/issues", { title: "Still here" })).status).toBe(201);
  });

  it("ignores a push notice that names no branch it can read, however long", async () => {
    const before = new Map(fake.world.refs);
    const garbage = [
      "",
      "not a ref line",
      "0 1 refs/tags/v1",
      `a b refs/heads/${"x".repeat(5000)} extra`,
    ].join("\n");
    const response = await fetch(`${fake.url}/_fake/push`, { method: "POST", body: garbage.repeat(200) });
    expect(response.status).toBe(200);
    expect(fake.world.refs).toEqual(before);
    expect(fake.webhooks.made).toEqual([]);
  });

  it("keeps branches in git: a branch from main, a push by a person, a pull request with git's files", async () => {
    const main = fake.world.refs.get("main") as string;
    expect(main).toMatch(/^[0-9a-f]{40}$/);
    expect(
      (await call("POST", "/repos/acme/shop/git/refs", { ref: "refs/heads/work", sha: main })).status,
    ).toBe(201);
    expect(
      (await call("POST", "/repos/acme/shop/git/refs", { ref: "refs/heads/work", sha: main })).status,
    ).toBe(422);
    const noCommits = await call("POST", "/repos/acme/shop/pulls", {
      title: "W",
      head: "work",
      base: "main",
    });
    expect(noCommits.status).toBe(422);
    await personPushes(
      fake,
      "work",
      { "src/b.ts": "export const b = 1;\n", "src/a.ts": "export const a = 1;\n" },
      "Work",
    );
    const opened = await call("POST", "/repos/acme/shop/pulls", {
      title: "W",
      head: "work",
      base: "main",
      body: "Hi",
    });
    expect(opened.status).toBe(201);
    const number = Number(opened.json?.number);
    const files = await call("GET", `/repos/acme/shop/pulls/${number}/files`);
    expect(files.json).toEqual([
      expect.objectContaining({ filename: "src/a.ts", status: "modified" }),
      expect.objectContaining({ filename: "src/b.ts", status: "added" }),
    ]);
    expect(fake.webhooks.made.map((d) => `${d.event}.${d.action}`)).toContain("pull_request.opened");
  });

  it("merges with a real merge commit, refuses a stale head, and marks a conflicting pull request dirty", async () => {
    const main = fake.world.refs.get("main") as string;
    for (const branch of ["one", "two"])
      await call("POST", "/repos/acme/shop/git/refs", { ref: `refs/heads/${branch}`, sha: main });
    await personPushes(fake, "one", { "src/a.ts": "export const a = 1;\n" }, "One");
    await personPushes(fake, "two", { "src/a.ts": "export const a = 2;\n" }, "Two");
    const one = Number(
      (await call("POST", "/repos/acme/shop/pulls", { title: "1", head: "one", base: "main" })).json?.number,
    );
    const two = Number(
      (await call("POST", "/repos/acme/shop/pulls", { title: "2", head: "two", base: "main" })).json?.number,
    );
    const stale = await call("PUT", `/repos/acme/shop/pulls/${one}/merge`, { sha: main });
    expect(stale.status).toBe(409);
    const head = fake.world.pulls.get(one)?.headSha;
    expect((await call("PUT", `/repos/acme/shop/pulls/${one}/merge`, { sha: head })).status).toBe(200);
    expect(await fake.git.readFile("main", "src/a.ts")).toBe("export const a = 1;");
    expect(fake.world.pulls.get(two)?.mergeableState).toBe("dirty");
    expect((await call("PUT", `/repos/acme/shop/pulls/${two}/merge`, {})).status).toBe(405);
    expect((await call("PUT", `/repos/acme/shop/pulls/${two}/update-branch`, {})).status).toBe(422);
    const closed = fake.webhooks.made.find((d) => d.event === "pull_request" && d.action === "closed");
    expect(closed?.payload.pull_request).toMatchObject({ merged: true });
  });

  it("merges two pull requests asked at the same moment one after the other, as GitHub does", async () => {
    const main = fake.world.refs.get("main") as string;
    const numbers: number[] = [];
    for (const branch of ["left", "right"]) {
      await call("POST", "/repos/acme/shop/git/refs", { ref: `refs/heads/${branch}`, sha: main });
      await personPushes(fake, branch, { [`src/${branch}.ts`]: `${branch}\n` }, branch);
      const opened = await call("POST", "/repos/acme/shop/pulls", {
        title: branch,
        head: branch,
        base: "main",
      });
      numbers.push(Number(opened.json?.number));
    }
    const answers = await Promise.all(
      numbers.map((n) => call("PUT", `/repos/acme/shop/pulls/${n}/merge`, {})),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await fake.git.readFile("main", "src/left.ts")).toBe("left");
    expect(await fake.git.readFile("main", "src/right.ts")).toBe("right");
    expect(fake.problems).toEqual([]);
  });

  it("brings a pull request that fell behind up to date by merging its base into it", async () => {
    const main = fake.world.refs.get("main") as string;
    await call("POST", "/repos/acme/shop/git/refs", { ref: "refs/heads/late", sha: main });
    await personPushes(fake, "late", { "src/late.ts": "late\n" }, "Late");
    const number = Number(
      (await call("POST", "/repos/acme/shop/pulls", { title: "L", head: "late", base: "main" })).json?.number,
    );
    await personPushes(fake, "main", { "src/main.ts": "moved\n" }, "Main moves", mona);
    expect(fake.world.pulls.get(number)?.mergeableState).toBe("behind");
    expect((await call("PUT", `/repos/acme/shop/pulls/${number}/update-branch`, {})).status).toBe(202);
    expect(fake.world.pulls.get(number)?.mergeableState).toBe("clean");
    expect(await fake.git.readFile("late", "src/main.ts")).toBe("moved");
  });
});

describe("the fake's webhooks", () => {
  let server: Server;
  const received: { event: string; signature: string; body: string }[] = [];

  beforeEach(async () => {
    received.length = 0;
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += String(chunk);
      });
      request.on("end", () => {
        received.push({
          event: String(request.headers["x-github-event"]),
          signature: String(request.headers["x-hub-signature-256"]),
          body,
        });
        response.writeHead(202);
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address() as { port: number };
    fake.deliverTo([`http://127.0.0.1:${address.port}/hook`]);
  });

  afterEach(() => {
    server.close();
  });

  it("are signed with the secret, in order, and valid against the webhook schemas", async () => {
    await call("POST", "/repos/acme/shop/issues", { title: "First" });
    await call("POST", "/repos/acme/shop/issues/1/comments", { body: "Hello" });
    await call("PATCH", "/repos/acme/shop/issues/1", { state: "closed" });
    await fake.webhooks.idle();
    expect(received.map((delivery) => delivery.event)).toEqual(["issues", "issue_comment", "issues"]);
    for (const delivery of received)
      expect(await verify("s3cret", delivery.body, delivery.signature)).toBe(true);
    expect(JSON.parse(received[2]?.body ?? "{}").action).toBe("closed");
    expect(fake.problems).toEqual([]);
  });

  it("drop, repeat and hold back deliveries when a fault plan says so", async () => {
    fake.webhooks.fault = (_delivery, index) =>
      index === 0
        ? { kind: "drop" }
        : index === 1
          ? { kind: "hold" }
          : { kind: "send", targets: [0], copies: 2 };
    for (const title of ["dropped", "held", "doubled"])
      await call("POST", "/repos/acme/shop/issues", { title });
    await fake.webhooks.idle();
    const titles = () => received.map((delivery) => JSON.parse(delivery.body).issue.title);
    expect(titles()).toEqual(["doubled", "doubled"]);
    fake.webhooks.releaseHeld();
    await fake.webhooks.idle();
    expect(titles()).toEqual(["doubled", "doubled", "held"]);
    expect(
      fake.webhooks.dropped.map((delivery) => (delivery.payload.issue as { title: string }).title),
    ).toEqual(["dropped"]);
  });
});
