// What every part of OctokitRepo shares: the Octokit client, the repository it works on, and the one way a
// failure leaves a part (translated by toRepoError, so callers see kinds, never HTTP statuses).

import type { ProbotOctokit } from "probot";
import { RepoError, type RepoErrorKind, toRepoError } from "./errors.js";

export type Octokit = InstanceType<typeof ProbotOctokit>;

export interface RepoCoordinates {
  owner: string;
  repo: string;
}

export interface RepoClient {
  readonly octokit: Octokit;
  /** Spread into every request's parameters. */
  readonly repo: RepoCoordinates;
  /** `owner/repo`, for messages. */
  readonly slug: string;
}

export function repoClient(octokit: Octokit, repo: RepoCoordinates): RepoClient {
  return { octokit, repo: { owner: repo.owner, repo: repo.repo }, slug: `${repo.owner}/${repo.repo}` };
}

/**
 * Runs one exchange with GitHub; a failure comes out as a RepoError. `answers` turns the kinds a method
 * expects ("not found", "already exists") into its results, so they are never thrown.
 */
export async function exchange<T>(
  doing: string,
  run: () => Promise<T>,
  answers: Partial<Record<RepoErrorKind, T>> = {},
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const failure = toRepoError(error, doing);
    if (Object.hasOwn(answers, failure.kind)) return answers[failure.kind] as T;
    throw failure;
  }
}

/**
 * A value that goes into a URL path as one segment. Octokit percent-encodes `/`, `#`, `%` and the like, but
 * not `.`, which the URL parser then resolves as a dot segment, and it drops an empty value: `DELETE
 * …/labels/.` and `DELETE …/labels/` would both become "remove every label". Such values are refused before
 * anything is sent.
 */
export function pathSegment(value: string, what: string, doing: string): string {
  if (value === "" || value === "." || value === "..") {
    throw new RepoError("invalid", `${doing}: ${JSON.stringify(value)} is not a usable ${what}`, null);
  }
  return value;
}
