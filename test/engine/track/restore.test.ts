import { describe, expect, it } from "vitest";
import { dispatches, restored, restoredAt, resume, seen } from "./restore-fixture.js";

describe("restoring a track from what GitHub shows", () => {
  it("marks merged or done-labelled work done, books its estimate, and its dependents go with attempt 1", () => {
    const d = restored({
      A: seen({ pr: { number: 5, state: "merged" }, attempt: 2 }),
      B: seen({ label: "done", issueClosed: true }),
    });
    expect(d.run("A")).toMatchObject({
      status: "done",
      lock: null,
      pr: 5,
      spentUsd: 10,
      doneTasks: ["A"],
      finishedAt: restoredAt,
    });
    expect(d.run("B")).toMatchObject({ status: "done", spentUsd: 10 });
    expect(d.run("C")).toMatchObject({ status: "ready", blockedBy: [] });
    expect(d.dispatched()).toEqual([]);
    resume(d);
    expect(dispatches(d)).toEqual([
      ["C", 1],
      ["D", 1],
    ]);
  });

  it("tells the driver each restored status, and stops a run still going for a merged PR", () => {
    const d = restored({
      A: seen({ pr: { number: 5, state: "merged" }, attempt: 1, running: true }),
      // Merged before its prerequisites (a person merged by hand): done, and blocked by nothing.
      C: seen({ pr: { number: 6, state: "merged" }, attempt: 1 }),
    });
    expect(d.ofType("cancel-run", d.last)).toEqual([
      { type: "cancel-run", track: "42", unit: "A", attempt: 1 },
    ]);
    expect(d.ofType("set-status", d.last).map((e) => [e.unit, e.status, e.blockedBy])).toEqual([
      ["A", "done", []],
      ["C", "done", []],
    ]);
  });

  it("holds the lock of work in review, so a unit writing the same file waits until it merges", () => {
    const d = restored({ A: seen({ pr: { number: 7, state: "open" }, attempt: 2, label: "review" }) });
    expect(d.run("A")).toMatchObject({
      status: "review",
      pr: 7,
      attempt: 2,
      spentUsd: 10,
      reason: "PR #7 waits for review and merge",
      lock: { touches: ["a.ts"], concurrency: "write-local" },
    });
    resume(d);
    expect(dispatches(d)).toEqual([["B", 1]]);
    d.merge("A");
    expect(dispatches(d)).toEqual([["D", 1]]);
  });

  it("keeps a run in flight running, with its lock and reservation, and its report still counts", () => {
    const d = restored({ D: seen({ running: true, attempt: 3, pr: { number: 8, state: "open" } }) });
    expect(d.run("D")).toMatchObject({ status: "running", attempt: 3, reservedUsd: 10, spentUsd: 0, pr: 8 });
    resume(d);
    // A writes a.ts, which D's running attempt holds.
    expect(dispatches(d)).toEqual([["B", 1]]);
    d.finish("D", { costUsd: 4 }, "42", 8);
    expect(d.run("D")).toMatchObject({ status: "review", spentUsd: 4, reservedUsd: 0 });
  });

  it("never reuses an attempt number: a failed unit seen at attempt 3 is retried as attempt 4", () => {
    const d = restored({ A: seen({ label: "failed", attempt: 3 }) });
    expect(d.run("A")).toMatchObject({
      status: "failed",
      attempt: 3,
      lock: null,
      reason: "restored as failed when the state was rebuilt from GitHub; /retry A to run it again",
    });
    resume(d);
    expect(dispatches(d)).toEqual([
      ["B", 1],
      ["D", 1],
    ]);
    d.fail("D");
    d.command({ type: "cancel", task: "D" });
    d.command({ type: "retry", task: "A" });
    expect(dispatches(d)).toEqual([["A", 4]]);
  });

  it("sends work whose run ended unseen out again as a new attempt", () => {
    const d = restored({ B: seen({ label: "running", attempt: 2 }) });
    expect(d.run("B")).toMatchObject({ status: "ready", attempt: 2 });
    resume(d);
    expect(dispatches(d)).toContainEqual(["B", 3]);
  });

  it("asks again for an answer the state lost, holding the lock meanwhile, then runs the next attempt", () => {
    const d = restored({ A: seen({ label: "needs-input", attempt: 1, pr: { number: 9, state: "open" } }) });
    expect(d.run("A")).toMatchObject({ status: "needs-input", pr: 9, lock: { touches: ["a.ts"] } });
    expect(d.run("A").questions).toHaveLength(1);
    expect(d.run("A").questions[0]?.text).toMatch(/answer given was lost .*\/answer A again/);
    d.command({ type: "answer", task: "A", text: "use the cache" });
    resume(d);
    expect(dispatches(d)).toContainEqual(["A", 2]);
    expect(d.ofType("dispatch", d.last).find((e) => e.unit === "A")?.answers).toEqual(["use the cache"]);
  });

  it("asks the plan's question of foreground work that never ran", () => {
    const d = restored({ A: seen({ label: "needs-input" }) }, [], {}, [{ id: "A", mode: "foreground" }]);
    expect(d.run("A")).toMatchObject({ status: "needs-input", attempt: 0 });
    expect(d.run("A").questions.map((q) => q.from)).toEqual(["plan"]);
  });

  it("restores cancelled work, a hand-closed task issue, and a PR closed without merging", () => {
    const d = restored({
      A: seen({ label: "cancelled", issueClosed: true }),
      B: seen({ issueClosed: true }),
      C: seen({ label: "ready", issueClosed: true }),
      D: seen({ label: "review", attempt: 1, pr: { number: 4, state: "closed" } }),
    });
    expect(d.run("A")).toMatchObject({ status: "cancelled", spentUsd: 0 });
    expect(d.run("A").reason).toContain("/retry A");
    expect(d.status("B")).toBe("cancelled");
    // The label changes before the issue is reopened: the label is the newer word.
    expect(d.run("C")).toMatchObject({ status: "blocked", blockedBy: ["A", "B"] });
    expect(d.run("D")).toMatchObject({ status: "failed", pr: null, spentUsd: 10 });
    expect(d.run("D").reason).toBe("PR #4 was closed without merging; /retry D to run it again");
  });

  it("books finished work at its estimate, so dispatch never goes past the budget", () => {
    const d = restored(
      { A: seen({ label: "done" }), B: seen({ pr: { number: 3, state: "open" }, attempt: 1 }) },
      [],
      { budgetUsd: 25 },
    );
    resume(d);
    // $20 booked; D's $10 would make $30.
    expect(dispatches(d)).toEqual([]);
    expect(d.run("D").status).toBe("ready");
  });
});
