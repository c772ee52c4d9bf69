// fast-check generators shared by the engine's property tests: random acyclic lists of dispatch units whose
// touches come from a small pool of files, folders and globs, so that lock conflicts are common.

import fc from "fast-check";
import type { DispatchUnit } from "../../src/engine/types.js";
import type { ConcurrencyClass, TaskStatus } from "../../src/plan/model.js";
import type { TaskSpec } from "../support/make-plan.js";

export const touchPool = [
  "src/a.ts",
  "src/b.ts",
  "./src/a.ts",
  "src//b.ts",
  "src/",
  "src/lib/",
  "src/lib/c.ts",
  "src/lib/c.test.ts",
  "src/*.ts",
  "src/lib/*.ts",
  "src/**/*.test.ts",
  "docs/",
  "docs/a.md",
  "docs/{a,b}.md",
  "*.md",
  "README.md",
  "test/",
  "test/a.test.ts",
  "srcx/a.ts",
] as const;

export const touchArb = fc.constantFrom(...touchPool);

const concurrencyArb = fc.constantFrom<ConcurrencyClass>(
  "write-local",
  "write-local",
  "write-local",
  "read-only",
  "write-shared",
);
const statusArb = fc.constantFrom<TaskStatus>("todo", "todo", "todo", "doing", "done");
const hoursArb = fc.oneof(fc.constantFrom(0, 0.5, 1, 2, 3, 6), fc.double({ min: 0, max: 20, noNaN: true }));

interface UnitOptions {
  maxUnits?: number;
  /** Whether some units are already done. */
  withDone?: boolean;
}

/** Units in plan order; each waits only for earlier units, so the list is acyclic. */
export function unitsArb({ maxUnits = 20, withDone = true }: UnitOptions = {}): fc.Arbitrary<DispatchUnit[]> {
  const unitSpec = fc.record({
    depPicks: fc.array(fc.nat(), { maxLength: 3 }),
    touches: fc.uniqueArray(touchArb, { maxLength: 3 }),
    concurrency: concurrencyArb,
    status: withDone ? statusArb : fc.constantFrom<TaskStatus>("todo", "doing"),
    hours: hoursArb,
    mode: fc.constantFrom<"foreground" | "background">("background", "foreground"),
  });
  return fc.array(unitSpec, { maxLength: maxUnits }).map((specs) =>
    specs.map((spec, i) => ({
      id: `U${i}`,
      title: `Unit ${i}`,
      taskIds: [`U${i}`],
      deps: i === 0 ? [] : [...new Set(spec.depPicks.map((pick) => `U${pick % i}`))],
      touches: spec.touches,
      concurrency: spec.concurrency,
      mode: spec.mode,
      hours: spec.hours,
      costUsd: spec.hours,
      status: spec.status,
      order: i,
    })),
  );
}

export const agentsArb = fc.integer({ min: 1, max: 8 });

/**
 * Task specs for `makePlan`: tasks wait for earlier tasks (sometimes for an unknown one), touch paths from the
 * pool, and now and then a task is the parent of the one or two tasks after it, so plans with and without
 * dispatch units of several tasks both occur.
 */
export function planSpecsArb({ maxTasks = 20 }: { maxTasks?: number } = {}): fc.Arbitrary<TaskSpec[]> {
  const taskSpec = fc.record({
    depPicks: fc.array(fc.nat(), { maxLength: 3 }),
    unknownDep: fc.constantFrom(false, false, false, false, true),
    touches: fc.array(touchArb, { maxLength: 3 }),
    concurrency: concurrencyArb,
    status: statusArb,
    hours: hoursArb,
    mode: fc.constantFrom<"foreground" | "background">("background", "foreground"),
    children: fc.constantFrom(0, 0, 0, 0, 1, 2),
  });
  return fc.array(taskSpec, { maxLength: maxTasks }).map((specs) => {
    const tasks: TaskSpec[] = specs.map((spec, i) => ({
      id: `T${i}`,
      deps: [
        ...new Set(i === 0 ? [] : spec.depPicks.map((pick) => `T${pick % i}`)),
        ...(spec.unknownDep ? ["elsewhere"] : []),
      ],
      touches: spec.touches,
      concurrency: spec.concurrency,
      status: spec.status,
      hours: spec.hours,
      mode: spec.mode,
    }));
    // A parent takes the next tasks that are no parent and no subtask yet.
    const taken = new Set<number>();
    specs.forEach((spec, i) => {
      if (taken.has(i)) return;
      const subtasks: string[] = [];
      for (let k = i + 1; k <= i + spec.children && k < tasks.length; k++) {
        if (taken.has(k) || (specs[k]?.children ?? 0) > 0) break;
        taken.add(k);
        subtasks.push(`T${k}`);
      }
      if (subtasks.length > 0) (tasks[i] as TaskSpec).subtasks = subtasks;
    });
    return tasks;
  });
}
