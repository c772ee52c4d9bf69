import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCycles } from "../../src/engine/cycles.js";

const graph = (edges: Record<string, string[]>) => (id: string) => edges[id] ?? [];

describe("findCycles", () => {
  it("reports each cycle once as a closed walk", () => {
    const edges = { T01: [], T03: ["T05"], T05: ["T03"], T06: ["T06"], A: ["B"], B: ["C"], C: ["A"] };
    expect(findCycles(Object.keys(edges), graph(edges))).toEqual([
      ["T03", "T05", "T03"],
      ["T06", "T06"],
      ["A", "B", "C", "A"],
    ]);
  });

  it("handles a 100,000-task chain without overflowing the stack", () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `T${i}`);
    const cycles = findCycles(ids, (id) => [`T${(Number(id.slice(1)) + 1) % n}`]);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n + 1);
  });

  it("finds no cycle in any graph whose edges point to earlier ids, and a cycle once one points forward", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(30), { maxLength: 4 }), { minLength: 2, maxLength: 30 }),
        (lists) => {
          const ids = lists.map((_, i) => `N${i}`);
          const deps = (id: string) => {
            const i = Number(id.slice(1));
            return (lists[i] ?? []).filter((j) => j < i).map((j) => `N${j}`);
          };
          expect(findCycles(ids, deps)).toEqual([]);
          const withBack = (id: string) =>
            id === "N0" ? [`N${ids.length - 1}`] : id === `N${ids.length - 1}` ? ["N0"] : deps(id);
          const cycles = findCycles(ids, withBack);
          expect(cycles.length).toBeGreaterThan(0);
          for (const cycle of cycles) {
            expect(cycle[0]).toBe(cycle[cycle.length - 1]);
            for (let k = 0; k + 1 < cycle.length; k++)
              expect(withBack(cycle[k] as string)).toContain(cycle[k + 1]);
          }
        },
      ),
    );
  });
});
