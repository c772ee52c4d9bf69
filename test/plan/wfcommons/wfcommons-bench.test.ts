// The WfCommons instances of the shared benchmark folder, when it is present: each reads, detected by its file
// name alone, as a plan with the instance's tasks, edges, files written and total measured runtime.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/plan/diagnostics.js";
import { parsePlan } from "../../../src/plan/parse-plan.js";

const bench = "/work/shared/bench/wfcommons";
const files = existsSync(bench) ? readdirSync(bench).filter((name) => name.endsWith(".json")) : [];

interface Instance {
  workflow: {
    specification: { tasks: { id: string; parents: string[]; children: string[]; outputFiles: string[] }[] };
    execution: { tasks: { id: string; runtimeInSeconds: number }[] };
  };
}

describe.skipIf(files.length === 0)(`the WfCommons instances (skipped: ${bench} is absent)`, () => {
  it.each(files)("%s reads as the instance describes it", (name) => {
    const text = readFileSync(join(bench, name), "utf8");
    const { workflow } = JSON.parse(text) as Instance;
    const result = parsePlan(text, { file: name });
    expect(result.format).toBe("wfcommons");
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const plan = result.plan;
    if (!plan) throw new Error("no plan");

    const spec = workflow.specification.tasks;
    expect(plan.tasks.map((t) => t.id)).toEqual(spec.map((t) => t.id));
    const edges = new Set<string>();
    for (const task of spec) {
      for (const parent of task.parents) edges.add(`${parent}→${task.id}`);
      for (const child of task.children) edges.add(`${task.id}→${child}`);
    }
    expect(new Set(plan.tasks.flatMap((t) => t.deps.map((dep) => `${dep}→${t.id}`)))).toEqual(edges);
    expect(plan.tasks.map((t) => t.touches)).toEqual(spec.map((t) => t.outputFiles));

    const seconds = workflow.execution.tasks.reduce((sum, t) => sum + t.runtimeInSeconds, 0);
    const hours = plan.tasks.reduce((sum, t) => sum + t.effort.hours, 0);
    expect(hours).toBeCloseTo(seconds / 3600, 9);
  });
});
