// What one benchmark session cost in GitHub API terms, read back from the fake's request log: the app's requests
// per merged task (by path template and by the webhook being answered), the Action's per attempt, the
// content-creating requests GitHub's secondary limits count (peak in any 60 s window), the writes the throttling
// plugin paces in production, the webhooks per task, and how long the app took to answer a delivery.

import { throttling } from "@octokit/plugin-throttling";
import { createsContent, type ServedRequest } from "../../src/fake-github/server/served-request.js";
import type { BenchSession, TimedDelivery } from "./bench-session.js";

export interface Count {
  name: string;
  count: number;
}

export interface Spread {
  count: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface SessionCost {
  label: string;
  outcome: string;
  elapsedMs: number;
  /** Task pull requests merged: the tasks that went from dispatch to merge. */
  tasks: number;
  attempts: number;
  failedRuns: number;
  appRequests: number;
  /** Requests made before the first /dispatch (plans read, task issues created). */
  setupAppRequests: number;
  setupWrites: number;
  setupNotifyingWrites: number;
  tokenExchanges: number;
  byTemplate: Count[];
  byDelivery: Count[];
  webhooksByEvent: Count[];
  webhooks: number;
  actionRequests: number;
  appContent: number;
  /** The most content-creating app requests in any 60 s window (over `at`). */
  peakContentPerMinute: number;
  appWrites: number;
  /** Writes the throttling plugin spaces 3 s apart (they notify people). */
  appNotifyingWrites: number;
  deliveries: Spread;
  /** The fake's own git commands over the run. */
  git: { calls: number; ms: number };
  deliveriesByEvent: (Spread & { name: string })[];
  problems: string[];
}

/** Requests that get or use the App's JWT (installation tokens): not counted against an installation. */
export function isTokenExchange(request: ServedRequest): boolean {
  return request.template.startsWith("/app/") || request.template === "/repos/{owner}/{repo}/installation";
}

export function measureSession(label: string, session: BenchSession): SessionCost {
  const { fake, runner } = session;
  const app = fake.requests.filter((request) => request.client === "app");
  const counted = app.filter((request) => !isTokenExchange(request));
  const content = counted.filter(createsContent);
  const writes = counted.filter(isWrite);
  const setup = fake.requests
    .slice(0, session.setupRequests)
    .filter((request) => request.client === "app" && !isTokenExchange(request));
  const setupWrites = setup.filter(isWrite);
  const merged = [...fake.world.pulls.values()].filter(
    (pull) => pull.branch.startsWith("swarm/") && pull.state === "closed" && pull.merged,
  );
  return {
    label,
    outcome: session.outcome,
    elapsedMs: session.elapsedMs,
    tasks: merged.length,
    attempts: runner.records.length,
    failedRuns: runner.records.filter((record) => record.exitCode !== 0).length,
    appRequests: counted.length,
    setupAppRequests: setup.length,
    setupWrites: setupWrites.length,
    setupNotifyingWrites: setupWrites.filter(notifies).length,
    tokenExchanges: app.length - counted.length,
    byTemplate: tally(counted.map((request) => `${request.method} ${request.template}`)),
    byDelivery: tally(counted.map((request) => request.during)),
    webhooksByEvent: tally(
      fake.webhooks.made.map(
        (delivery) => `${delivery.event}${delivery.action ? `.${delivery.action}` : ""}`,
      ),
    ),
    webhooks: fake.webhooks.made.length,
    actionRequests: fake.requests.filter((request) => request.client === "action").length,
    appContent: content.length,
    peakContentPerMinute: peakInWindow(
      content.map((request) => request.at),
      60_000,
    ),
    appWrites: writes.length,
    appNotifyingWrites: writes.filter(notifies).length,
    deliveries: spread(session.deliveries),
    git: session.git,
    deliveriesByEvent: [...group(session.deliveries)].map(([name, list]) => ({ name, ...spread(list) })),
    problems: [...fake.problems, ...fake.world.unknown.map((request) => `unknown endpoint: ${request}`)],
  };
}

const isWrite = (request: ServedRequest) => request.method !== "GET" && request.method !== "HEAD";
/** The writes the throttling plugin spaces 3 s apart, by its own list of paths. */
const notifies = (request: ServedRequest) => throttling.triggersNotification(request.path);

function tally(names: readonly string[]): Count[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The most timestamps in any window of `windowMs` (two pointers over the sorted times). */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

function group(deliveries: readonly TimedDelivery[]): Map<string, TimedDelivery[]> {
  const groups = new Map<string, TimedDelivery[]>();
  for (const delivery of deliveries)
    groups.set(delivery.name, [...(groups.get(delivery.name) ?? []), delivery]);
  return new Map([...groups].sort((a, b) => b[1].length - a[1].length));
}

export function spread(deliveries: readonly { ms: number }[]): Spread {
  const sorted = deliveries.map((delivery) => delivery.ms).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: sorted.at(-1) ?? 0 };
}
