// What the app is built with. Production takes the defaults; tests pass a clock, a store shared between two
// app instances, a way to run background work when they choose, and so on. Nothing is read from globals.

import { randomUUID } from "node:crypto";
import type { ProbotOctokit } from "probot";
import { ContentsStateStore } from "./state/contents-state-store.js";
import type { StateStore } from "./state/state-store.js";

export type AppOctokit = InstanceType<typeof ProbotOctokit>;

export interface AppOptions {
  clock: () => number;
  /** This process, as it claims effects in the outbox. */
  owner: string;
  leaseMs: number;
  /** How long one webhook may spend applying effects before the rest go on in the background. */
  budgetMs: number;
  store: (octokit: AppOctokit, repo: { owner: string; repo: string }) => StateStore;
  background: (job: () => Promise<void>) => void;
  /** Schedules a tick for a repository at a time (retry backoffs end); the reconcile timer is the fallback. */
  wake: (at: number, tick: () => Promise<void>) => void;
  /** Starts the periodic reconcile of every repository of every installation; `run` does one round. */
  reconcile: (run: () => Promise<number>) => void;
}

/** How often every repository is reconciled with GitHub (lost webhooks, dead processes, due retries). */
export const reconcileEveryMs = 10 * 60_000;

/** GitHub wants an answer within 10 s; leave room for the decision's writes and the dashboard. */
export const defaultBudgetMs = 6_000;
export const defaultLeaseMs = 2 * 60_000;

export function defaultAppOptions(): AppOptions {
  return {
    clock: Date.now,
    owner: `app-${randomUUID()}`,
    leaseMs: defaultLeaseMs,
    budgetMs: defaultBudgetMs,
    store: (octokit, repo) => new ContentsStateStore(octokit, repo),
    background: (job) => {
      void job();
    },
    wake: (at, tick) => {
      // Timers are a convenience; reconcile picks up what a restart lost. At most a day ahead.
      const delay = Math.min(Math.max(0, at - Date.now()), 86_400_000);
      setTimeout(() => void tick(), delay).unref();
    },
    reconcile: (run) => {
      setInterval(() => void run().catch(() => {}), reconcileEveryMs).unref();
    },
  };
}
