// fast-check generators shared by the engine's property tests: random acyclic lists of dispatch units whose
// touches come from a small pool of files, folders and globs, so that lock conflicts are common.

import fc from "fast-check";
import type { DispatchUnit } from "../../src/engine/types.js";
import type { ConcurrencyClass, TaskStatus } from "../../src/plan/model.js";

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
