import { describe, expect, it } from "vitest";
import { type SimulationResult, simulateTrack } from "../../src/simulate/simulate-track.js";
import { makePlan } from "../support/make-plan.js";
import { demoPlan, scenarioOf } from "./simulate-support.js";

const demo = demoPlan();
const slot = (result: SimulationResult, id: string, attempt = 1) =>
  result.schedule.find((entry, k) => entry.id === id && result.attempts[k] === attempt);
const kindsOf = (result: SimulationResult) => result.events.map((event) => event.kind);

describe("simulated people", () => {
  it("/retry brings back a task that used up its retries, after the track stopped for a person", () => {
    const plan = makePlan(
      [
        { id: "A", hours: 2 },
        { id: "B", hours: 1, deps: ["A"] },
      ],
      { retryLimit: 0 },
    );
    const scenario = scenarioOf(
      "tasks: { A: { outcome: fail, ends: 1 } }\npeople: { commands: [{ at: 4, command: /retry A }] }",
      plan,
    );
    const result = simulateTrack(plan, { scenario });
    const stop = result.events.find((event) => event.kind === "stop");
    expect(stop).toMatchObject({ at: 1 });
    expect(stop?.text).toContain("needs-person");
    expect(stop?.text).toContain("A failed");
    expect(slot(result, "A", 2)).toMatchObject({ start: 4, end: 6 });
    expect(result.ending.status).toBe("completed");
    expect(result.makespan).toBe(7);
  });

  it("/resume goes on after attempts in a row made no progress", () => {
    const scenario = scenarioOf(`
tasks:
  T03: [{ outcome: fail, ends: 1 }, { outcome: timeout, ends: 1 }, { outcome: fail, ends: 1 }]
people:
  commands: [{ at: 6, command: /retry T03 }, { at: 6, command: /resume }]
`);
    const result = simulateTrack(demo, { scenario });
    const stop = result.events.find((event) => event.kind === "stop");
    expect(stop?.text).toContain("no-progress");
    expect(slot(result, "T03", 4)).toMatchObject({ start: 6, end: 9 });
    expect(result.ending.status).toBe("completed");
    expect(result.makespan).toBe(13);
  });

  it("/cancel drops the attempt's pending outcome and frees its agent", () => {
    const scenario = scenarioOf("people: { commands: [{ at: 4, command: /cancel T04 }] }");
    const result = simulateTrack(demo, { scenario });
    expect(slot(result, "T04")).toMatchObject({ start: 3, end: 4 });
    expect(result.events.some((event) => event.task === "T04" && event.kind === "finish")).toBe(false);
    expect(result.events.find((event) => event.kind === "cancel")).toMatchObject({ task: "T04", at: 4 });
    // T06 needs T04: nothing more can go without a person.
    expect(result.ending).toMatchObject({ status: "stopped", reason: "needs-person" });
    expect(slot(result, "T06")).toBeUndefined();
  });

  it("/pause leaves the track stuck once the attempts out have finished", () => {
    const scenario = scenarioOf("people: { commands: [{ at: 1, command: /pause }] }");
    const result = simulateTrack(demo, { scenario });
    expect(result.ending).toMatchObject({ status: "stuck", reason: "paused" });
    expect(result.makespan).toBe(3);
    expect(result.schedule.map((entry) => entry.id)).toEqual(["T03"]);
  });

  it("waits for a person on foreground work when the scenario says so, and goes when they answer", () => {
    const plan = makePlan([
      { id: "A", hours: 1 },
      { id: "B", hours: 2, mode: "foreground", deps: ["A"] },
    ]);
    const waiting = simulateTrack(plan, {
      scenario: scenarioOf("people: { releaseForeground: false }", plan),
    });
    expect(waiting.ending).toMatchObject({ status: "stopped", reason: "needs-person" });
    expect(kindsOf(waiting)).toContain("question");
    const answered = simulateTrack(plan, {
      scenario: scenarioOf("people: { answers: [{ task: B, at: 5, text: go }] }", plan),
    });
    expect(slot(answered, "B")).toMatchObject({ start: 5, end: 7 });
    const released = simulateTrack(plan);
    expect(slot(released, "B")).toMatchObject({ start: 1, end: 3 });
  });

  it("does not stretch the makespan with commands after the track completed", () => {
    const scenario = scenarioOf(
      "people: { commands: [{ at: 50, command: /budget 100 }, { at: 60, command: /pause }] }",
    );
    const result = simulateTrack(demo, { scenario });
    expect(result.makespan).toBe(7);
    expect(result.events.filter((event) => event.kind === "comment").map((event) => event.at)).toEqual([
      50, 60,
    ]);
  });

  it("merges each PR after the review time", () => {
    const result = simulateTrack(demo, { scenario: scenarioOf("people: { review-hours: 0.5 }") });
    expect(result.makespan).toBe(8.5);
    expect(result.events.find((event) => event.kind === "merge")).toMatchObject({ task: "T03", at: 3.5 });
    // The agent is free when the attempt ends, not when its PR merges.
    expect(result.busyHours).toBe(9);
  });

  it("stops the track on a critical finding", () => {
    const scenario = scenarioOf(`
tasks:
  T03: { spawn: [{ title: Cache keys leak user data, severity: critical }] }
`);
    const result = simulateTrack(demo, { scenario });
    expect(result.ending).toMatchObject({ status: "stopped", reason: "critical" });
    expect(result.makespan).toBe(3);
  });

  it("stops for a person when an agent's question is never answered", () => {
    const scenario = scenarioOf("tasks: { T06: { outcome: needs-input, escalations: [Which DB?] } }");
    const result = simulateTrack(demo, { scenario });
    expect(result.events.find((event) => event.kind === "question")?.text).toContain("Which DB?");
    expect(result.ending).toMatchObject({ status: "stopped", reason: "needs-person" });
  });
});

