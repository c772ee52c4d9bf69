import { describe, expect, it } from "vitest";
import type { SpawnCandidate } from "../../../src/engine/track/events.js";
import type { Plan } from "../../../src/plan/model.js";
import { gate, TrackDriver } from "./track-driver.js";

const candidate = (overrides: Partial<SpawnCandidate> = {}): SpawnCandidate => ({
  title: "Fix flaky cache test",
  touches: ["test/cache.test.ts"],
  severity: "medium",
  needsUserInput: false,
  ...overrides,
});

const spawnAll = (rule: Plan["tasks"][number]["autoSpawn"]) => (plan: Plan) => {
  for (const task of plan.tasks) task.autoSpawn = rule;
};

describe("reports", () => {
  it("spawns a safe finding as T-AUTO-01 that waits for its finder, once per dedup key", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A", touches: ["src/"] }], { spawnBudget: 5 }, spawnAll("safe-only"));
    d.command({ type: "dispatch", task: null });
    d.finish("A", { spawnCandidates: [candidate(), candidate({ title: "fix  FLAKY cache test" })] });
    expect(d.ofType("create-task", d.last)).toEqual([
      {
        type: "create-task",
        track: "42",
        unit: "T-AUTO-01",
        title: "Fix flaky cache test",
        origin: "found by A",
        deps: ["A"],
      },
    ]);
    expect(d.track().units["T-AUTO-01"]).toMatchObject({
      deps: ["A"],
      touches: ["test/cache.test.ts"],
      concurrency: "write-local",
    });
    expect(d.run("T-AUTO-01")).toMatchObject({ status: "blocked", blockedBy: ["A"] });
    d.merge("A");
    expect(d.dispatched()).toEqual(["T-AUTO-01"]);
    expect(d.track().spawned).toBe(1);
  });

  it("holds back high-severity and needs-input findings under safe-only, and says so", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }], { spawnBudget: 5 }, spawnAll("safe-only"));
    d.command({ type: "dispatch", task: null });
    d.finish("A", {
      spawnCandidates: [
        candidate({ title: "Rotate keys", severity: "high" }),
        candidate({ title: "Pick a TTL", needsUserInput: true }),
      ],
    });
    expect(d.ofType("create-task", d.last)).toEqual([]);
    const note = d.ofType("comment", d.last)[0]?.body ?? "";
    expect(note).toContain('"Rotate keys" (high) not spawned: A spawns only safe work');
    expect(note).toContain('"Pick a TTL" (medium) not spawned');
  });

  it("spawns a needs-input finding under `all` as a task waiting for a person", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }], { spawnBudget: 5 }, spawnAll("all"));
    d.command({ type: "dispatch", task: null });
    d.complete("A", { spawnCandidates: [candidate({ needsUserInput: true })] });
    expect(d.run("T-AUTO-01").status).toBe("needs-input");
    expect(d.dispatched()).toEqual([]);
    d.command({ type: "answer", task: "T-AUTO-01", text: "Use 5 minutes" });
    expect(d.ofType("dispatch", d.last)).toMatchObject([{ unit: "T-AUTO-01", answers: ["Use 5 minutes"] }]);
  });

  it("refuses a finding whose touches leave the repository", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }], { spawnBudget: 5 }, spawnAll("all"));
    d.command({ type: "dispatch", task: null });
    d.finish("A", {
      spawnCandidates: [
        candidate({ touches: ["../etc/passwd"] }),
        candidate({ title: "x", touches: ["/abs"] }),
      ],
    });
    expect(d.ofType("create-task", d.last)).toEqual([]);
    expect(d.ofType("comment", d.last)[0]?.body).toContain("is absolute");
  });

  it("stops the track on a critical finding and spawns nothing for it", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B", hours: 9 }], { spawnBudget: 5 }, spawnAll("all"));
    d.command({ type: "dispatch", task: null });
    d.finish("A", { spawnCandidates: [candidate({ title: "Secrets are logged", severity: "critical" })] });
    expect(d.ofType("stop-track", d.last)).toMatchObject([{ reason: "critical" }]);
    expect(d.ofType("stop-track", d.last)[0]?.message).toContain('"Secrets are logged"');
    expect(d.ofType("create-task", d.last)).toEqual([]);
    d.merge("A");
    expect(d.track().status).toBe("stopped");
    d.command({ type: "resume" });
    expect(d.track().status).toBe("active");
  });

  it("stops when the spawn budget is spent, and goes on once it is raised", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B", hours: 9 }], { spawnBudget: 1 }, spawnAll("all"));
    d.command({ type: "dispatch", task: null });
    d.finish("A", { spawnCandidates: [candidate({ title: "one" }), candidate({ title: "two" })] });
    expect(d.ofType("create-task", d.last).map((e) => e.unit)).toEqual(["T-AUTO-01"]);
    expect(d.ofType("stop-track", d.last)).toMatchObject([{ reason: "spawn-budget" }]);
    d.command({ type: "set-budget", usd: null, spawn: 3 });
    expect(d.track().status).toBe("active");
    // The refused finding was not marked seen: reported again, it spawns now.
    d.merge("A");
    d.complete("T-AUTO-01", { spawnCandidates: [candidate({ title: "two" })] });
    expect(d.track().units["T-AUTO-02"]?.title).toBe("two");
  });

  it("asks a person about an escalation and continues with the answer", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }, { id: "B", deps: ["A"] }]);
    d.command({ type: "dispatch", task: null });
    d.finish("A", { status: "needs-input", escalations: ["Fixed or configurable TTL?"], tasksDone: [] });
    expect(d.run("A")).toMatchObject({
      status: "needs-input",
      questions: [{ text: "Fixed or configurable TTL?", from: "agent" }],
    });
    expect(d.run("A").lock).not.toBeNull();
    expect(d.ofType("stop-track", d.last)).toMatchObject([{ reason: "needs-person" }]);
    d.command({ type: "answer", task: "A", text: "Configurable" });
    expect(d.track().status).toBe("active");
    expect(d.ofType("dispatch", d.last)).toMatchObject([
      { unit: "A", attempt: 2, answers: ["Configurable"] },
    ]);
  });

  it("waits for a person before foreground work, then dispatches it on /answer", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A", mode: "foreground" }]);
    d.command({ type: "dispatch", task: null });
    expect(d.run("A")).toMatchObject({ status: "needs-input", questions: [{ from: "plan" }] });
    expect(d.ofType("stop-track", d.last)).toMatchObject([{ reason: "needs-person" }]);
    d.command({ type: "answer", task: "A", text: "go" });
    expect(d.dispatched()).toEqual(["A"]);
  });

  describe("scope", () => {
    const setup = (policy: "fail" | "escalate" | "extend") => {
      const d = new TrackDriver();
      d.planOf(
        [
          { id: "A", touches: ["src/a.ts"] },
          { id: "B", touches: ["src/b.ts"] },
        ],
        { scopePolicy: policy, retryLimit: 1 },
      );
      d.command({ type: "dispatch", task: null });
      return d;
    };

    it("fails the attempt under `fail`", () => {
      const d = setup("fail");
      d.finish("A", { changedFiles: ["src/a.ts", "src/c.ts"] });
      expect(d.run("A")).toMatchObject({ status: "ready", lock: null });
      expect(d.run("A").reason).toContain("changed files beyond its touches (src/c.ts)");
    });

    it("asks a person under `escalate`; the answer extends the lock and sends it to review", () => {
      const d = setup("escalate");
      d.finish("A", { changedFiles: ["src/c.ts"] });
      expect(d.run("A").status).toBe("needs-input");
      expect(d.run("A").questions[0]?.text).toContain("src/c.ts");
      d.command({ type: "answer", task: "A", text: "ok" });
      expect(d.run("A")).toMatchObject({ status: "review", lock: { touches: ["src/a.ts", "src/c.ts"] } });
    });

    it("extends the lock under `extend` when nobody holds the files, else asks", () => {
      const d = setup("extend");
      d.finish("A", { changedFiles: ["src/c.ts"] });
      expect(d.run("A")).toMatchObject({ status: "review", lock: { touches: ["src/a.ts", "src/c.ts"] } });
      d.finish("B", { changedFiles: ["src/c.ts"] });
      expect(d.run("B").status).toBe("needs-input");
    });
  });
});

