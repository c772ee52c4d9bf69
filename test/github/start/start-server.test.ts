// `npm start` for real: the entry point runs in its own process with a test key, GHE_HOST pointing at a local
// server, and receives signed deliveries over HTTP.

import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../../src/fake-github/app/app-process.js";
import { adaptPayload, examplePayload } from "../../../src/fake-github/webhook-examples.js";

const key = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();
const secret = "test-secret";
const children: ChildProcess[] = [];
const servers: Server[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const server of servers.splice(0)) server.close();
});

interface Seen {
  method: string;
  url: string;
  body: string;
}

/** A GitHub Enterprise API on loopback (`/api/v3`): a token for any installation, a read-only commenter. */
async function localEnterprise(): Promise<{ port: number; seen: Seen[]; commented: Promise<Seen> }> {
  const seen: Seen[] = [];
  let commented: (request: Seen) => void = () => {};
  const comment = new Promise<Seen>((resolve) => {
    commented = resolve;
  });
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      request.on("data", (chunk) => {
        body += String(chunk);
      });
      request.on("end", () => resolve(body));
    });
  const server = createHttpServer(async (request, response) => {
    const entry = { method: request.method ?? "", url: request.url ?? "", body: await read(request) };
    seen.push(entry);
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(value));
    };
    if (/^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(entry.url))
      return json(201, { token: "ghs_local", expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    if (entry.url.includes("/collaborators/guest/permission"))
      return json(200, { permission: "read", role_name: "read", user: { login: "guest" } });
    if (entry.method === "POST" && entry.url === "/api/v3/repos/acme/shop/issues/7/comments") {
      commented(entry);
      return json(201, { id: 1 });
    }
    if (entry.method === "POST" && entry.url.endsWith("/reactions")) return json(201, { id: 2 });
    return json(404, { message: "Not Found" });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { port: typeof address === "object" && address ? address.port : 0, seen, commented: comment };
}

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/github/start/main.ts"], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, output: () => output, exited };
}

async function deliver(port: number, body: string, signature: string, event = "ping"): Promise<number> {
  return (
    await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": "11111111-2222-3333-4444-555555555555",
        "x-hub-signature-256": signature,
      },
      body,
    })
  ).status;
}

async function waitUntilServing(port: number, exited: Promise<number | null>): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const ended = await Promise.race([
      exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 100)),
    ]);
    if (ended) throw new Error("the server exited");
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      // not listening yet
    }
  }
  throw new Error("the server did not start");
}

const sign = (body: string, signedWith = secret) =>
  `sha256=${createHmac("sha256", signedWith).update(body).digest("hex")}`;

/** `npm start` with a test key, listening on a free port, with API requests going to `gheHost`. */
async function startApp(gheHost: string): Promise<number> {
  const port = await freePort();
  const server = start({
    APP_ID: "1",
    PRIVATE_KEY: key,
    WEBHOOK_SECRET: secret,
    PORT: String(port),
    HOST: "127.0.0.1",
    GHE_HOST: gheHost,
    GHE_PROTOCOL: "http",
  });
  await waitUntilServing(port, server.exited);
  return port;
}

describe("npm start", () => {
  it("serves webhooks and verifies their signatures", async () => {
    const port = await startApp("127.0.0.1:9");
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    expect(await deliver(port, body, sign(body))).toBe(200);
    expect(await deliver(port, body, sign(body, "wrong"))).toBeGreaterThanOrEqual(400);
  }, 30_000);

  it("answers a command with requests to the GHE_HOST it was given", async () => {
    const api = await localEnterprise();
    const port = await startApp(`127.0.0.1:${api.port}`);
    const payload = adaptPayload(examplePayload("issue_comment", "created"), {
      installationId: 4242,
      owner: "acme",
      repo: "shop",
      issueNumber: 7,
      labels: ["swarm:track"],
      body: "/dispatch",
      author: { login: "guest", type: "User" },
    });
    const body = JSON.stringify(payload);
    expect(await deliver(port, body, sign(body), "issue_comment")).toBe(200);
    const reply = await api.commented;
    expect(JSON.parse(reply.body).body).toContain("`/dispatch` (line 1) was not run: it needs write access");
    expect(api.seen.map((entry) => `${entry.method} ${entry.url.split("?")[0]}`)).toContain(
      "GET /api/v3/repos/acme/shop/collaborators/guest/permission",
    );
  }, 30_000);

  it("refuses to start without its settings and says which are missing", async () => {
    const server = start({ WEBHOOK_SECRET: secret });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("swarm-dispatch: APP_ID is not set");
    expect(server.output()).toContain("PRIVATE_KEY or PRIVATE_KEY_PATH is not set");
  }, 30_000);
});
