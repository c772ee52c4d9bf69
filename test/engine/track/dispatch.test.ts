import { describe, expect, it } from "vitest";
import { TrackDriver } from "./track-driver.js";

describe("dispatching a track", () => {
  it("creates every task and waits for /dispatch before sending anything out", () => {
    const d = new TrackDriver();
    const effects = d.planOf([{ id: "A" }, { id: "B", deps: ["A"] }]);
    expect(d.ofType("create-task", effects).map((e) => e.unit)).toEqual(["A", "B"]);
    expect(d.ofType("dispatch", effects)).toEqual([]);
    expect(d.track().status).toBe("idle");
    expect(d.status("A")).toBe("ready");
    expect(d.run("B")).toMatchObject({
      status: "blocked",
      blockedBy: ["A"],
      reason: "waits for A to be merged",
    });
  });

  it("dispatches ready units at once and the next ones the moment a prerequisite merges", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B" }, { id: "C", deps: ["A"] }], { maxParallel: 4 });
    d.command({ type: "dispatch", task: null });
    expect(d.dispatched()).toEqual(["A", "B"]);
    const [first] = d.ofType("dispatch", d.last);
    expect(first).toMatchObject({ attempt: 1, branch: "swarm/42/A", tasks: ["A"], model: "sonnet" });
    d.started("A");
    expect(d.status("A")).toBe("running");
    d.finish("A");
    expect(d.run("A")).toMatchObject({
      status: "review",
      pr: 100,
      reason: "PR #100 waits for review and merge",
    });
    expect(d.dispatched()).toEqual([]);
    d.merge("A");
    expect(d.status("A")).toBe("done");
    expect(d.dispatched()).toEqual(["C"]);
  });

  it("never runs two units whose touches overlap, and releases the lock on merge", () => {
    const d = new TrackDriver();
    d.planOf([
      { id: "A", touches: ["src/"] },
      { id: "B", touches: ["src/b.ts"] },
      { id: "C", touches: ["docs/"] },
    ]);
    d.command({ type: "dispatch", task: null });
    expect(d.dispatched()).toEqual(["A", "C"]);
    expect(d.run("A").lock).toEqual({ touches: ["src/"], concurrency: "write-local" });
    d.finish("A");
    // In review the lock is still held: the PR's files are not merged yet.
    expect(d.dispatched()).toEqual([]);
    d.merge("A");
    expect(d.dispatched()).toEqual(["B"]);
  });

  it("holds locks per repository: a unit of another track waits for the same files", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A", touches: ["src/a.ts"] }], {}, undefined, "1");
    d.planOf(
      [
        { id: "X", touches: ["src/a.ts"] },
        { id: "Y", touches: ["src/y.ts"] },
      ],
      {},
      undefined,
      "2",
    );
    d.command({ type: "dispatch", task: null }, "1");
    d.command({ type: "dispatch", task: null }, "2");
    expect(d.dispatched()).toEqual(["Y"]);
    d.finish("A", {}, "1");
    d.merge("A", "1");
    expect(d.last).toContainEqual(expect.objectContaining({ type: "dispatch", track: "2", unit: "X" }));
  });

  it("keeps to the track's parallelism and the repository-wide cap", () => {
    const d = new TrackDriver(3);
    const specs = ["A", "B", "C", "D"].map((id) => ({ id, touches: [`${id}.ts`] }));
    d.planOf(specs, { maxParallel: 2 }, undefined, "1");
    d.planOf(specs, { maxParallel: 2 }, undefined, "2");
    d.command({ type: "dispatch", task: null }, "1");
    const first = d.dispatched();
    expect(first).toHaveLength(2);
    d.command({ type: "dispatch", task: null }, "2");
    // Both tracks write the same file names: one more fits the cap of 3, and only a unit whose file is free.
    const second = d.dispatched();
    expect(second).toHaveLength(1);
    expect(first).not.toContain(second[0]);
  });

  it("goes by the planner's priority: the unit with the longest chain behind it first", () => {
    const d = new TrackDriver();
    d.planOf(
      [
        { id: "short", hours: 1, touches: ["a"] },
        { id: "long", hours: 1, touches: ["b"] },
        { id: "after", hours: 5, deps: ["long"], touches: ["c"] },
      ],
      { maxParallel: 1 },
    );
    d.command({ type: "dispatch", task: null });
    expect(d.dispatched()).toEqual(["long"]);
  });

  it("dispatches one task on request while the track is idle, and waits for its prerequisites", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B", deps: ["A"] }, { id: "C" }]);
    d.command({ type: "dispatch", task: "B" });
    expect(d.dispatched()).toEqual([]);
    expect(d.ofType("comment", d.last)[0]?.body).toBe("B goes once A is merged.");
    d.command({ type: "dispatch", task: "A" });
    expect(d.dispatched()).toEqual(["A"]);
    d.complete("A");
    expect(d.dispatched()).toEqual(["B"]);
    expect(d.status("C")).toBe("ready");
    expect(d.track().status).toBe("idle");
  });

  it("resumes a parent unit from the subtask that failed, keeping the finished ones", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "P", subtasks: ["P.1", "P.2", "P.3"] }, { id: "P.1" }, { id: "P.2" }, { id: "P.3" }], {
      retryLimit: 1,
    });
    d.command({ type: "dispatch", task: null });
    expect(d.ofType("dispatch", d.last)[0]?.tasks).toEqual(["P.1", "P.2", "P.3"]);
    d.fail("P", ["P.1"]);
    expect(d.run("P")).toMatchObject({ status: "ready", doneTasks: ["P.1"], lock: null });
    d.tick(d.run("P").retryAt ?? 0);
    expect(d.ofType("dispatch", d.last)[0]).toMatchObject({ unit: "P", attempt: 2, tasks: ["P.2", "P.3"] });
  });

  it("ignores the late events of an attempt that is no longer current", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }], { retryLimit: 2 });
    d.command({ type: "dispatch", task: null });
    d.fail("A");
    d.tick(d.run("A").retryAt ?? 0);
    expect(d.run("A").attempt).toBe(2);
    const before = d.state;
    d.send({
      id: "late",
      type: "report",
      track: "42",
      unit: "A",
      attempt: 1,
      pr: 7,
      report: {
        status: "done",
        changedFiles: [],
        tasksDone: [],
        spawnCandidates: [],
        escalations: [],
        costUsd: 1,
        metrics: {},
      },
    });
    expect(d.state.tracks["42"]).toEqual(before.tracks["42"]);
  });

  it("changes nothing when the same event is delivered twice", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B" }]);
    const event = {
      id: "delivery-1",
      type: "command",
      track: "42",
      by: "m",
      command: { type: "dispatch", task: null },
    } as const;
    d.send(event);
    const after = d.state;
    expect(d.send(event)).toEqual([]);
    expect(d.state).toBe(after);
  });
});
