// The Octokit the app runs with: Probot's (retry and throttling plugins included), with GitHub's rate limits
// honoured rather than fought. Probot's own options retry a primary limit twice and never a secondary one; a
// secondary limit is exactly what a burst of task issues hits, so it is waited out (GitHub's `retry-after`)
// up to three times. The function form of `defaults` runs after Probot's own options, so these win.

import { ProbotOctokit } from "probot";

interface ThrottledRequest {
  method: string;
  url: string;
}

interface Logged {
  log: { warn(message: string): void };
}

/** Longest wait the app accepts for one request; past it the request fails and the effect goes again later. */
export const maxRetryAfterSeconds = 120;

export function retryOnLimit(kind: string) {
  return (retryAfter: number, request: ThrottledRequest, octokit: Logged, retryCount: number): boolean => {
    const retry = retryCount < 3 && retryAfter <= maxRetryAfterSeconds;
    octokit.log.warn(
      `${kind} rate limit on ${request.method} ${request.url}: ${retry ? `retrying in ${retryAfter} s` : "giving up for now"}`,
    );
    return retry;
  };
}

function appOctokit(pacing: Record<string, unknown>) {
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: {
      ...(options.throttle as object | undefined),
      enabled: true,
      onRateLimit: retryOnLimit("primary"),
      onSecondaryRateLimit: retryOnLimit("secondary"),
      ...pacing,
    },
  }));
}

export const AppOctokit = appOctokit({});

// The throttling plugin also paces writes on its own (one a second, one every three seconds for requests that
// notify people), as GitHub asks of github.com. A GitHub Enterprise host with its rate limits turned off, or a
// local GitHub fake, does not need that: WRITE_PACING=off keeps the limit handling above and drops only the
// pacing, through the plugin's `write` and `notifications` limiter options.
const unpaced = { key: () => ({ schedule: async () => undefined }) };

export const UnpacedAppOctokit = appOctokit({ write: unpaced, notifications: unpaced });
