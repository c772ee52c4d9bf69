import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bLevels, criticalPath, topologicalOrder, waves } from "../../src/engine/graph.js";
import type { DispatchUnit } from "../../src/engine/types.js";
import { dispatchUnits } from "../../src/engine/units.js";
import { makePlan } from "../support/make-plan.js";
import { unitsArb } from "./arbitraries.js";

const demo = dispatchUnits(
  makePlan([
    { id: "T01", status: "done" },
    { id: "T02", deps: ["T01"], status: "done" },
    { id: "T03", deps: ["T02"], hours: 3 },
    { id: "T04", deps: ["T03"], hours: 2 },
    { id: "T05", deps: ["T03"], hours: 2 },
    { id: "T06", deps: ["T04", "T05"], hours: 2 },
  ]),
);

describe("graph algorithms on the demo track", () => {
  it("orders units after their dependencies, ties by plan order, done units skipped", () => {
    expect(topologicalOrder(demo)).toEqual(["T03", "T04", "T05", "T06"]);
  });

  it("layers the units not done into waves", () => {
    expect(waves(demo)).toEqual([["T03"], ["T04", "T05"], ["T06"]]);
  });

  it("gives each unit its hours plus the longest chain after it", () => {
    expect(bLevels(demo)).toEqual(
      new Map([
        ["T03", 7],
        ["T04", 4],
        ["T05", 4],
        ["T06", 2],
      ]),
    );
  });

  it("finds the critical path, ties broken by plan order", () => {
    expect(criticalPath(demo)).toEqual({ ids: ["T03", "T04", "T06"], hours: 7 });
  });
});

describe("graph algorithms", () => {
  it("treat dependencies outside the list as satisfied", () => {
    const tail = demo.filter((unit) => unit.id !== "T03");
    expect(waves(tail)).toEqual([["T04", "T05"], ["T06"]]);
    expect(topologicalOrder(tail)).toEqual(["T04", "T05", "T06"]);
  });

  it("prefer the earlier unit when independent units tie", () => {
    const units = dispatchUnits(
      makePlan([
        { id: "late", deps: ["b"], hours: 1 },
        { id: "a", hours: 1 },
        { id: "b", hours: 1 },
      ]),
    );
    expect(topologicalOrder(units)).toEqual(["a", "b", "late"]);
    expect(criticalPath(units)).toEqual({ ids: ["b", "late"], hours: 2 });
  });

  it("return nothing when every unit is done", () => {
    const done = demo.filter((unit) => unit.status === "done");
    expect(topologicalOrder(done)).toEqual([]);
    expect(waves(done)).toEqual([]);
    expect(criticalPath(done)).toEqual({ ids: [], hours: 0 });
  });

  it("handle a 50,000-unit chain without deep recursion", () => {
    const chain = dispatchUnits(
      makePlan(
        Array.from({ length: 50_000 }, (_, i) => ({ id: `T${i}`, deps: i ? [`T${i - 1}`] : [], hours: 1 })),
      ),
    );
    expect(waves(chain)).toHaveLength(50_000);
    expect(criticalPath(chain).hours).toBe(50_000);
  });

  it("still terminate if a cycle slips past the normaliser", () => {
    const cyclic = dispatchUnits(makePlan([{ id: "A", deps: ["B"] }, { id: "B", deps: ["A"] }, { id: "C" }]));
    expect(topologicalOrder(cyclic)).toEqual(["C", "A", "B"]);
    expect(criticalPath(cyclic).ids.length).toBeGreaterThan(0);
  });
});

describe("graph properties over random acyclic units", () => {
  const notDone = (units: DispatchUnit[]) => units.filter((unit) => unit.status !== "done");

  it("waves are a topological layering of the units not done", () => {
    fc.assert(
      fc.property(unitsArb(), (units) => {
        const layers = waves(units);
        const waveOf = new Map<string, number>();
        layers.forEach((layer, k) => {
          for (const id of layer) waveOf.set(id, k);
        });
        expect([...waveOf.keys()].sort()).toEqual(
          notDone(units)
            .map((u) => u.id)
            .sort(),
        );
        for (const unit of notDone(units)) {
          const k = waveOf.get(unit.id) as number;
          const depWaves = unit.deps.filter((dep) => waveOf.has(dep)).map((dep) => waveOf.get(dep) as number);
          expect(depWaves.every((w) => w < k)).toBe(true);
          if (k > 0) expect(depWaves).toContain(k - 1);
        }
      }),
    );
  });

  it("the topological order puts every unit after its dependencies", () => {
    fc.assert(
      fc.property(unitsArb(), (units) => {
        const order = topologicalOrder(units);
        const position = new Map(order.map((id, i) => [id, i]));
        expect(order).toHaveLength(notDone(units).length);
        for (const unit of notDone(units)) {
          for (const dep of unit.deps) {
            if (position.has(dep))
              expect(position.get(dep) as number).toBeLessThan(position.get(unit.id) as number);
          }
        }
      }),
    );
  });

  it("the critical path is a dependency chain whose hours are the highest b-level", () => {
    fc.assert(
      fc.property(unitsArb(), (units) => {
        const { ids, hours } = criticalPath(units);
        const byId = new Map(units.map((u) => [u.id, u]));
        const levels = [...bLevels(units).values()];
        expect(hours).toBe(levels.length === 0 ? 0 : Math.max(...levels));
        const sum = ids.reduce((total, id) => total + (byId.get(id) as DispatchUnit).hours, 0);
        expect(sum).toBeCloseTo(hours, 9);
        for (let i = 1; i < ids.length; i++) expect(byId.get(ids[i] as string)?.deps).toContain(ids[i - 1]);
      }),
    );
  });
});
