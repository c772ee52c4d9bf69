// The API benchmark's markdown report: the runs, where the app's requests go, how long a delivery takes to answer,
// the engine's decision time beside its baselines, and the task throughput GitHub's limits leave one installation.

import { cpus } from "node:os";
import { createsContent } from "../../src/fake-github/server/served-request.js";
import { throughput } from "./api-limits.js";
import type { Count, SessionCost } from "./api-measure.js";
import { limitsSection, n } from "./api-report-limits.js";
import type { DecisionTiming } from "./engine-decisions.js";

export interface ApiReportInput {
  demo: SessionCost;
  generated: SessionCost;
  demoActionContent: number;
  generatedActionContent: number;
  engine: DecisionTiming;
  settings: {
    maxParallel: number;
    repoMaxParallel: number;
    concurrency: number;
    perTrack: number;
    tracks: number;
  };
  totalSeconds: number;
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const per = (count: number, tasks: number) => n(count / Math.max(1, tasks), 2);

export function apiReport(input: ApiReportInput): string {
  const { demo, generated: gen, engine, settings } = input;
  const tasks = Math.max(1, gen.tasks);
  const lines: string[] = [
    "# API cost benchmark",
    "",
    `${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} threads) · Node ${process.version} · whole run ${n(input.totalSeconds, 0)} s`,
    "",
    "How it was measured: `npm run bench:api` runs the app from `build/` in a child process (as `npm start` does,",
    "`WRITE_PACING=off`) against the stateful GitHub fake on loopback (`src/fake-github`), which logs every request",
    "with its client (app or Action), path template, time and the webhook delivery it answered. A runner runs the",
    "Action (`dist/index.js`) with the scripted agent; scripted CI posts the `test` check. Token exchanges",
    "(`/app/…`, `/repos/{owner}/{repo}/installation`, JWT-authenticated) are left out of the app's counts. A task is a",
    "merged task pull request; the per-task figures include the track's setup (plan read, task issues created).",
    "Counts move by a few per cent between runs: timing decides, for instance, how many changes one dashboard edit carries.",
    "",
    `Runs: (a) the demo track (\`fixtures/plans/demo-track.md\`, \`fixtures/demo/scenario.json\`: a spawn, a question, a CI failure fixed by a person);`,
    `(b) ${settings.tracks * settings.perTrack} generated tasks as ${settings.tracks} track issues of ${settings.perTrack} in one repository (a track holds at most 100 units;`,
    `\`bench/api/api-plan.ts\`): 5 layers, each task writes its own file, one in ten also a shared file;`,
    `\`autoMerge: true\`, \`maxParallel: ${settings.maxParallel}\`, \`repoMaxParallel: ${settings.repoMaxParallel}\`, Gate-O on \`test\`; ${settings.concurrency} runners.`,
    "",
    ...summary(gen),
    "## Runs",
    "",
    "| run | outcome | tasks merged | attempts | wall time | app requests | per task | of which setup | Action requests / attempt | webhooks / task | content-creating app requests / task | peak content-creating / 60 s |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...[demo, gen].map(
      (c) =>
        `| ${c.label} | ${c.outcome}${c.problems.length ? ` (${c.problems.length} problems)` : ""} | ${c.tasks} | ${c.attempts}${c.failedRuns ? ` (${c.failedRuns} failed)` : ""} | ${n(c.elapsedMs / 1000, 0)} s | ${c.appRequests} | ${per(c.appRequests, c.tasks)} | ${per(c.setupAppRequests, c.tasks)} | ${per(c.actionRequests, c.attempts)} | ${per(c.webhooks, c.tasks)} | ${per(c.appContent, c.tasks)} | ${c.peakContentPerMinute} |`,
    ),
    "",
    `## The app's requests per task by template (${gen.label}, top 15 of ${gen.byTemplate.length})`,
    "",
    "| request | count | per task | share | content-creating |",
    "|---|---|---|---|---|",
    ...gen.byTemplate.slice(0, 15).map((c) => countRow(c, tasks, gen.appRequests)),
    "",
    `## The app's requests by the webhook it was answering (${gen.label})`,
    "",
    "`background` is work no delivery was waiting for (reconcile, effects applied after the answer).",
    "",
    "| delivery | webhooks made | app requests | per delivery | per task |",
    "|---|---|---|---|---|",
    ...byEvent(gen),
    "",
    "## Time the app takes to answer a delivery (fake on loopback, unpaced)",
    "",
    "From the fake's start of a POST to the app's answer; Probot answers when the handlers are done, so this is the",
    "whole handling: reading and writing the state document, the engine's decision and the effects' requests.",
    "Deliveries go one at a time, as the fake sends them, so their sum is most of the wall time. Each includes the",
    `fake's own service time: its git commands (${gen.git.calls} in the ${gen.label} run, ${n(gen.git.ms / 1000, 0)} s in all, ${n(gen.git.ms / Math.max(1, gen.git.calls), 0)} ms each,`,
    "many of them re-reading every open pull request when a branch moves), so these are upper bounds for the app.",
    "",
    "| run | delivery | deliveries | median | p95 | max |",
    "|---|---|---|---|---|---|",
    `| ${demo.label} | all | ${demo.deliveries.count} | ${ms(demo.deliveries.medianMs)} | ${ms(demo.deliveries.p95Ms)} | ${ms(demo.deliveries.maxMs)} |`,
    `| ${gen.label} | all | ${gen.deliveries.count} | ${ms(gen.deliveries.medianMs)} | ${ms(gen.deliveries.p95Ms)} | ${ms(gen.deliveries.maxMs)} |`,
    ...gen.deliveriesByEvent
      .slice(0, 10)
      .map(
        (d) =>
          `| ${gen.label} | ${d.name} | ${d.count} | ${ms(d.medianMs)} | ${ms(d.p95Ms)} | ${ms(d.maxMs)} |`,
      ),
    "",
    "## The engine's decision time (in-process, pure)",
    "",
    `\`stepAll(state, [event], now)\` as the app calls it for a delivery, over the whole life of the ${settings.tracks} generated`,
    `tracks in one repository state (${engine.decisions} decisions, ${engine.tasksDone} tasks merged; second of two identical passes).`,
    "Beside it, two baselines of the same process: a trivial loop (a million xorshift steps) and a JSON round trip of",
    "the state decided on, which the app does anyway to read and write its state document.",
    "",
    "| measure | time | ÷ trivial loop | ÷ state JSON round trip |",
    "|---|---|---|---|",
    `| decision, median | ${ms(engine.medianMs)} | ${n(engine.medianMs / engine.loopMs, 2)}× | ${n(engine.medianMs / engine.jsonMedianMs, 2)}× |`,
    `| decision, p95 | ${ms(engine.p95Ms)} | ${n(engine.p95Ms / engine.loopMs, 2)}× | ${n(engine.p95Ms / engine.jsonMedianMs, 2)}× |`,
    `| decision, mean | ${ms(engine.meanMs)} | ${n(engine.meanMs / engine.loopMs, 2)}× | ${n(engine.meanMs / engine.jsonMedianMs, 2)}× |`,
    `| trivial loop (baseline) | ${ms(engine.loopMs)} | 1× | |`,
    `| state JSON round trip, median (state up to ${n(engine.stateKb, 0)} KB) | ${ms(engine.jsonMedianMs)} | ${n(engine.jsonMedianMs / engine.loopMs, 2)}× | 1× |`,
    `| ${engine.simulateUnits} units as one track through \`simulateTrack\` | ${ms(engine.simulateMs)} | ${n(engine.simulateMs / engine.loopMs, 1)}× | |`,
    "",
    ...limitsSection(gen, demo, input.generatedActionContent, input.demoActionContent),
  ];
  return `${lines.join("\n")}\n`;
}

