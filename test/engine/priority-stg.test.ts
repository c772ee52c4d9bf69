// The planner's order on a few graphs of the STG benchmark set (Kasahara Lab.), read from ../shared/bench when
// it is there: never worse than one b-level pass, never below the proven lower bound, and on the graphs where
// b-level is furthest off, the proven optimum.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bLevels } from "../../src/engine/graph.js";
import { planPriority } from "../../src/engine/priority-plan.js";
import { simulateDispatch } from "../../src/engine/simulate-dispatch.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { parsePlan } from "../../src/plan/parse-plan.js";

const data = resolve("../shared/bench/stg");
const present = existsSync(join(data, "opt", "stg_opt_unified.csv"));

/** set, graph, P → [opt_lower, best_known_upper]. */
function optimumTable(): Map<string, [number, number]> {
  const lines = readFileSync(join(data, "opt", "stg_opt_unified.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const table = new Map<string, [number, number]>();
  for (const line of lines.slice(1)) {
    const [set, graph, agents, lower, upper] = line.split(",");
    table.set(`${set}/${graph}/${agents}`, [Number(lower), Number(upper)]);
  }
  return table;
}

function graphUnits(set: string, graph: string) {
  const file = join(data, set, graph);
  const { plan, diagnostics } = parsePlan(readFileSync(file, "utf8"), { file });
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return dispatchUnits(plan);
}

describe.skipIf(!present)("planPriority on STG graphs", () => {
  const cases: [string, string, number][] = [
    ["50", "rand0000.stg", 4],
    ["50", "rand0001.stg", 2],
    ["50", "rand0090.stg", 4],
    ["100", "rand0002.stg", 8],
    ["100", "rand0085.stg", 4],
  ];

  it.each(cases)(
    "%s/%s at P = %i: no worse than b-level, not below the proven bound",
    (set, graph, agents) => {
      const units = graphUnits(set, graph);
      const [lower] = optimumTable().get(`${set}/${graph}/${agents}`) ?? [Number.NaN];
      const best = planPriority(units, agents);
      expect(best.makespan).toBeLessThanOrEqual(simulateDispatch(units, agents, bLevels(units), 0).end);
      expect(best.makespan).toBeGreaterThanOrEqual(lower);
    },
  );

  it.each([
    ["50", "rand0114.stg", 4],
    ["50", "rand0071.stg", 2],
    ["50", "rand0030.stg", 8],
  ] as const)(
    "%s/%s at P = %i: reaches the proven optimum that one b-level pass misses",
    (set, graph, agents) => {
      const units = graphUnits(set, graph);
      const [lower, upper] = optimumTable().get(`${set}/${graph}/${agents}`) ?? [Number.NaN, Number.NaN];
      expect(lower).toBe(upper);
      expect(simulateDispatch(units, agents, bLevels(units), 0).end).toBeGreaterThan(upper);
      expect(planPriority(units, agents).makespan).toBe(upper);
    },
  );
});