describe("simulated agents", () => {
  it("resume a parent task from its checkpoint after a partial attempt", () => {
    const plan = makePlan([
      { id: "P", subtasks: ["P1", "P2"] },
      { id: "P1", hours: 1 },
      { id: "P2", hours: 2 },
    ]);
    const result = simulateTrack(plan, {
      scenario: scenarioOf("tasks: { P: [{ outcome: partial, tasks-done: [P1], ends: 1 }] }", plan),
    });
    const second = result.events.filter((event) => event.kind === "dispatch")[1];
    expect(second?.text).toContain("(P2;");
    const retry = slot(result, "P", 2);
    expect((retry?.end ?? 0) - (retry?.start ?? 0)).toBe(2);
    expect(result.ending.status).toBe("completed");
  });

  it("take the lowest free agent, and give it back when the attempt ends", () => {
    const plan = makePlan([
      { id: "A", hours: 1, touches: ["a"] },
      { id: "B", hours: 3, touches: ["b"] },
      { id: "C", hours: 1, touches: ["c"], deps: ["A"] },
    ]);
    const result = simulateTrack(plan, { agents: 2 });
    // B has the longest chain after it, so it goes first and takes agent 1.
    expect(result.schedule).toEqual([
      { id: "B", start: 0, end: 3, agent: 1 },
      { id: "A", start: 0, end: 1, agent: 2 },
      { id: "C", start: 1, end: 2, agent: 2 },
    ]);
    expect(result.utilisation).toBeCloseTo(5 / 6, 12);
  });

  it("stop a task that fails forever at the retry limit instead of running on", () => {
    const attempts = Array.from({ length: 100 }, () => ({ outcome: "fail", ends: 0 }));
    const scenario = scenarioOf(JSON.stringify({ tasks: { T03: attempts } }));
    const result = simulateTrack(demo, { scenario });
    expect(result.ending.status).toBe("stopped");
    expect(result.schedule.filter((entry) => entry.id === "T03")).toHaveLength(3);
  });
});
