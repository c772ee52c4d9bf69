import { describe, expect, it } from "vitest";
import { TrackDriver } from "./track-driver.js";

// Every task costs $10 (explicit cost), so the arithmetic is easy to follow.
const tenEach = (ids: string[], extra: Record<string, object> = {}) =>
  ids.map((id) => ({ id, costUsd: 10, touches: [`${id}.ts`], ...(extra[id] ?? {}) }));

describe("budget", () => {
  it("reserves each dispatched estimate and dispatches only what the budget still covers", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A", "B", "C"]), { budgetUsd: 25, maxParallel: 3 });
    d.command({ type: "dispatch", task: null });
    expect(d.dispatched()).toEqual(["A", "B"]);
    expect(d.run("A").reservedUsd).toBe(10);
  });

  it("books the reported cost in place of the estimate, warns at 80 % and stops at 100 %", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A", "B", "C", "D"]), { budgetUsd: 40, maxParallel: 1 });
    d.command({ type: "dispatch", task: null });
    d.complete("A", { costUsd: 4 });
    expect(d.run("A")).toMatchObject({ spentUsd: 4, reservedUsd: 0 });
    d.complete("B", { costUsd: 30 });
    expect(d.ofType("budget-warning", d.effects)).toEqual([
      { type: "budget-warning", track: "42", spentUsd: 34, budgetUsd: 40 },
    ]);
    // $34 booked: C's $10 estimate no longer fits, and nothing else can go.
    expect(d.dispatched()).toEqual([]);
    expect(d.ofType("stop-track", d.last)).toMatchObject([{ reason: "budget" }]);
    expect(d.ofType("stop-track", d.last)[0]?.message).toContain("covers none of the ready tasks");
    d.command({ type: "resume" });
    expect(d.track().status).toBe("stopped");
    d.command({ type: "set-budget", usd: 60, spawn: null });
    expect(d.track().status).toBe("active");
    expect(d.dispatched()).toEqual(["C"]);
  });

  it("lets the estimate stand when a report gives no cost, and stops once the booked cost reaches the budget", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A", "B"]), { budgetUsd: 15, maxParallel: 1 });
    d.command({ type: "dispatch", task: null });
    d.complete("A", { costUsd: 16 });
    expect(d.ofType("stop-track")[0]?.message).toBe(
      "the budget is spent: $16.00 of $15.00. Raise it with /budget $N to go on.",
    );
    d.command({ type: "set-budget", usd: 100, spawn: null });
    d.complete("B");
    expect(d.run("B").spentUsd).toBe(10);
    expect(d.track().status).toBe("completed");
  });
});

describe("failed attempts and money", () => {
  it("book the reservation when the cost is unknown, and the known cost otherwise (0 for a run that never started)", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A", "B"]), { budgetUsd: 100, maxParallel: 2 });
    d.command({ type: "dispatch", task: null });
    d.fail("A");
    d.fail("B", [], "42", 0);
    expect([d.run("A").spentUsd, d.run("B").spentUsd]).toEqual([10, 0]);
    expect([d.run("A").reservedUsd, d.run("B").reservedUsd]).toEqual([0, 0]);
  });

  it("ignore a cost that is no amount, and book the reservation instead", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A"]), { budgetUsd: 100 });
    d.command({ type: "dispatch", task: null });
    d.fail("A", [], "42", Number.NaN);
    expect(d.run("A").spentUsd).toBe(10);
  });
});

describe("commands", () => {
  it("pauses (attempts out keep going, nothing new goes) and resumes", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A", "B"]), { maxParallel: 1 });
    d.command({ type: "dispatch", task: null });
    d.command({ type: "pause" });
    d.complete("A");
    expect(d.dispatched()).toEqual([]);
    d.command({ type: "resume" });
    expect(d.dispatched()).toEqual(["B"]);
  });

  it("cancels a running task (its run is asked to stop, its lock released) and then the whole track", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A", "B", "C"], { C: { deps: ["A"] } }), { maxParallel: 2 });
    d.command({ type: "dispatch", task: null });
    d.command({ type: "cancel", task: "A" });
    expect(d.ofType("cancel-run", d.last)).toEqual([
      { type: "cancel-run", track: "42", unit: "A", attempt: 1 },
    ]);
    expect(d.run("A")).toMatchObject({ status: "cancelled", lock: null, reason: "cancelled by @maintainer" });
    expect(d.run("C").reason).toContain("held back: A was cancelled");
    d.command({ type: "cancel", task: null });
    expect(d.track().status).toBe("cancelled");
    expect(d.status("B")).toBe("cancelled");
  });

  it("unlocks a task's lock so another may take the files", () => {
    const d = new TrackDriver();
    d.planOf([
      { id: "A", touches: ["src/"] },
      { id: "B", touches: ["src/b.ts"] },
    ]);
    d.command({ type: "dispatch", task: null });
    expect(d.dispatched()).toEqual(["A"]);
    d.command({ type: "unlock", task: "A" });
    expect(d.dispatched()).toEqual(["B"]);
  });

  it("answers commands that do not fit with a comment and changes nothing else", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A"]));
    d.command({ type: "retry", task: "A" });
    expect(d.ofType("comment", d.last)[0]?.body).toBe(
      "A is ready; only a failed or cancelled task can be retried.",
    );
    d.command({ type: "answer", task: "Z", text: "?" });
    expect(d.ofType("comment", d.last)[0]?.body).toBe("There is no task Z in this track.");
  });
});

describe("plan edits", () => {
  it("adds the tasks an edit adds and refuses to change a dispatched one", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A", "B"]));
    d.command({ type: "dispatch", task: null });
    d.planOf(tenEach(["A", "B", "C"]));
    expect(d.ofType("create-task", d.last)).toMatchObject([{ unit: "C", origin: "plan edit" }]);
    expect(d.dispatched()).toEqual(["C"]);
    const before = d.track();
    d.planOf(tenEach(["A", "C"]));
    expect(d.ofType("comment", d.last)[0]?.body).toContain("B was removed, but it has been dispatched");
    expect(d.track().units).toEqual(before.units);
  });
});

describe("hostile commands", () => {
  it("refuses a budget that is not a non-negative number and keeps the old one", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A"]), { budgetUsd: 50 });
    for (const usd of [Number.NaN, -5, Number.POSITIVE_INFINITY]) {
      d.command({ type: "set-budget", usd, spawn: null });
      expect(d.ofType("comment", d.last)[0]?.body).toContain("non-negative amount");
    }
    d.command({ type: "set-budget", usd: null, spawn: 1.5 });
    expect(d.track().settings).toMatchObject({ budgetUsd: 50, spawnBudget: 20 });
  });

  it("cuts a huge unknown task name in its reply", () => {
    const d = new TrackDriver();
    d.planOf(tenEach(["A"]));
    d.command({ type: "retry", task: "x".repeat(100_000) });
    expect(d.ofType("comment", d.last)[0]?.body.length).toBeLessThan(200);
  });
});
