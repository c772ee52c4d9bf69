// npm run bench:schedule — how good the planner's dispatch order is, on third-party graphs read from
// ../shared/bench: the STG sets against their published optima, WfCommons traces against the lower bound, each
// beside one b-level pass, first-in-first-out and wave barriers. Every schedule is checked before it is scored.
// The output goes to stdout and to bench/results/schedule.md.

import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { benchDataDir } from "./schedule-data.js";
import { stgReport, workflowReport } from "./schedule-report.js";
import { runStg } from "./schedule-stg.js";
import { runWorkflows } from "./schedule-wfcommons.js";

const resultFile = "bench/results/schedule.md";

function main(): void {
  const dir = benchDataDir();
  const start = performance.now();
  const stg = stgReport(runStg(dir));
  const workflows = workflowReport(runWorkflows(dir));
  const seconds = (performance.now() - start) / 1000;
  const lines = [
    `Schedule benchmark: the planner's best dispatch order against one b-level pass, first-in-first-out and wave barriers. Node ${process.version}.`,
    "",
    ...stg.lines,
    "",
    ...workflows,
    "",
    `Whole run: ${seconds.toFixed(0)} s.`,
  ];
  const text = `${lines.join("\n")}\n`;
  process.stdout.write(text);
  writeFileSync(resultFile, text);
  process.exitCode = stg.goalsMet ? 0 : 1;
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
