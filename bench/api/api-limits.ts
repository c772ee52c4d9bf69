// GitHub's limits on one App installation, and what they allow in tasks an hour given what a task costs: the REST
// primary limit (5,000 requests an hour for an installation; more for large organisations and Enterprise
// Cloud), the secondary limits on content-creating requests (80 a minute, 500 an hour), and the pacing the
// app's throttling plugin applies in production (one write a second, one notifying write every 3 s, per
// installation and process). The agent workflow's token is an installation token of the same App
// (create-github-app-token), so the Action's requests count against the same installation.

import type { SessionCost } from "./api-measure.js";

export interface LimitRow {
  limit: string;
  /** What one task uses of what the limit counts. */
  perTask: number;
  unit: string;
  tasksPerHour: number;
}

export interface Throughput {
  rows: LimitRow[];
  /** The row with the fewest tasks an hour, with the app's requests alone (every write counted as content). */
  binding: LimitRow;
  /** The same with the Action's requests added (its token is the same installation's). */
  bindingWithAction: LimitRow;
  pacing: LimitRow[];
}

export const primaryPerHour = 5000;
export const contentPerMinute = 80;
export const contentPerHour = 500;

const row = (limit: string, perTask: number, unit: string, perHour: number): LimitRow => ({
  limit,
  perTask,
  unit,
  tasksPerHour: perTask > 0 ? perHour / perTask : Number.POSITIVE_INFINITY,
});

const least = (rows: readonly LimitRow[]): LimitRow =>
  rows.reduce((a, b) => (b.tasksPerHour < a.tasksPerHour ? b : a));

export function throughput(cost: SessionCost, actionContent: number): Throughput {
  const tasks = Math.max(1, cost.tasks);
  const app = cost.appRequests / tasks;
  const content = cost.appContent / tasks;
  const withAction = (cost.appRequests + cost.actionRequests) / tasks;
  const contentWithAction = (cost.appContent + actionContent) / tasks;
  const appRows = [
    row("REST primary, 5,000 requests/hour", app, "app requests", primaryPerHour),
    row("secondary, 80 content-creating/minute", content, "content-creating", contentPerMinute * 60),
    row("secondary, 500 content-creating/hour", content, "content-creating", contentPerHour),
  ];
  // GitHub does not list what counts as content creation; every write is the strict reading (createsContent),
  // writes that notify people (issues, comments, pull requests, merges, sub-issues) the lenient one.
  const lenient = row(
    "secondary, 500/hour, counting notifying writes only",
    cost.appNotifyingWrites / tasks,
    "notifying writes",
    contentPerHour,
  );
  const actionRows = [
    row("REST primary, 5,000/hour (app + Action)", withAction, "requests", primaryPerHour),
    row("secondary, 80/minute (app + Action)", contentWithAction, "content-creating", contentPerMinute * 60),
    row("secondary, 500/hour (app + Action)", contentWithAction, "content-creating", contentPerHour),
  ];
  const pacing = [
    row("pacing: 1 write/s", cost.appWrites / tasks, "writes", 3600),
    row("pacing: 1 notifying write/3 s", cost.appNotifyingWrites / tasks, "notifying writes", 1200),
  ];
  return {
    rows: [...appRows, lenient, ...actionRows],
    binding: least(appRows),
    bindingWithAction: least(actionRows),
    pacing,
  };
}
