import { describe, expect, it } from "vitest";
import { TrackDriver } from "./track-driver.js";

describe("failed attempts", () => {
  it("retries with doubling backoff, then fails and blocks every descendant with the reason", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B", deps: ["A"] }, { id: "C", deps: ["B"] }, { id: "D", hours: 1 }], {
      retryLimit: 2,
      maxParallel: 1,
    });
    d.command({ type: "dispatch", task: null });
    const firstUnit = d.dispatched()[0] as string;
    expect(firstUnit).toBe("A");
    d.now = 1000;
    d.fail("A");
    // The free agent takes D while A waits out its backoff of one minute.
    expect(d.run("A")).toMatchObject({ status: "ready", retryAt: 61_000, failures: 1 });
    expect(d.run("A").reason).toBe("attempt 1 failed: exit code 1; retry 1 of 2 from the last checkpoint");
    expect(d.dispatched()).toEqual(["D"]);
    expect(d.ofType("wake", d.last)).toEqual([{ type: "wake", at: 61_000 }]);
    d.complete("D");
    d.tick(30_000);
    expect(d.dispatched()).toEqual([]);
    d.tick(61_000);
    expect(d.ofType("dispatch", d.last)).toMatchObject([{ unit: "A", attempt: 2 }]);
    d.fail("A");
    expect(d.run("A").retryAt).toBe(61_000 + 120_000);
    d.tick(181_000);
    d.fail("A");
    expect(d.run("A")).toMatchObject({ status: "failed", attempt: 3, lock: null });
    expect(d.run("A").reason).toBe("attempt 3 failed: exit code 1; no retries left (2)");
    for (const id of ["B", "C"]) {
      expect(d.run(id).status).toBe("blocked");
      expect(d.run(id).blockedBy).toEqual(["A"]);
      expect(d.run(id).reason).toContain("held back: A failed");
    }
    const stop = d.ofType("stop-track", d.last)[0];
    expect(stop?.reason).toBe("needs-person");
    expect(stop?.message).toContain("A failed");
  });

  it("retries by hand after the limit and carries on", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B", deps: ["A"] }], { retryLimit: 0 });
    d.command({ type: "dispatch", task: null });
    d.fail("A");
    expect(d.track().status).toBe("stopped");
    d.command({ type: "retry", task: "A" });
    expect(d.track().status).toBe("active");
    expect(d.ofType("dispatch", d.last)).toMatchObject([{ unit: "A", attempt: 2 }]);
    d.complete("A");
    expect(d.dispatched()).toEqual(["B"]);
  });

  it("treats a PR closed without merging as a failure a person must retry", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B", deps: ["A"] }]);
    d.command({ type: "dispatch", task: null });
    d.finish("A");
    d.send({ id: "closed", type: "pr-closed", track: "42", unit: "A", pr: 100 });
    expect(d.run("A")).toMatchObject({ status: "failed", lock: null });
    expect(d.run("A").reason).toBe("PR #100 was closed without merging; /retry A to run it again");
    expect(d.run("B").blockedBy).toEqual(["A"]);
  });

  it("stops after N attempts in a row without progress", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B" }], { retryLimit: 5, noProgressLimit: 3 });
    d.command({ type: "dispatch", task: null });
    d.fail("A");
    d.fail("B");
    d.tick(d.run("A").retryAt ?? 0);
    expect(d.dispatched()).toEqual(["A", "B"]);
    d.fail("A");
    expect(d.ofType("stop-track", d.last)).toMatchObject([{ reason: "no-progress" }]);
    // B's attempt is still out; it goes on and is handled while the track is stopped.
    expect(d.status("B")).toBe("dispatched");
    expect(d.track().status).toBe("stopped");
    d.tick(10_000_000);
    expect(d.dispatched()).toEqual([]);
    d.command({ type: "resume" });
    expect(d.track()).toMatchObject({ status: "active", stalls: 0 });
    expect(d.dispatched()).toEqual(["A"]);
  });
});
