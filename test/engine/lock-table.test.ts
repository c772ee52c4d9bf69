import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LockShape, unitsConflict } from "../../src/engine/conflicts.js";
import { anySharedWriter, anyWriter, type LockRequest, LockTable } from "../../src/engine/lock-table.js";
import type { DispatchUnit } from "../../src/engine/types.js";
import { touchArb } from "./arbitraries.js";

const local = (...touches: string[]) => ({ concurrency: "write-local" as const, touches });

describe("LockTable", () => {
  it("blocks a candidate whose touches overlap a held lock, and frees it on release", () => {
    const table = new LockTable();
    const running = table.request(local("src/", "docs/a.md"));
    const candidate = table.request(local("src/lib/x.ts"));
    expect(table.blockerOf(candidate)).toBeNull();
    table.hold(running);
    const blocker = table.blockerOf(candidate);
    expect(blocker).not.toBeNull();
    expect(table.isHeld(blocker as number)).toBe(true);
    expect(table.blockerOf(table.request(local("test/a.ts")))).toBeNull();
    expect(table.release(running)).toContain(blocker);
    expect(table.isHeld(blocker as number)).toBe(false);
    expect(table.blockerOf(candidate)).toBeNull();
  });

  it("names a lock by its touch, so two holders of src/ release it only when both are done", () => {
    const table = new LockTable();
    const first = table.request(local("src/"));
    const second = table.request(local("./src/"));
    table.hold(first);
    table.hold(second);
    const blocker = table.blockerOf(table.request(local("src/a.ts"))) as number;
    expect(table.release(first)).not.toContain(blocker);
    expect(table.isHeld(blocker)).toBe(true);
    expect(table.release(second)).toContain(blocker);
  });

  it("lets a write-shared unit run only when no writer runs, and readers always", () => {
    const table = new LockTable();
    const shared = table.request({ concurrency: "write-shared", touches: ["package-lock.json"] });
    const writer = table.request(local("src/a.ts"));
    const reader = table.request({ concurrency: "read-only", touches: ["src/"] });
    table.hold(writer);
    expect(table.blockerOf(shared)).toBe(anyWriter);
    expect(table.blockerOf(reader)).toBeNull();
    expect(table.release(writer)).toContain(anyWriter);
    table.hold(shared);
    expect(table.blockerOf(table.request(local()))).toBe(anySharedWriter);
    expect(table.blockerOf(reader)).toBeNull();
    expect(table.release(shared)).toEqual([anyWriter, anySharedWriter]);
  });

  it("releases every lock it took", () => {
    const table = new LockTable();
    for (let i = 0; i < 1000; i++) {
      const request = table.request(local(`src/f${i}.ts`));
      table.hold(request);
      table.release(request);
    }
    const folder = table.request(local("src/"));
    expect(table.blockerOf(folder)).toBeNull();
  });
});

describe("LockTable against comparing every running unit", () => {
  // Besides touches from the pool, a unit may own up to 15 files of its own: a few such units running hold
  // enough locks for the table to index them in a trie, and to drop the trie again as they end.
  const stepArb = fc.record({
    concurrency: fc.constantFrom<DispatchUnit["concurrency"]>(
      "write-local",
      "write-local",
      "write-local",
      "read-only",
      "write-shared",
    ),
    shared: fc.uniqueArray(touchArb, { maxLength: 2 }),
    own: fc.nat(15),
    ownFolder: fc.boolean(),
    finish: fc.nat(),
  });

  it("finds a blocker exactly when a running unit conflicts, and the blocker is held", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        const table = new LockTable();
        const running: { unit: LockShape; request: LockRequest }[] = [];
        steps.forEach((step, s) => {
          const own = Array.from({ length: step.own }, (_, k) => `own-${s}/f${k}.ts`);
          const touches = [...step.shared, ...own, ...(step.ownFolder ? [`own-${s}/`] : [])];
          const unit = { concurrency: step.concurrency, touches };
          const request = table.request(unit);
          const blocker = table.blockerOf(request);
          expect(blocker !== null).toBe(running.some((other) => unitsConflict(other.unit, unit)));
          if (blocker !== null) expect(table.isHeld(blocker)).toBe(true);
          else {
            table.hold(request);
            running.push({ unit, request });
          }
          if (running.length > 0 && step.finish % 3 === 0) {
            const [done] = running.splice(step.finish % running.length, 1);
            if (done) table.release(done.request);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
