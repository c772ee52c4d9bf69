// What the OctokitRepo tests share: the repository under test over a test Octokit (no retry, no throttling,
// so a mocked 403 or 500 surfaces at once), GitHub-shaped answers, Link headers and a RepoError matcher.

import { expect } from "vitest";
import { isRepoError, type RepoErrorKind } from "../../../src/github/repo/errors.js";
import { OctokitRepo } from "../../../src/github/repo/octokit-repo.js";
import { TestOctokit } from "../../support/github/probot-harness.js";

export const api = "/repos/acme/app";

export function makeRepo(name = "app"): OctokitRepo {
  return new OctokitRepo(new TestOctokit({ auth: "test-token" }), { owner: "acme", repo: name });
}

/** A Link header naming the next page, as GitHub sends it. */
export function nextPage(pathAndQuery: string): { link: string } {
  return { link: `<https://api.github.com${pathAndQuery}>; rel="next"` };
}

export function issueAnswer(number: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 1000 + number,
    number,
    title: `Issue ${number}`,
    body: `Body of ${number}`,
    state: "open",
    labels: [{ id: 1, name: "swarm:task", color: "bfd4f2" }],
    user: { login: "octocat", type: "User" },
    ...extra,
  };
}

export function commentAnswer(id: number, body: string | null): Record<string, unknown> {
  return { id, body, user: { login: "swarm-dispatch[bot]", type: "Bot" } };
}

/** Awaits a rejection and checks it is a RepoError of this kind whose message says what failed and why. */
export async function expectRepoError(
  promise: Promise<unknown>,
  kind: RepoErrorKind,
  status: number | null,
  message: string | RegExp,
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(isRepoError(error, kind), `expected a RepoError of kind ${kind}, got ${String(error)}`).toBe(true);
  expect(error).toMatchObject({ status });
  if (typeof message === "string") expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
}
