// A Probot instance for tests: a real app id and a private key made at test time, Octokit without retry or
// throttling (so a mocked 403/500 surfaces at once), every request through a strict nock scope, and the
// installation token exchange answered for whichever installation a delivery names.

import { generateKeyPairSync, randomUUID } from "node:crypto";
import type nock from "nock";
import { type ApplicationFunction, Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach } from "vitest";
import {
  createStrictNock,
  finishStrictNock,
  type StrictNock,
  type StrictNockOptions,
} from "./strict-nock.js";

export interface ProbotHarnessOptions extends StrictNockOptions {
  appId?: number;
  /** API root; a GitHub Enterprise style root such as https://ghe.test/api/v3 prefixes every mocked path. */
  baseUrl?: string;
  /** Reuse one strict nock for several app instances (two instances sharing one repository). */
  strict?: StrictNock;
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
}

export interface ProbotHarness {
  probot: Probot;
  strict: StrictNock;
  /** The checked nock scope for the API host; mock the app's requests on it (paths include `pathPrefix`). */
  github: nock.Scope;
  /** "" for api.github.com, "/api/v3" for an Enterprise root. */
  pathPrefix: string;
  /** Delivers a webhook as GitHub would; rejects with the handlers' errors. */
  receive(name: string, payload: object, id?: string): Promise<void>;
}

export const installationToken = "ghs_test-installation-token";

// ProbotOctokit.defaults({ throttle: { enabled: false } }) is not enough under Probot 14: Probot wraps the class
// with its own throttle options, which replace that object whole, so throttling stays on and every write waits
// for the shared one-second write limiter. The function form runs last and forces both plugins off.
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));

let privateKey: string | undefined;

/** An RSA key in PKCS#1 PEM (what GitHub hands out), generated once per test file. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  }).privateKey;
  return privateKey;
}

function mockTokenExchange(strict: StrictNock, origin: string, pathPrefix: string): void {
  // A scope of its own because persist() applies to a whole scope: the app's own mocks stay use-once.
  strict
    .scope(origin)
    .persist()
    .post(
      new RegExp(
        `^${pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/app/installations/\\d+/access_tokens$`,
      ),
    )
    .optionally()
    .reply(201, () => ({
      token: installationToken,
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      permissions: { issues: "write", contents: "write", actions: "write", metadata: "read" },
      repository_selection: "all",
    }));
}

export async function createProbotHarness(
  app: ApplicationFunction,
  options: ProbotHarnessOptions = {},
): Promise<ProbotHarness> {
  const base = new URL(options.baseUrl ?? "https://api.github.com");
  const pathPrefix = base.pathname.replace(/\/$/, "");
  const strict = options.strict ?? createStrictNock(options);
  mockTokenExchange(strict, base.origin, pathPrefix);

  const probot = new Probot({
    appId: options.appId ?? 123456,
    privateKey: testPrivateKey(),
    secret: "test-webhook-secret",
    logLevel: options.logLevel ?? "fatal",
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    Octokit: TestOctokit,
  });
  await probot.load(app);

  return {
    probot,
    strict,
    github: strict.scope(base.origin),
    pathPrefix,
    receive(name, payload, id = randomUUID()) {
      // The payload shape is the test's to choose (adapted examples); Probot's own typing wants a known pair.
      return probot.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]);
    },
  };
}

/** A fresh harness per test (beforeEach); afterEach asserts its strict nock done and restores it. */
export function useProbotHarness(
  app: ApplicationFunction,
  options: ProbotHarnessOptions = {},
): () => ProbotHarness {
  let current: ProbotHarness | undefined;
  beforeEach(async () => {
    current = await createProbotHarness(app, options);
  });
  afterEach(() => {
    const strict = current?.strict;
    current = undefined;
    finishStrictNock(strict);
  });
  return () => {
    if (current === undefined) throw new Error("useProbotHarness(): the harness exists only inside a test");
    return current;
  };
}
