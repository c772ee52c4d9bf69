// The app as it runs in production (`npm start`), in a child process pointed at the fake through GHE_HOST and
// GHE_PROTOCOL, with a key made for the occasion and write pacing off (the fake has no secondary limits). The
// fake's webhooks go to the process's webhook URL.

import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:net";
import type { FakeGitHub } from "../server/fake-github.js";

export interface AppProcess {
  child: ChildProcess;
  webhookUrl: string;
  /** Everything it printed. */
  output(): string;
  /** Ends it at once (SIGKILL: no chance to finish what it was doing), and waits until it is gone. */
  kill(): Promise<void>;
}

export interface AppProcessOptions {
  /** How to start the entry point: e.g. ["build/github/start/main.js"], or ["--import", "tsx", "src/…/main.ts"]. */
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  onLine?: (line: string) => void;
}

export function appKey(): string {
  return generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs1", format: "pem" })
    .toString();
}

export async function startAppProcess(fake: FakeGitHub, options: AppProcessOptions): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd ?? process.cwd(),
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      APP_ID: "123456",
      PRIVATE_KEY: appKey(),
      WEBHOOK_SECRET: fake.options.webhookSecret,
      GHE_HOST: fake.host,
      GHE_PROTOCOL: "http",
      WRITE_PACING: "off",
      PORT: String(port),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const take = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output += text;
    for (const line of text.split("\n")) if (line.trim() !== "") options.onLine?.(line);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
  await waitUntilServing(port, exited, () => output);
  return {
    child,
    webhookUrl,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

async function waitUntilServing(port: number, exited: Promise<void>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (let i = 0; i < 300; i++) {
    if (gone) throw new Error(`the app process ended before it served:\n${output().slice(-2000)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ping`);
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the app process did not serve within 30 s:\n${output().slice(-2000)}`);
}

/** A port nobody listens on now (the app process is told to listen there). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
