import { describe, expect, it } from "vitest";
import { dispatches, foundSpec, planTasks, restored, resume, seen } from "./restore-fixture.js";
import { gate, TrackDriver, trackId } from "./track-driver.js";

describe("restoring units the plan does not list", () => {
  it("adds a spawned unit after every unit there is, counted against the spawn budget", () => {
    const d = restored({ "T-AUTO-01": seen({ label: "ready" }) }, [foundSpec("T-AUTO-01")], {
      spawnBudget: 3,
    });
    expect(Object.keys(d.track().units)).toEqual(["A", "B", "C", "D", "T-AUTO-01"]);
    expect(d.track().units["T-AUTO-01"]).toMatchObject({ order: 4, deps: ["A"], taskCostUsd: [6] });
    expect(d.track()).toMatchObject({ spawned: 1, spawnKeys: ["cache the thing"] });
    expect(d.run("T-AUTO-01")).toMatchObject({ status: "blocked", blockedBy: ["A"] });
  });

  it("keeps deduplicating findings and numbering spawned units after the restored ones", () => {
    const d = restored(
      { A: seen({ running: true, attempt: 1 }) },
      [foundSpec("T-AUTO-01")],
      { spawnBudget: 5 },
      undefined,
      (plan) => {
        for (const task of plan.tasks) task.autoSpawn = "safe-only";
      },
    );
    const candidates = [
      { title: "Cache the thing again", dedupKey: "Cache the thing", touches: ["f.ts"] },
      { title: "Log the misses", touches: ["g.ts"] },
    ].map((found) => ({ ...found, severity: "low" as const, needsUserInput: false }));
    const effects = d.finish("A", { spawnCandidates: candidates });
    expect(d.ofType("create-task", effects).map((e) => e.unit)).toEqual(["T-AUTO-02"]);
    expect(d.track().units["T-AUTO-02"]?.title).toBe("Log the misses");
    expect(d.track()).toMatchObject({ spawned: 2, spawnKeys: ["cache the thing", "log the misses"] });
  });

  it("adds a gate's fix unit, counted as a fix of that gate", () => {
    const fix = foundSpec("T-AUTO-02", { deps: [], origin: { kind: "gate", gate: "Gate-T" } });
    const d = restored({}, [fix], {}, undefined, (plan) => plan.gates.push(gate("Gate-T", ">= 0.8")));
    expect(d.track().gates[0]?.fixes).toBe(1);
    expect(d.track()).toMatchObject({ spawned: 1, spawnKeys: [] });
    expect(d.track().units["T-AUTO-02"]?.origin).toEqual({ kind: "gate", gate: "Gate-T" });
  });

  it("keeps a spawned unit's dependency on another spawned unit, in whatever order they come", () => {
    const first = foundSpec("T-AUTO-01", { order: 5 });
    const second = foundSpec("T-AUTO-02", {
      deps: ["T-AUTO-01"],
      order: 6,
      origin: { kind: "spawn", by: "T-AUTO-01", key: "k2" },
    });
    const d = restored({ A: seen({ label: "done" }) }, [second, first]);
    expect(Object.keys(d.track().units).slice(4)).toEqual(["T-AUTO-01", "T-AUTO-02"]);
    expect(d.track().units["T-AUTO-02"]?.deps).toEqual(["T-AUTO-01"]);
    resume(d);
    expect(dispatches(d).map(([unit]) => unit)).toContain("T-AUTO-01");
    expect(dispatches(d).map(([unit]) => unit)).not.toContain("T-AUTO-02");
  });

  it("refuses specs that collide with the plan, claim to be from it, or are malformed", () => {
    const d = restored({}, [
      foundSpec("A", { title: "not the plan's A", taskIds: ["A"] }),
      foundSpec("P", { origin: { kind: "plan" } }),
      foundSpec("Q", { taskIds: ["B"] }),
      foundSpec("R", { taskHours: [Number.NaN] }),
      foundSpec("S", { touches: [7 as unknown as string] }),
      foundSpec("U", { concurrency: "root" as "write-local" }),
      foundSpec("__proto__"),
      null as never,
    ]);
    expect(Object.keys(d.track().units)).toEqual(["A", "B", "C", "D"]);
    expect(d.track().units.A?.title).toBe("Task A");
    expect(Object.getPrototypeOf(d.track().units)).toBe(Object.prototype);
    expect(d.track()).toMatchObject({ spawned: 0, spawnKeys: [] });
  });

  it("freezes the specs it adds, as copies: the event's own objects are left as they were", () => {
    const d = new TrackDriver();
    d.planOf(planTasks());
    const spec = foundSpec("T-AUTO-01", { extra: "junk" } as never);
    d.send({ id: d.id(), type: "restore", track: trackId, units: {}, specs: [spec] });
    const added = d.track().units["T-AUTO-01"];
    expect(Object.isFrozen(added) && Object.isFrozen(added?.touches)).toBe(true);
    expect(added).not.toHaveProperty("extra");
    expect(Object.isFrozen(spec) || Object.isFrozen(spec.touches)).toBe(false);
  });
});
