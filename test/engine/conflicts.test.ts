import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conflictPairs, unitsConflict } from "../../src/engine/conflicts.js";
import { touchesOverlap } from "../../src/engine/touches.js";
import type { DispatchUnit } from "../../src/engine/types.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { makePlan } from "../support/make-plan.js";
import { touchArb, unitsArb } from "./arbitraries.js";

function bruteForcePairs(units: readonly DispatchUnit[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      const a = units[i] as DispatchUnit;
      const b = units[j] as DispatchUnit;
      if (unitsConflict(a, b)) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}

function manyUnits(count: number, touchesOf: (i: number) => string[]): DispatchUnit[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `U${i}`,
    title: "",
    taskIds: [`U${i}`],
    deps: [],
    touches: touchesOf(i),
    concurrency: "write-local",
    mode: "background",
    hours: 1,
    costUsd: 0,
    status: "todo",
    order: i,
  }));
}

describe("unitsConflict", () => {
  const local = (...touches: string[]) => ({ concurrency: "write-local" as const, touches });
  const shared = { concurrency: "write-shared" as const, touches: [] };
  const readOnly = { concurrency: "read-only" as const, touches: ["src/"] };

  it("read-only units take no lock", () => {
    expect(unitsConflict(readOnly, local("src/a.ts"))).toBe(false);
    expect(unitsConflict(readOnly, shared)).toBe(false);
    expect(unitsConflict(readOnly, readOnly)).toBe(false);
  });

  it("a write-shared unit conflicts with every writer, whatever its touches", () => {
    expect(unitsConflict(shared, local())).toBe(true);
    expect(unitsConflict(local("docs/a.md"), shared)).toBe(true);
    expect(unitsConflict(shared, shared)).toBe(true);
  });

  it("write-local units conflict when any touches overlap", () => {
    expect(unitsConflict(local("src/a.ts", "docs/"), local("docs/x.md"))).toBe(true);
    expect(unitsConflict(local("src/a.ts"), local("src/b.ts", "test/"))).toBe(false);
    expect(unitsConflict(local(), local("src/"))).toBe(false);
  });

  it("gives the same answer for units with many touches as comparing every pair", () => {
    const manyTouches = fc.uniqueArray(
      fc.oneof(touchArb, fc.constantFrom("lib/x/", "lib/y.ts", "e/f/g.ts")),
      {
        minLength: 8,
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(manyTouches, manyTouches, (a, b) => {
        const pairwise = a.some((x) => b.some((y) => touchesOverlap(x, y)));
        expect(unitsConflict(local(...a), local(...b))).toBe(pairwise);
      }),
    );
  });
});

describe("conflictPairs", () => {
  const units = dispatchUnits(
    makePlan([
      { id: "A", touches: ["src/a.ts"] },
      { id: "B", touches: ["src/"] },
      { id: "C", touches: ["docs/a.md"], concurrency: "read-only" },
      { id: "D", touches: ["docs/*.md"] },
      { id: "E", touches: ["docs/a.md"] },
      { id: "F", concurrency: "write-shared" },
      { id: "G", touches: ["src/lib/x.ts", "src/a.ts"] },
    ]),
  );

  it("lists each conflicting pair once, in plan order", () => {
    expect(conflictPairs(units)).toEqual({
      pairs: [
        ["A", "B"],
        ["A", "F"],
        ["A", "G"],
        ["B", "F"],
        ["B", "G"],
        ["D", "E"],
        ["D", "F"],
        ["E", "F"],
        ["F", "G"],
      ],
      truncated: false,
    });
  });

  it("stops at the limit and says so", () => {
    expect(conflictPairs(units, 3)).toEqual({
      pairs: [
        ["A", "B"],
        ["A", "F"],
        ["A", "G"],
      ],
      truncated: true,
    });
    expect(conflictPairs(units, 9).truncated).toBe(false);
    for (const nonsense of [-1, Number.NaN])
      expect(conflictPairs(units, nonsense)).toEqual({ pairs: [], truncated: true });
  });

  it("orders pairs by plan order even when the list is not", () => {
    expect(conflictPairs([...units].reverse()).pairs[0]).toEqual(["A", "B"]);
  });

  it("checks every glob a unit holds under the same folder", () => {
    for (const globs of [
      ["src/*.ts", "src/**/*.test.ts"],
      ["src/**/*.test.ts", "src/*.ts"],
    ]) {
      const pair = manyUnits(2, (i) => (i === 0 ? ["src/a.ts"] : globs));
      expect(conflictPairs(pair).pairs).toEqual([["U0", "U1"]]);
    }
  });

  it("agrees with comparing every pair of units", () => {
    fc.assert(
      fc.property(unitsArb({ maxUnits: 25 }), fc.integer({ min: 0, max: 40 }), (random, limit) => {
        const expected = bruteForcePairs(random);
        expect(conflictPairs(random).pairs).toEqual(expected);
        expect(conflictPairs(random, limit)).toEqual({
          pairs: expected.slice(0, limit),
          truncated: expected.length > limit,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("finds the few conflicts among 10,000 units with distinct files", () => {
    // Each thousandth unit also writes the folder that holds the next unit's file.
    const big = manyUnits(10_000, (i) => [
      `src/module-${i}/file.ts`,
      `test/module-${i}.test.ts`,
      ...(i % 1000 === 0 ? [`src/module-${i + 1}/`] : []),
    ]);
    expect(conflictPairs(big)).toEqual({
      pairs: Array.from({ length: 10 }, (_, k) => [`U${k * 1000}`, `U${k * 1000 + 1}`]),
      truncated: false,
    });
  });

  it("truncates a hostile 50,000-unit plan where every unit writes under src/", () => {
    const hostile = manyUnits(50_000, (i) => ["src/", `src/own-${i}.ts`]);
    const { pairs, truncated } = conflictPairs(hostile);
    expect(truncated).toBe(true);
    expect(pairs).toHaveLength(10_000);
    expect(pairs[9_999]).toEqual(["U0", "U10000"]);
  });

  it("copes with touches 1,000 folders deep", () => {
    const deep = "d/".repeat(1000);
    const hostile = manyUnits(3, (i) => [i === 0 ? deep : `${deep}f${i}.ts`]);
    expect(conflictPairs(hostile).pairs).toEqual([
      ["U0", "U1"],
      ["U0", "U2"],
    ]);
  });
});
