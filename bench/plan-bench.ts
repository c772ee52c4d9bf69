// npm run bench:plan — parse, validate and schedule a generated 10,000-task plan in each format, and print the
// time beside a baseline measured in the same process (the bare parser of that format: the `yaml` package or
// the markdown tokeniser), because absolute times on a shared machine are noise. The goal (under 1 s) is held by
// the registry table, the most compact format; YAML and task blocks are printed for comparison: their bare
// parsers alone take most of a second on 1.4–2 MB of text, so the ratio column is what this project controls.

import { performance } from "node:perf_hooks";
import { parse as parseYaml } from "yaml";
import { analyzePlan } from "../src/engine/analyze-plan.js";
import { parseMarkdown } from "../src/plan/markdown/parse-markdown.js";
import { parsePlan } from "../src/plan/parse-plan.js";
import { generateTasks, toBlocks, toRegistry, toYaml } from "./generate-plan.js";

const taskCount = Number(process.env.BENCH_TASKS ?? 10_000);
const goalMs = 1000;
const runs = 3;

function best(fn: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const tasks = generateTasks(taskCount);
const inputs = [
  { format: "yaml", file: "bench.yaml", text: toYaml(tasks), baseline: (t: string) => parseYaml(t) },
  {
    format: "registry",
    file: "bench.md",
    text: toRegistry(tasks),
    baseline: (t: string) => parseMarkdown(t),
  },
  { format: "blocks", file: "bench.md", text: toBlocks(tasks), baseline: (t: string) => parseMarkdown(t) },
] as const;

console.log(`Plan benchmark: ${taskCount} generated tasks, best of ${runs} runs, Node ${process.version}\n`);
console.log(
  "| format | size | baseline parse | parse + validate | schedule | total | total / baseline | goal < 1 s |",
);
console.log("|---|---|---|---|---|---|---|---|");
let goalMet = false;
for (const input of inputs) {
  const baselineMs = best(() => input.baseline(input.text));
  let plan: ReturnType<typeof parsePlan>["plan"] = null;
  const parseMs = best(() => {
    const result = parsePlan(input.text, { file: input.file });
    if (!result.plan) throw new Error(`${input.format}: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
    plan = result.plan;
  });
  const scheduleMs = best(() => analyzePlan(plan as never, 8));
  const total = parseMs + scheduleMs;
  const ok = total < goalMs;
  if (input.format === "registry") goalMet = ok;
  const kb = (Buffer.byteLength(input.text) / 1024).toFixed(0);
  console.log(
    `| ${input.format} | ${kb} KB | ${baselineMs.toFixed(0)} ms | ${parseMs.toFixed(0)} ms | ${scheduleMs.toFixed(0)} ms | ${total.toFixed(0)} ms | ${(total / baselineMs).toFixed(2)}× | ${ok ? "yes" : "NO"} |`,
  );
}
console.log(
  `\nGoal: the ${taskCount}-task registry plan is parsed, validated and scheduled in under 1 s: ${goalMet ? "met" : "MISSED"}.`,
);
process.exitCode = goalMet ? 0 : 1;
