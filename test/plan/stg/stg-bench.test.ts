// The published STG graph sets, read from the shared benchmark folder when it is present: every graph of the
// 50- and 100-task sets gives the task count, total work and critical path the set's published table states,
// and the application graphs and a sample of the 300-task set match the critical path in their own trailer.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/plan/diagnostics.js";
import type { Plan } from "../../../src/plan/model.js";
import { parsePlan } from "../../../src/plan/parse-plan.js";

const bench = "/work/shared/bench/stg";
const present = existsSync(join(bench, "opt", "stg_opt_unified.csv"));

function parseGraph(path: string) {
  const result = parsePlan(readFileSync(join(bench, path), "utf8"), {
    file: path.split("/").pop() as string,
  });
  return { ...result, messages: result.diagnostics.map(formatDiagnostic) };
}

/** Longest path by effort hours; STG ids are in topological order, so one pass in plan order is enough. */
function criticalPath(plan: Plan): number {
  const finish = new Map<string, number>();
  for (const task of plan.tasks) {
    const start = Math.max(0, ...task.deps.map((dep) => finish.get(dep) ?? 0));
    finish.set(task.id, start + task.effort.hours);
  }
  return Math.max(0, ...finish.values());
}

const totalWork = (plan: Plan) => plan.tasks.reduce((sum, task) => sum + task.effort.hours, 0);

function trailerCriticalPath(path: string): number | null {
  const match = /^#\s*CP Length\s*:\s*(\d+)/m.exec(readFileSync(join(bench, path), "utf8"));
  return match ? Number(match[1]) : null;
}

describe.skipIf(!present)(`the STG benchmark sets (skipped: ${bench} is absent)`, () => {
  const rows = present
    ? readFileSync(join(bench, "opt", "stg_opt_unified.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
    : [];
  const published = new Map<string, { cp: number; work: number }>();
  for (const row of rows) {
    const [set, graph, , , , , cp, work] = row.split(",");
    published.set(`${set}/${graph}`, { cp: Number(cp), work: Number(work) });
  }

  it("reads every graph of the 50- and 100-task sets as the published table describes it", () => {
    expect(published.size).toBe(360);
    const mismatches: string[] = [];
    for (const [path, expected] of published) {
      const { plan, messages } = parseGraph(path);
      const size = Number(path.split("/")[0]);
      const got = plan ? { tasks: plan.tasks.length, cp: criticalPath(plan), work: totalWork(plan) } : null;
      if (
        messages.length > 0 ||
        got?.tasks !== size ||
        got.cp !== expected.cp ||
        got.work !== expected.work
      ) {
        mismatches.push(`${path}: ${JSON.stringify({ got, expected, messages })}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("reads a sample of the 300-task set with the critical path of each graph's trailer", () => {
    const files = readdirSync(join(bench, "300")).filter((name) => name.endsWith(".stg"));
    expect(files).toHaveLength(180);
    for (const name of files.filter((_, index) => index % 20 === 0)) {
      const { plan, messages } = parseGraph(`300/${name}`);
      expect(messages).toEqual([]);
      expect(plan?.tasks).toHaveLength(300);
      expect(plan && criticalPath(plan)).toBe(trailerCriticalPath(`300/${name}`));
    }
  });

  it("reads the application graphs, warning about robot.stg's edited header", () => {
    const robot = parseGraph("apps/robot.stg");
    expect(robot.messages).toEqual([
      "robot.stg:1: warning: the header says 90 tasks, but the file lists 88 between its entry and exit nodes; reading the tasks listed (an STG header counts the real tasks; write 88)",
    ]);
    expect(robot.plan?.tasks).toHaveLength(88);
    expect(robot.plan && criticalPath(robot.plan)).toBe(trailerCriticalPath("apps/robot_with_info.stg"));
    for (const [name, size] of [
      ["sparse.stg", 96],
      ["fpppp.stg", 334],
    ] as const) {
      const { plan, messages } = parseGraph(`apps/${name}`);
      expect(messages).toEqual([]);
      expect(plan?.tasks).toHaveLength(size);
      expect(plan && criticalPath(plan)).toBe(trailerCriticalPath(`apps/${name}`));
    }
  });
});
