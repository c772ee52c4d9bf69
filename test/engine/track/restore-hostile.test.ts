import { describe, expect, it } from "vitest";
import type { ObservedUnit } from "../../../src/engine/track/restore.js";
import { planTasks, restored, restoreEvent, seen } from "./restore-fixture.js";
import { TrackDriver, trackId } from "./track-driver.js";

describe("restore with observations that cannot be trusted", () => {
  it("ignores unknown ids, prototype names, and fields of the wrong kind, and keeps the state plain JSON", () => {
    const units = JSON.parse(
      '{"__proto__": {"label": "done"}, "constructor": {"label": "done"}, "Z": {"label": "done"}}',
    ) as Record<string, ObservedUnit>;
    Object.assign(units, {
      A: seen({ attempt: Number.NaN, running: true }),
      B: seen({ attempt: -4, pr: { number: -1, state: "merged" } }),
      C: { label: "exploded", attempt: 2.5, pr: { number: 3, state: "weird" }, issueClosed: "yes" },
      D: null,
    });
    const d = restored(units);
    expect(Object.keys(d.track().units)).toEqual(["A", "B", "C", "D"]);
    expect(Object.getPrototypeOf(d.track().runs)).toBe(Object.prototype);
    expect(["A", "B", "C", "D"].map((id) => [d.status(id), d.run(id).attempt, d.run(id).lock])).toEqual([
      ["ready", 0, null],
      ["ready", 0, null],
      ["blocked", 0, null],
      ["ready", 0, null],
    ]);
    expect(JSON.parse(JSON.stringify(d.state))).toEqual(d.state);
  });

  it("caps an attempt number no run name could carry, and still never goes below a believable one", () => {
    const d = restored({
      A: seen({ attempt: 1e15, label: "failed" }),
      B: seen({ attempt: Number.POSITIVE_INFINITY, label: "failed" }),
      D: seen({ attempt: 999, label: "failed" }),
    });
    expect([d.run("A").attempt, d.run("B").attempt, d.run("D").attempt]).toEqual([100_000, 0, 999]);
  });

  it("applies to units named like Object's own properties", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "constructor" }, { id: "toString", deps: ["constructor"] }]);
    d.send(restoreEvent(d, { constructor: seen({ label: "done" }) }));
    expect([d.status("constructor"), d.status("toString")]).toEqual(["done", "ready"]);
  });

  it("never leaves two held locks overlapping, within a track or across tracks", () => {
    const d = restored({
      A: seen({ pr: { number: 7, state: "open" }, attempt: 1 }),
      D: seen({ running: true, attempt: 1 }),
    });
    // D is still writing a.ts: it keeps the lock; A's PR waits without one.
    expect(d.run("D").lock?.touches).toEqual(["a.ts"]);
    expect(d.run("A")).toMatchObject({ status: "review", lock: null });
    expect(d.run("A").reason).toContain("restored without its lock");

    const two = new TrackDriver();
    two.planOf([{ id: "X", touches: ["a.ts"] }], {}, undefined, "43");
    two.command({ type: "dispatch", task: null }, "43");
    two.planOf([{ id: "A", touches: ["a.ts"] }]);
    two.send(restoreEvent(two, { A: seen({ running: true, attempt: 2 }) }));
    expect(two.run("X", "43").lock).not.toBeNull();
    expect(two.run("A")).toMatchObject({
      status: "running",
      lock: null,
      reason: expect.stringContaining("lock"),
    });
  });

  it("changes nothing for another track, a redelivery, or units already restored", () => {
    const d = new TrackDriver();
    d.planOf(planTasks());
    const event = restoreEvent(d, { A: seen({ label: "done" }), D: seen({ running: true, attempt: 1 }) });
    d.send(event);
    const before = d.state;
    expect(d.send(event)).toEqual([]);
    expect(d.state).toBe(before);
    d.send({ ...restoreEvent(d, { A: seen() }), track: "nope" });
    expect(d.state.tracks[trackId]).toEqual(before.tracks[trackId]);
    // A later restore finds A done and D out: what the first one set stays.
    d.send(restoreEvent(d, { A: seen({ label: "failed" }), D: seen({ label: "cancelled" }) }));
    expect([d.status("A"), d.status("D")]).toEqual(["done", "running"]);
  });

  it("handles thousands of units and observations quickly", () => {
    const d = new TrackDriver();
    const ids = Array.from({ length: 2000 }, (_, k) => `T${k}`);
    d.planOf(ids.map((id, k) => ({ id, touches: [`src/${id}.ts`], deps: k % 2 ? [`T${k - 1}`] : [] })));
    const units: Record<string, ObservedUnit> = {};
    ids.forEach((id, k) => {
      units[id] =
        k % 2 ? seen({ running: true, attempt: 1 }) : seen({ pr: { number: k + 1, state: "merged" } });
    });
    for (let k = 0; k < 3000; k++) units[`ghost-${k}`] = seen({ label: "done" });
    const started = performance.now();
    d.send(restoreEvent(d, units));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(Object.keys(d.track().units)).toHaveLength(2000);
    expect(Object.values(d.track().runs).filter((run) => run.status === "running")).toHaveLength(1000);
    expect(Object.values(d.track().runs).filter((run) => run.status === "done")).toHaveLength(1000);
  });
});