describe("gates", () => {
  it("spawns the gate's fix task once all work is merged and a gate has a gap, and completes when it passes", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }], { spawnBudget: 2 }, (plan) => {
      plan.gates.push(gate("Gate-O", "tests pass", { touches: ["test/"] }));
      for (const task of plan.tasks) task.gates = ["Gate-O"];
    });
    d.command({ type: "dispatch", task: null });
    d.finish("A");
    d.send({
      id: "g1",
      type: "gate",
      track: "42",
      unit: "A",
      gate: "Gate-O",
      status: "fail",
      current: "3 failing",
    });
    d.merge("A");
    const created = d.ofType("create-task", d.last);
    expect(created).toMatchObject([{ unit: "T-AUTO-01", origin: "Gate-O gap" }]);
    expect(created[0]?.title).toContain("target tests pass, measured 3 failing");
    expect(d.dispatched()).toEqual(["T-AUTO-01"]);
    d.finish("T-AUTO-01");
    d.send({
      id: "g2",
      type: "gate",
      track: "42",
      unit: "T-AUTO-01",
      gate: "Gate-O",
      status: "pass",
      current: "all pass",
    });
    d.merge("T-AUTO-01");
    expect(d.ofType("track-completed", d.last)[0]?.message).toContain("Gate-O pass");
    expect(d.track().status).toBe("completed");
  });

  it("compares report metrics with numeric targets and posts the unit's gate checks", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }], {}, (plan) => {
      plan.gates.push(gate("Gate-I", "≥0.75"), gate("Gate-M", "<= 200"));
      for (const task of plan.tasks) task.gates = ["Gate-I"];
    });
    d.command({ type: "dispatch", task: null });
    d.finish("A", { metrics: { "gate-i": 0.7, "Gate-M": "150" } });
    expect(d.ofType("post-check", d.last)).toEqual([
      {
        type: "post-check",
        track: "42",
        unit: "A",
        name: "Gate-I",
        conclusion: "failure",
        summary: "Gate-I: target ≥0.75, measured 0.7: gap",
      },
    ]);
    expect(d.track().gates.map((g) => [g.name, g.status])).toEqual([
      ["Gate-I", "fail"],
      ["Gate-M", "pass"],
    ]);
  });

  it("stops instead of spawning a fix when the spawn budget is spent", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }], { spawnBudget: 0 }, (plan) => {
      plan.gates.push(gate("Gate-O", "pass"));
    });
    d.command({ type: "dispatch", task: null });
    d.send({ id: "g", type: "gate", track: "42", unit: null, gate: "Gate-O", status: "fail", current: null });
    d.complete("A");
    expect(d.ofType("stop-track", d.last)).toMatchObject([{ reason: "spawn-budget" }]);
  });
});

describe("answers and merges after a finished attempt", () => {
  it("sends work that is complete to review when its question is answered, without another attempt", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }]);
    d.command({ type: "dispatch", task: null });
    d.finish("A", { tasksDone: ["A"], escalations: ["Keep the old endpoint?"] });
    expect(d.status("A")).toBe("needs-input");
    d.command({ type: "answer", task: "A", text: "Yes" });
    expect(d.run("A").status).toBe("review");
    expect(d.dispatched()).toEqual([]);
  });

  it("takes a merge as done even while a retry is out, and asks that run to stop", () => {
    const d = new TrackDriver();
    d.planOf([{ id: "A" }], { retryLimit: 2 });
    d.command({ type: "dispatch", task: null });
    d.finish("A", { status: "failed" });
    d.tick(d.run("A").retryAt ?? 0);
    expect(d.run("A")).toMatchObject({ status: "dispatched", attempt: 2, pr: 100 });
    d.merge("A");
    expect(d.status("A")).toBe("done");
    expect(d.ofType("cancel-run", d.last)).toEqual([
      { type: "cancel-run", track: "42", unit: "A", attempt: 2 },
    ]);
  });
});
