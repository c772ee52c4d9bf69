import { describe, expect, it } from "vitest";
import { type SimulationResult, simulateTrack } from "../../src/simulate/simulate-track.js";
import type { TimelineEvent } from "../../src/simulate/timeline.js";
import { demoPlan, readScenarioFile } from "./simulate-support.js";

const plan = demoPlan();

function run(name: string): SimulationResult {
  const scenario = readScenarioFile(`fixtures/scenarios/${name}.yaml`, plan);
  return simulateTrack(plan, { scenario });
}

const kinds = (events: readonly TimelineEvent[], task: string) =>
  events.filter((event) => event.task === task).map((event) => event.kind);
const slot = (result: SimulationResult, id: string, attempt = 1) =>
  result.schedule.find((entry, k) => entry.id === id && result.attempts[k] === attempt);

describe("the example scenarios of fixtures/scenarios", () => {
  it("retry-then-success: T03 fails halfway, is retried after the backoff, then succeeds", () => {
    const result = run("retry-then-success");
    expect(kinds(result.events, "T03")).toEqual(["dispatch", "retry", "dispatch", "finish"]);
    expect(slot(result, "T03", 1)).toMatchObject({ start: 0, end: 1.5 });
    // The engine's first backoff is one minute.
    expect(slot(result, "T03", 2)?.start).toBeCloseTo(1.5 + 1 / 60, 9);
    expect(result.ending.status).toBe("completed");
    expect(result.makespan).toBeCloseTo(7 + 1.5 + 1 / 60, 9);
    // The failed attempt's estimate is booked too.
    expect(result.spentUsd).toBeCloseTo(54 + 18, 9);
  });

  it("spawn-and-escalation: T-AUTO-01 runs after its finder; T04's question is answered and it goes on", () => {
    const result = run("spawn-and-escalation");
    const spawned = result.events.find((event) => event.kind === "spawn");
    expect(spawned).toMatchObject({ task: "T-AUTO-01", at: 3 });
    const auto = slot(result, "T-AUTO-01");
    expect(auto?.start).toBeGreaterThanOrEqual(slot(result, "T03")?.end ?? Number.POSITIVE_INFINITY);
    expect(auto?.end).toBe((auto?.start ?? 0) + 1);
    expect(result.events.find((event) => event.kind === "question")).toMatchObject({ task: "T04", at: 4 });
    expect(result.events.find((event) => event.kind === "answer")).toMatchObject({ task: "T04", at: 4.5 });
    expect(slot(result, "T04", 2)).toMatchObject({ start: 4.5, end: 6.5 });
    expect(slot(result, "T06")?.start).toBe(6.5);
    expect(result.ending.status).toBe("completed");
    expect(result.titles.get("T-AUTO-01")).toBe("Read cache settings from the service config");
  });

  it("gate-fix: Gate-O fails on T06's PR, the engine spawns its fix task, and the fix closes the gap", () => {
    const result = run("gate-fix");
    expect(result.events.find((event) => event.kind === "gate")).toMatchObject({ task: "T06", at: 7 });
    const fix = result.events.find((event) => event.kind === "spawn");
    expect(fix?.task).toBe("T-AUTO-01");
    expect(fix?.text).toContain("Gate-O");
    expect(slot(result, "T-AUTO-01")).toMatchObject({ start: 7, end: 9 });
    expect(result.ending).toMatchObject({ status: "completed" });
    expect(result.ending.message).toContain("Gate-O pass");
    expect(result.makespan).toBe(9);
  });

  it("budget-stop: the track stops when the budget covers no ready task and goes on once it is raised", () => {
    const result = run("budget-stop");
    const stop = result.events.find((event) => event.kind === "stop");
    expect(stop?.at).toBe(5);
    expect(stop?.text).toContain("budget");
    expect(result.events.find((event) => event.kind === "resume")?.at).toBe(6);
    expect(slot(result, "T05")).toMatchObject({ start: 6, end: 8 });
    expect(slot(result, "T06")).toMatchObject({ start: 8, end: 10 });
    expect(result.ending.status).toBe("completed");
    expect(result.spentUsd).toBe(54);
  });

  it("ends every run's event list with how the track ended", () => {
    for (const name of ["retry-then-success", "spawn-and-escalation", "gate-fix", "budget-stop"]) {
      const result = run(name);
      expect(result.events.at(-1)).toMatchObject({
        kind: "end",
        at: result.makespan,
        text: result.ending.message,
      });
    }
  });
});
