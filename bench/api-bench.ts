// npm run bench:api — what a track costs in GitHub API requests, measured on the stateful GitHub fake with the real
// app (build/, in a child process), the real Action (dist/index.js) and a scripted agent: (a) the demo track,
// (b) 200 generated tasks as two tracks of 100 in one repository (a track holds at most 100 units). Requests are
// counted from the fake's log; GitHub's limits then say how many tasks an hour one installation can take. The
// engine's own decision time is measured in-process against baselines of the same process, since machines are
// noisy. The report goes to stdout and to bench/results/api.md.
//
// The fake answers deliveries one at a time and its git commands dominate (see the report), so the 200-task run
// takes about 20 minutes on a 2-thread machine; BENCH_API_TASKS=25 (tasks per track) gives a 3-minute check with
// the same tables, BENCH_API_RUNNERS the runners (12).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { readScenario } from "../src/fake-github/track/scenario.js";
import { measureSession, type SessionCost } from "./api/api-measure.js";
import { apiScenario, apiTrackPlan } from "./api/api-plan.js";
import { apiReport } from "./api/api-report.js";
import { type BenchSessionOptions, runBenchSession } from "./api/bench-session.js";
import { readPlan, timeDecisions } from "./api/engine-decisions.js";

const resultFile = "bench/results/api.md";
const root = process.cwd();
const perTrack = Number(process.env.BENCH_API_TASKS ?? 100);
const maxParallel = 10;
const repoMaxParallel = 20;
const concurrency = Number(process.env.BENCH_API_RUNNERS ?? 12);
const appArgs = [join(root, "build/github/start/main.js")];

async function session(label: string, options: Omit<BenchSessionOptions, "workDir" | "appArgs" | "root">) {
  const workDir = mkdtempSync(join(tmpdir(), "api-bench-"));
  process.stderr.write(`${label}: running …\n`);
  const progress = (line: string) => process.stderr.write(`${label}: ${line}\n`);
  const result = await runBenchSession({ ...options, workDir, appArgs, root, progress });
  try {
    const cost = measureSession(label, result);
    const actionContent = result.fake.requests.filter(
      (request) => request.client === "action" && request.method !== "GET",
    ).length;
    process.stderr.write(
      `${label}: ${result.outcome}, ${cost.tasks} tasks merged in ${(result.elapsedMs / 1000).toFixed(0)} s\n`,
    );
    if (result.outcome !== "closed") {
      for (const record of result.runner.records.filter((run) => run.exitCode !== 0))
        process.stderr.write(
          `${label}: run ${JSON.stringify(record.run.inputs)} failed:\n${record.output.slice(-1500)}\n`,
        );
      for (const problem of cost.problems.slice(0, 10))
        process.stderr.write(`${label}: problem: ${problem}\n`);
    }
    return { cost, actionContent };
  } finally {
    await result.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const start = performance.now();
  const demoFile = join(root, "fixtures/demo/scenario.json");
  const demo = await session("demo track", {
    tracks: [
      {
        title: "Track: demo-add-caching",
        body: readFileSync(join(root, "fixtures/plans/demo-track.md"), "utf8"),
      },
    ],
    scenario: await readScenario(demoFile),
    scenarioFile: demoFile,
    writeScenario: false,
    concurrency,
    timeoutMs: 180_000,
  });
  const plans = ["A", "B"].map((prefix) => apiTrackPlan(prefix, perTrack, 5, maxParallel));
  const scenarioDir = mkdtempSync(join(tmpdir(), "api-bench-scenario-"));
  const generated = await session(`${plans.length * perTrack} generated tasks`, {
    tracks: plans,
    scenario: apiScenario(maxParallel, repoMaxParallel),
    scenarioFile: join(scenarioDir, "scenario.json"),
    writeScenario: true,
    concurrency,
    timeoutMs: 1_800_000,
  });
  rmSync(scenarioDir, { recursive: true, force: true });
  process.stderr.write("engine decisions: timing …\n");
  const trackPlans = plans.map((plan, k) => ({ id: String(k + 1), plan: readPlan(plan.body, maxParallel) }));
  const whole = apiTrackPlan("W", plans.length * perTrack, 10, maxParallel);
  const engine = timeDecisions(trackPlans, repoMaxParallel, readPlan(whole.body, maxParallel));
  const text = apiReport({
    demo: demo.cost,
    generated: generated.cost,
    generatedActionContent: generated.actionContent,
    demoActionContent: demo.actionContent,
    engine,
    settings: { maxParallel, repoMaxParallel, concurrency, perTrack, tracks: plans.length },
    totalSeconds: (performance.now() - start) / 1000,
  });
  process.stdout.write(text);
  writeFileSync(resultFile, text);
  const clean = (cost: SessionCost) => cost.outcome === "closed" && cost.problems.length === 0;
  process.exitCode = clean(demo.cost) && clean(generated.cost) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 2;
});