function countRow(c: Count, tasks: number, total: number): string {
  const [method = "", template = ""] = c.name.split(" ");
  const content = createsContent({ method, template }) ? "yes" : "";
  return `| \`${c.name}\` | ${c.count} | ${n(c.count / tasks, 2)} | ${n((100 * c.count) / Math.max(1, total), 1)} % | ${content} |`;
}

function byEvent(cost: SessionCost): string[] {
  const made = new Map(cost.webhooksByEvent.map((c) => [c.name, c.count]));
  const names = new Set([...cost.byDelivery.map((c) => c.name), ...made.keys()]);
  const requests = new Map(cost.byDelivery.map((c) => [c.name, c.count]));
  return [...names]
    .map((name) => ({ name, made: made.get(name) ?? 0, requests: requests.get(name) ?? 0 }))
    .sort((a, b) => b.requests - a.requests || b.made - a.made)
    .map(
      (e) =>
        `| ${e.name} | ${e.made || ""} | ${e.requests} | ${e.made ? n(e.requests / e.made, 2) : ""} | ${n(e.requests / Math.max(1, cost.tasks), 2)} |`,
    );
}

/** The findings in four lines, from the generated run. */
function summary(cost: SessionCost): string[] {
  const tasks = Math.max(1, cost.tasks);
  const limits = throughput(cost, 0);
  const contents = cost.byTemplate
    .filter((c) => c.name.endsWith(" /repos/{owner}/{repo}/contents/{path}"))
    .reduce((sum, c) => sum + c.count, 0);
  const paced = Math.min(...limits.pacing.map((r) => r.tasksPerHour));
  return [
    "## Summary",
    "",
    `- The app makes **${n(cost.appRequests / tasks, 1)} requests per task** from plan to merge (${n(cost.appContent / tasks, 1)} of them writes,`,
    `  which count as content-creating); the Action adds ${n(cost.actionRequests / Math.max(1, cost.attempts), 1)} per attempt, and ${n(cost.webhooks / tasks, 1)} webhooks are made per task.`,
    `- ${n((100 * contents) / Math.max(1, cost.appRequests), 0)} % of the app's requests go to the contents API (the state document, read and written on every`,
    "  decision, and the settings file).",
    `- Binding limit per installation: **${limits.binding.limit}**, at most **${n(limits.binding.tasksPerHour, 0)} tasks/hour** if every`,
    `  write counts as content creation; the REST primary limit alone would allow ${n(limits.rows[0]?.tasksPerHour ?? 0, 0)}, and production pacing ${n(paced, 0)}.`,
    "- The engine's decision is a small part of answering a delivery (see its section): the requests are the cost.",
    "",
  ];
}
