import { describe, expect, it } from "vitest";
import { renderSimulation } from "../../src/simulate/render-simulation.js";
import { renderSimulationSvg } from "../../src/simulate/render-simulation-svg.js";
import { simulateTrack } from "../../src/simulate/simulate-track.js";
import { makePlan } from "../support/make-plan.js";
import { demoPlan, readScenarioFile } from "./simulate-support.js";

const plan = demoPlan();
const retried = simulateTrack(plan, {
  scenario: readScenarioFile("fixtures/scenarios/retry-then-success.yaml", plan),
});

describe("renderSimulation", () => {
  const text = renderSimulation(retried, { scenario: "fixtures/scenarios/retry-then-success.yaml" });

  it("says how the track ended and sets the makespan beside the planner's numbers", () => {
    expect(text).toContain("# Simulation — Implementation Plan — demo-add-caching");
    expect(text).toContain("4 agents · no noise · scenario fixtures/scenarios/retry-then-success.yaml");
    expect(text).toContain("**Completed at 8.52h.** The track is complete: 6 tasks done");
    expect(text).toContain("| makespan (simulated) | 8.52h |");
    expect(text).toContain("| planner's estimate (continuous dispatch) | 7.00h |");
    expect(text).toContain("| lower bound: max(critical path, total work / agents) | 7.00h |");
    expect(text).toContain("| wave barriers, same input | 7.00h |");
    expect(text).toContain("| first in, first out, same input | 7.00h |");
    expect(text).toContain("| agent utilisation | 31% (10.50h busy of 4 × 8.52h) |");
  });

  it("prints one timeline line per event of note, times in hours", () => {
    const timeline = text.slice(text.indexOf("```text"), text.indexOf("```", text.indexOf("```text") + 3));
    expect(timeline).toContain("    0.00h  dispatch  T03 attempt 1 starts on agent 1 (T03; ends at 1.50h)");
    expect(timeline).toContain("    1.50h  retry     T03: attempt 1 failed: pytest crashed");
    expect(timeline).toContain("    8.52h  complete  the track is complete");
    expect(timeline.split("\n").filter((line) => line.includes("  end  "))).toEqual([]);
  });

  it("draws every attempt in the Mermaid Gantt chart", () => {
    expect(text).toContain("```mermaid\ngantt");
    expect(text).toContain("T03 Implement cache service : u_T03, 2000-01-01 00:00, 2000-01-01 01:30");
    expect(text).toContain("T03 attempt 2 Implement cache service : u_T03_attempt_2, 2000-01-01 01:31");
  });

  it("keeps hostile titles inside their code blocks", () => {
    const hostile = makePlan([{ id: "A", title: "```\n# Heading\n<script>alert(1)</script> `x`" }]);
    const out = renderSimulation(simulateTrack(hostile));
    const fences = out.split("\n").filter((line) => line.startsWith("```"));
    expect(fences).toEqual(["```text", "```", "```mermaid", "```"]);
    expect(out).not.toContain("<script>");
  });
});

describe("renderSimulationSvg", () => {
  it("draws one bar per attempt, with the planner's critical path", () => {
    const svg = renderSimulationSvg(retried);
    expect(svg.startsWith("<?xml")).toBe(true);
    expect(svg).toContain("<title>Simulation — Implementation Plan — demo-add-caching</title>");
    expect(svg).toContain("5 entries on 2 agents, makespan 8.52h");
  });
});
