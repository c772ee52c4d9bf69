// `npm start` for real: the entry point runs in its own process with a test key, GHE_HOST pointing at a local
// server, and receives signed deliveries over HTTP.

import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

const key = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();
const secret = "test-secret";
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
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

async function deliver(port: number, body: string, signature: string): Promise<number> {
  return (
    await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
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

describe("npm start", () => {
  it("serves webhooks and verifies their signatures", async () => {
    const port = await freePort();
    const server = start({
      APP_ID: "1",
      PRIVATE_KEY: key,
      WEBHOOK_SECRET: secret,
      PORT: String(port),
      HOST: "127.0.0.1",
      GHE_HOST: "127.0.0.1:9",
      GHE_PROTOCOL: "http",
    });
    await waitUntilServing(port, server.exited);
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const signed = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    expect(await deliver(port, body, signed)).toBe(200);
    const forged = `sha256=${createHmac("sha256", "wrong").update(body).digest("hex")}`;
    expect(await deliver(port, body, forged)).toBeGreaterThanOrEqual(400);
  }, 30_000);

  it("refuses to start without its settings and says which are missing", async () => {
    const server = start({ WEBHOOK_SECRET: secret });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("swarm-dispatch: APP_ID is not set");
    expect(server.output()).toContain("PRIVATE_KEY or PRIVATE_KEY_PATH is not set");
  }, 30_000);
});
