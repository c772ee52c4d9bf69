// The third-party graphs the schedule benchmark runs on, read from ../shared/bench (see its README): the STG
// 50- and 100-task sets with their published optimum table, and the WfCommons workflow instances. Every graph
// goes through `parsePlan` and `dispatchUnits`, the pipeline every plan takes.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DispatchUnit } from "../src/engine/types.js";
import { dispatchUnits } from "../src/engine/units.js";
import { parsePlan } from "../src/plan/parse-plan.js";

export interface BenchGraph {
  name: string;
  units: DispatchUnit[];
}

/** One row of opt/stg_opt_unified.csv. */
export interface OptimumRow {
  set: string;
  graph: string;
  agents: number;
  /** Proven lower bound on the optimum. */
  lower: number;
  /** Best known schedule length (the optimum where proven). */
  bestKnown: number;
}

/** The data folder, relative to the repository root (where npm runs scripts); fails clearly when absent. */
export function benchDataDir(): string {
  const dir = resolve(process.env.SCHEDULE_BENCH_DATA ?? "../shared/bench");
  if (!existsSync(join(dir, "stg", "opt", "stg_opt_unified.csv")) || !existsSync(join(dir, "wfcommons"))) {
    throw new Error(
      `schedule benchmark data not found in ${dir}: expected stg/ (with opt/stg_opt_unified.csv) and wfcommons/ ` +
        "there. Run from the repository root with the shared data beside it, or set SCHEDULE_BENCH_DATA.",
    );
  }
  return dir;
}

export function readPlanUnits(path: string): DispatchUnit[] {
  const result = parsePlan(readFileSync(path, "utf8"), { file: path });
  if (!result.plan) {
    const errors = result.diagnostics.filter((d) => d.severity === "error").slice(0, 3);
    throw new Error(`${path}: not a plan: ${JSON.stringify(errors)}`);
  }
  return dispatchUnits(result.plan);
}

/** Every graph of one STG set (`50`, `100`), by file name. */
export function readStgSet(dir: string, set: string): Map<string, DispatchUnit[]> {
  const folder = join(dir, "stg", set);
  const graphs = new Map<string, DispatchUnit[]>();
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith(".stg"))
    .sort())
    graphs.set(file, readPlanUnits(join(folder, file)));
  return graphs;
}

export function readOptimumTable(dir: string): OptimumRow[] {
  const lines = readFileSync(join(dir, "stg", "opt", "stg_opt_unified.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  const column = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`stg_opt_unified.csv has no ${name} column`);
    return at;
  };
  const [set, graph, agents, lower, bestKnown] = ["set", "graph", "P", "opt_lower", "best_known_upper"].map(
    column,
  );
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    const cell = (at: number | undefined): string => cells[at as number] ?? "";
    return {
      set: cell(set),
      graph: cell(graph),
      agents: Number(cell(agents)),
      lower: Number(cell(lower)),
      bestKnown: Number(cell(bestKnown)),
    };
  });
}

export function readWorkflows(dir: string): BenchGraph[] {
  const folder = join(dir, "wfcommons");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ""), units: readPlanUnits(join(folder, file)) }));
}
