// nock, strict: no real network, every request that reaches a mock is checked against GitHub's REST description,
// and a request nothing answers or a mock nothing used fails the test in assertDone() with the request named.
// Only scopes made through scope() are checked; a bare nock() call would bypass the description check.

import nock from "nock";
import { afterEach, beforeEach } from "vitest";
import { type CheckResult, checkRequest } from "../../../src/fake-github/openapi-check.js";

export interface StrictNockOptions {
  /** Lets requests to localhost / 127.x / ::1 through (a test that starts a local server). */
  allowLoopback?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  body: string;
  check: CheckResult;
}

export interface StrictNock {
  /** A nock scope (default https://api.github.com) whose matched requests are checked and recorded. */
  scope(origin?: string): nock.Scope;
  /** Every request a mock answered, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Everything assertDone() would report, one line each. */
  problems(): string[];
  /** Throws listing requests outside the REST description, unanswered requests and unused mocks. */
  assertDone(): void;
  /** Removes all mocks and listeners and turns real network back on. */
  restore(): void;
}

interface NoMatchRequest {
  method?: string;
  path?: string;
  host?: string;
  hostname?: string;
  proto?: string;
  protocol?: string;
}

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127\.\d+\.\d+\.\d+$/.test(name);
}

function describeUnmatched(req: NoMatchRequest, options?: NoMatchRequest): string {
  const host = options?.host ?? req.host ?? options?.hostname ?? req.hostname ?? "?";
  const protocol = (options?.proto ?? req.proto ?? options?.protocol ?? req.protocol ?? "https").replace(
    /:$/,
    "",
  );
  return `${(req.method ?? options?.method ?? "GET").toUpperCase()} ${protocol}://${host}${req.path ?? options?.path ?? ""}`;
}

export function createStrictNock(options: StrictNockOptions = {}): StrictNock {
  const requests: RecordedRequest[] = [];
  const unmatched: string[] = [];
  const onNoMatch = (req: NoMatchRequest, requestOptions?: NoMatchRequest, body?: string) => {
    const host = requestOptions?.host ?? req.host ?? req.hostname ?? "";
    if (options.allowLoopback && isLoopbackHost(host)) return;
    const described = describeUnmatched(req, requestOptions);
    unmatched.push(body ? `${described} with body ${body.slice(0, 500)}` : described);
  };

  nock.disableNetConnect();
  if (options.allowLoopback) nock.enableNetConnect(isLoopbackHost);
  nock.emitter.on("no match", onNoMatch);

  const problems = (): string[] => [
    ...requests.flatMap((request) =>
      request.check.ok ? [] : [`not in GitHub's REST description: ${request.check.reason}`],
    ),
    ...unmatched.map((request) => `no mock answered ${request}`),
    ...nock.pendingMocks().map((mock) => `mock never used: ${mock}`),
  ];

  return {
    requests,
    problems,
    scope(origin = "https://api.github.com") {
      const scope = nock(origin);
      scope.on("request", (req: { method: string; path: string }, _interceptor: unknown, body: string) => {
        const url = `${origin.replace(/\/$/, "")}${req.path}`;
        requests.push({
          method: req.method,
          url,
          body,
          check: checkRequest({ method: req.method, url, body }),
        });
      });
      return scope;
    },
    assertDone() {
      const found = problems();
      if (found.length > 0) {
        throw new Error(
          `strict nock: ${found.length} problem(s)\n${found.map((p) => `  - ${p}`).join("\n")}`,
        );
      }
    },
    restore() {
      nock.emitter.removeListener("no match", onNoMatch);
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

/** Registers beforeEach/afterEach hooks: a fresh StrictNock per test, asserted done and restored after it. */
/** Ends a test's strict nock: fails on any problem it saw, and always restores nock. */
export function finishStrictNock(strict: StrictNock | undefined): void {
  try {
    strict?.assertDone();
  } finally {
    strict?.restore();
  }
}

export function useStrictNock(options: StrictNockOptions = {}): () => StrictNock {
  let current: StrictNock | undefined;
  beforeEach(() => {
    current = createStrictNock(options);
  });
  afterEach(() => {
    const strict = current;
    current = undefined;
    finishStrictNock(strict);
  });
  return () => {
    if (current === undefined) throw new Error("useStrictNock(): the strict nock exists only inside a test");
    return current;
  };
}
