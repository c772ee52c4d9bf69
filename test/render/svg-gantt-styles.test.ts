import { describe, expect, it } from "vitest";
import type { ScheduleEntry } from "../../src/engine/types.js";
import { type AttemptStatus, renderSvgGantt } from "../../src/render/svg-gantt.js";
import { type ChartBar, readChart } from "../support/xml-gantt-chart.js";

const entries: ScheduleEntry[] = [
  { id: "done", start: 0, end: 1, agent: 1 },
  { id: "retried", start: 0, end: 1, agent: 2 },
  { id: "retried", start: 1, end: 2, agent: 2 },
  { id: "stopped", start: 1, end: 2, agent: 1 },
  { id: "busy", start: 2, end: 3, agent: 1 },
  { id: "broken", start: 2, end: 3, agent: 2 },
  { id: "unknown", start: 3, end: 4, agent: 1 },
];
const statuses = new Map<string, AttemptStatus>([
  ["done", "done"],
  ["retried", "done"],
  ["stopped", "cancelled"],
  ["busy", "running"],
  ["broken", "failed"],
]);

function bar(bars: readonly ChartBar[], tooltipStart: string): ChartBar {
  const found = bars.find((candidate) => candidate.tooltip.startsWith(tooltipStart));
  if (found === undefined) throw new Error(`no bar for ${tooltipStart}`);
  return found;
}

describe("renderSvgGantt: statuses", () => {
  const drawn = readChart(renderSvgGantt({ entries, statuses, makespan: 4 }));

  it("draws a failed attempt in its own colour with a dashed outline", () => {
    const failed = bar(drawn.bars, "broken ");
    const done = bar(drawn.bars, "done ");
    expect(failed.classes).toContain("failed");
    expect(failed.dash).not.toBeNull();
    expect(done.dash).toBeNull();
    const fills = new Set(
      drawn.bars.filter((each) => !each.classes.includes("failed")).map((each) => each.fill),
    );
    expect(fills.has(failed.fill)).toBe(false);
    expect(failed.tooltip).toContain("failed attempt");
  });

  it("marks an id's earlier attempts failed and gives its latest attempt the id's status", () => {
    const first = bar(drawn.bars, "retried · 0–1");
    const second = bar(drawn.bars, "retried · 1–2");
    expect(first.classes).toContain("failed");
    expect(first.tooltip).toContain("attempt 1 of 2");
    expect(second.classes).toContain("done");
    expect(second.fill).toBe(bar(drawn.bars, "done ").fill);
  });

  it("tells done, running, cancelled and unknown apart, and explains exactly the styles used", () => {
    const fills = ["done ", "busy ", "stopped ", "broken ", "unknown "].map((id) => bar(drawn.bars, id).fill);
    expect(new Set(fills).size).toBe(5);
    expect(bar(drawn.bars, "unknown ").classes).toContain("planned");
    expect(drawn.legend).toEqual(["planned", "running", "done", "failed attempt", "cancelled", "makespan"]);
  });

  it("draws every bar as planned when no statuses are given, retried ids included", () => {
    const plain = readChart(renderSvgGantt({ entries, makespan: 0 }));
    expect(plain.bars.every((each) => each.classes.includes("planned"))).toBe(true);
    expect(plain.legend).toEqual(["planned"]);
  });
});

describe("renderSvgGantt: critical path", () => {
  it("outlines every attempt of a critical id more heavily than the rest and adds it to the legend", () => {
    const drawn = readChart(
      renderSvgGantt({ entries, statuses, criticalPath: ["retried", "busy", "absent"], makespan: 4 }),
    );
    const critical = drawn.bars.filter((each) => each.classes.includes("critical"));
    expect(critical.map((each) => each.tooltip.split(" ")[0])).toEqual(["busy", "retried", "retried"]);
    const heaviestOther = Math.max(
      ...drawn.bars.filter((each) => !each.classes.includes("critical")).map((each) => each.strokeWidth),
    );
    for (const each of critical) {
      expect(each.strokeWidth).toBeGreaterThan(heaviestOther);
      expect(each.tooltip).toContain("critical path");
    }
    // Critical and failed together: still failed (fill and dash), and still outlined as critical.
    const failedCritical = bar(drawn.bars, "retried · 0–1");
    expect(failedCritical.classes).toEqual(["bar", "failed", "critical"]);
    expect(failedCritical.dash).not.toBeNull();
    expect(drawn.legend).toContain("critical path");
  });
});
