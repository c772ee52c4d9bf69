import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ObservedUnit } from "../../../src/engine/track/restore.js";
import type { UnitSpec } from "../../../src/engine/track/state.js";
import { TrackDriver, trackId } from "./track-driver.js";

const seen = (overrides: Partial<ObservedUnit> = {}): ObservedUnit => ({
  label: null,
  issueClosed: false,
  attempt: 0,
  running: false,
  pr: null,
  ...overrides,
});

// A → C, B → C; A and D write the same file. Every task costs $10.
const plan = () => [
  { id: "A", touches: ["a.ts"], costUsd: 10 },
  { id: "B", touches: ["b.ts"], costUsd: 10 },
  { id: "C", deps: ["A", "B"], touches: ["c.ts"], costUsd: 10 },
  { id: "D", touches: ["a.ts"], costUsd: 10 },
];

function restored(units: Record<string, ObservedUnit>, specs: UnitSpec[] = []): TrackDriver {
  const d = new TrackDriver();
  d.planOf(plan(), { maxParallel: 4, budgetUsd: 100 });
  d.send({ id: d.id(), type: "restore", track: trackId, units, specs });
  return d;
}

function spawnedSpec(id: string, overrides: Partial<UnitSpec> = {}): UnitSpec {
  return {
    id,
    title: "Found while doing A",
    taskIds: [id],
    deps: ["A"],
    touches: ["e.ts"],
    concurrency: "write-local",
    needsPerson: false,
    taskHours: [1],
    taskCostUsd: [6],
    role: null,
    model: "sonnet",
    autoSpawn: "safe-only",
    gates: [],
    origin: { kind: "spawn", by: "A", key: "cache the thing" },
    order: 0,
    ...overrides,
  };
}

describe("restoring a track from what GitHub shows", () => {
  it("marks merged work done, books its estimate, and its dependents go on with a first attempt", () => {
    const d = restored({
      A: seen({ pr: { number: 5, state: "merged" }, attempt: 1 }),
      B: seen({ label: "done" }),
    });
    expect(d.run("A")).toMatchObject({ status: "done", lock: null, pr: 5, spentUsd: 10, doneTasks: ["A"] });
    expect(d.status("B")).toBe("done");
    d.command({ type: "dispatch", task: null });
    expect(d.ofType("dispatch", d.last).map((e) => [e.unit, e.attempt])).toEqual([
      ["C", 1],
      ["D", 1],
    ]);
  });

  it("holds the locks of work in review or running, so a conflicting unit waits", () => {
    const d = restored({
      A: seen({ pr: { number: 7, state: "open" }, attempt: 2 }),
      B: seen({ running: true, attempt: 1 }),
    });
    expect(d.run("A")).toMatchObject({ status: "review", pr: 7, attempt: 2, spentUsd: 10 });
    expect(d.run("A").lock?.touches).toEqual(["a.ts"]);
    expect(d.run("B")).toMatchObject({ status: "running", reservedUsd: 10 });
    d.command({ type: "dispatch", task: null });
    // D writes a.ts, which A holds in review.
    expect(d.dispatched()).toEqual([]);
  });

  it("never reuses an attempt number: a failed unit observed at attempt 3 is retried as attempt 4", () => {
    const d = restored({ A: seen({ label: "failed", attempt: 3 }), D: seen({ label: "done" }) });
    expect(d.run("A").reason).toContain("/retry");
    d.command({ type: "dispatch", task: null });
    d.command({ type: "retry", task: "A" });
    expect(d.ofType("dispatch", d.last).map((e) => [e.unit, e.attempt])).toEqual([["A", 4]]);
  });

  it("restores cancelled work and a question whose text was lost", () => {
    const d = restored({ A: seen({ label: "cancelled" }), B: seen({ label: "needs-input", attempt: 1 }) });
    expect(d.status("A")).toBe("cancelled");
    expect(d.run("B")).toMatchObject({ status: "needs-input" });
    expect(d.run("B").questions[0]?.text).toContain("/answer B");
    d.command({ type: "answer", task: "B", text: "go ahead" });
    expect(d.status("B")).toBe("ready");
  });

  it("adds spawned units the plan does not have, counted against the spawn budget", () => {
    const d = restored({ "T-AUTO-01": seen({ label: "ready" }) }, [spawnedSpec("T-AUTO-01")]);
    expect(Object.keys(d.track().units)).toEqual(["A", "B", "C", "D", "T-AUTO-01"]);
    expect(d.track().units["T-AUTO-01"]?.order).toBe(4);
    expect(d.track()).toMatchObject({ spawned: 1, spawnKeys: ["cache the thing"] });
    expect(d.status("T-AUTO-01")).toBe("blocked");
  });

  it("ignores unknown units, odd ids, impossible attempt numbers and specs that collide with the plan", () => {
    const units = JSON.parse('{"__proto__": {"label": "done"}}') as Record<string, ObservedUnit>;
    units["constructor" as string] = seen({ label: "done" });
    units.Z = seen({ label: "done" });
    units.A = seen({ attempt: Number.NaN });
    units.B = seen({ attempt: 1e15, running: true });
    const d = restored(units, [
      spawnedSpec("A", { title: "not the plan's A" }),
      spawnedSpec("P", { origin: { kind: "plan" } }),
    ]);
    expect(Object.keys(d.track().units)).toEqual(["A", "B", "C", "D"]);
    expect(d.track().units.A?.title).not.toBe("not the plan's A");
    expect(d.run("A").attempt).toBe(0);
    expect(d.run("B").attempt).toBe(100_000);
  });

  it("changes nothing for a track that does not exist, or when delivered again", () => {
    const d = restored({ A: seen({ label: "done" }) });
    const before = d.state;
    d.send({ id: "e2", type: "restore", track: trackId, units: { B: seen({ label: "done" }) }, specs: [] });
    expect(d.state).toBe(before);
    d.send({ id: d.id(), type: "restore", track: "nope", units: { A: seen() }, specs: [] });
    expect(d.state.tracks[trackId]).toEqual(before.tracks[trackId]);
  });

  it("keeps the engine's invariants after any observations (no overlapping held locks, no throw)", () => {
    const label = fc.constantFrom(
      null,
      "done",
      "failed",
      "cancelled",
      "needs-input",
      "review",
      "running",
      "ready",
    );
    const observation = fc.record({
      label,
      issueClosed: fc.boolean(),
      attempt: fc.oneof(fc.integer({ min: -5, max: 10 }), fc.constant(Number.POSITIVE_INFINITY)),
      running: fc.boolean(),
      pr: fc.option(
        fc.record({
          number: fc.integer({ min: -1, max: 99 }),
          state: fc.constantFrom("open", "merged", "closed"),
        }),
      ),
    }) as fc.Arbitrary<ObservedUnit>;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("A", "B", "C", "D", "X"), observation), (units) => {
        const d = restored(units);
        d.command({ type: "dispatch", task: null });
        const held = Object.entries(d.track().runs).filter(
          ([, run]) => run.lock !== null && run.status !== "review",
        );
        const writers = held.filter(([, run]) => run.lock?.touches.includes("a.ts"));
        expect(writers.length).toBeLessThanOrEqual(1);
        for (const run of Object.values(d.track().runs)) expect(Number.isSafeInteger(run.attempt)).toBe(true);
      }),
    );
  });
});
