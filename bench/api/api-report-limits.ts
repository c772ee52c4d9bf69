// The API benchmark's limits sections: the tasks an hour GitHub's limits leave one installation at the measured
// cost per task, the binding limit, and what the production app's write pacing means beside them.

import { throughput } from "./api-limits.js";
import type { SessionCost } from "./api-measure.js";

export const n = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toLocaleString("en-US", { maximumFractionDigits: digits }) : "∞";

export function limitsSection(
  cost: SessionCost,
  demo: SessionCost,
  actionContent: number,
  demoActionContent: number,
): string[] {
  const limits = throughput(cost, actionContent);
  const demoLimits = throughput(demo, demoActionContent);
  return [
    "## What GitHub's limits allow one installation",
    "",
    `Per merged task of the ${cost.label} run (the demo's figures, per task, in the last column). The Action's token is an`,
    "installation token of the same App (`create-github-app-token` in the agent workflow), so its requests share the limits.",
    "",
    "| limit | counts per task | tasks / hour | demo: tasks / hour |",
    "|---|---|---|---|",
    ...limits.rows.map(
      (r, k) =>
        `| ${r.limit} | ${n(r.perTask, 2)} ${r.unit} | ${n(r.tasksPerHour, 0)} | ${n(demoLimits.rows[k]?.tasksPerHour ?? 0, 0)} |`,
    ),
    "",
    `**Binding limit:** ${limits.binding.limit} — at most **${n(limits.binding.tasksPerHour, 0)} tasks/hour** per installation from the app's`,
    `own requests; with the Action's: ${limits.bindingWithAction.limit}, **${n(limits.bindingWithAction.tasksPerHour, 0)} tasks/hour**.`,
    `The fake run itself had up to ${cost.peakContentPerMinute} content-creating app requests in one minute (${n(cost.peakContentPerMinute * 60, 0)}/hour extrapolated)`,
    `and ${n((cost.appContent / cost.elapsedMs) * 3_600_000, 0)}/hour over the whole run: unpaced, it is well over both secondary limits, which is why production paces.`,
    "",
    "## Production pacing (Probot's throttling plugin)",
    "",
    "In production the app keeps the plugin's pacing (the fake runs with `WRITE_PACING=off`): writes at most one a second,",
    "and writes that notify people (issues, comments, pull requests, merges, sub-issues) at most one every 3 s, per",
    "installation in one process. That caps throughput too:",
    "",
    "| pacing | counts per task | tasks / hour |",
    "|---|---|---|",
    ...limits.pacing.map((r) => `| ${r.limit} | ${n(r.perTask, 2)} ${r.unit} | ${n(r.tasksPerHour, 0)} |`),
    "",
    pacingNote(cost, limits.pacing, limits.binding.tasksPerHour),
    "",
  ];
}

function pacingNote(cost: SessionCost, pacing: { tasksPerHour: number }[], binding: number): string {
  const paced = Math.min(...pacing.map((r) => r.tasksPerHour));
  // Before the first dispatch: the writes go one a second, the notifying ones one every 3 s, whichever is longer.
  const setupSeconds = Math.max(cost.setupWrites, 3 * cost.setupNotifyingWrites);
  return [
    `Paced, one installation's app process completes at most **${n(paced, 0)} tasks/hour**. Pacing keeps the app under the`,
    " per-minute secondary limit by construction (one write a second is 60 a minute, under 80), but not under the hourly",
    ` one: at one write a second the app makes 500 writes in ${n(500 / 60, 1)} minutes. Past that GitHub answers with a`,
    " secondary-limit error and `retry-after`, which the app waits out (up to 120 s, three times) before it leaves the",
    ` effect for later; sustained, the hourly limit (${n(binding, 0)} tasks/hour) is the ceiling, not pacing.`,
    ` Opening the ${cost.label}' track issues took ${cost.setupWrites} writes (${cost.setupNotifyingWrites} of them notifying) before the`,
    ` first dispatch: paced, about ${n(setupSeconds / 60, 0)} minutes before any agent starts.`,
  ].join("");
}
