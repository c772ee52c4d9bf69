import { describe, expect, it } from "vitest";
import type { ScheduleEntry } from "../../src/engine/types.js";
import { renderSvgGantt, type SvgGanttInput } from "../../src/render/svg-gantt.js";
import { type Chart, type ChartBar, readChart } from "../support/xml-gantt-chart.js";

function chart(input: Partial<SvgGanttInput> & { entries: ScheduleEntry[] }): Chart {
  return readChart(renderSvgGantt({ makespan: 0, ...input }));
}

/** The x the axis puts at `time`, from its first two ticks (whose labels are plain numbers here). */
function axisX(drawn: Chart, time: number): number {
  const [first, second] = drawn.ticks;
  if (first === undefined || second === undefined) throw new Error("fewer than two ticks");
  const step = Number.parseFloat(second.label) - Number.parseFloat(first.label);
  return first.x + ((second.x - first.x) / step) * time;
}

function barWithTooltip(drawn: Chart, start: string): ChartBar {
  const bar = drawn.bars.find((candidate) => candidate.tooltip.startsWith(start));
  if (bar === undefined) throw new Error(`no bar whose tooltip starts with ${start}`);
  return bar;
}

const threeEntries: ScheduleEntry[] = [
  { id: "T1", start: 0, end: 2, agent: 1 },
  { id: "T2", start: 1, end: 4, agent: 2 },
  { id: "T3", start: 2, end: 3.5, agent: 1 },
];

describe("renderSvgGantt: a known three-entry chart", () => {
  it("puts each bar where the axis says its start and end are, in its agent's lane", () => {
    const drawn = chart({ entries: threeEntries, makespan: 4, unit: "h" });
    expect(drawn.ticks.map((tick) => tick.label)).toEqual(["0h", "1h", "2h", "3h", "4h"]);
    const [t1, t2, t3] = ["T1 ", "T2 ", "T3 "].map((id) => barWithTooltip(drawn, id)) as [
      ChartBar,
      ChartBar,
      ChartBar,
    ];
    for (const [bar, entry] of [
      [t1, threeEntries[0]],
      [t2, threeEntries[1]],
      [t3, threeEntries[2]],
    ] as const) {
      expect(bar.x).toBeCloseTo(axisX(drawn, entry?.start ?? -1), 1);
      expect(bar.x + bar.width).toBeCloseTo(axisX(drawn, entry?.end ?? -1), 1);
    }
    expect(drawn.lanes.map((lane) => lane.label)).toEqual(["Agent 1", "Agent 2"]);
    const [lane1, lane2] = drawn.lanes.map((lane) => lane.y) as [number, number];
    expect(t1.y).toBe(t3.y);
    // A bar sits on its lane label's row: the label's baseline falls inside the bar's height.
    expect(lane1).toBeGreaterThan(t1.y);
    expect(lane1).toBeLessThan(t1.y + t1.height);
    expect(lane2).toBeGreaterThan(t2.y);
    expect(lane2).toBeLessThan(t2.y + t2.height);
    expect([t1.label, t2.label, t3.label]).toEqual(["T1", "T2", "T3"]);
  });
});

describe("renderSvgGantt: structure", () => {
  it("draws one bar per entry, retried ids included, and one lane per agent that has work", () => {
    const entries = [
      { id: "A", start: 0, end: 1, agent: 3 },
      { id: "A", start: 1, end: 2, agent: 3 },
      { id: "B", start: 0, end: 2, agent: 7 },
    ];
    const drawn = chart({ entries, titles: new Map([["A", "Parse the plan"]]), makespan: 2 });
    expect(drawn.bars).toHaveLength(3);
    expect(drawn.lanes.map((lane) => lane.label)).toEqual(["Agent 3", "Agent 7"]);
    expect(drawn.bars.map((bar) => bar.tooltip)).toEqual([
      "A — Parse the plan · 0–1 · attempt 1 of 2",
      "A — Parse the plan · 1–2 · attempt 2 of 2",
      "B · 0–2",
    ]);
  });

  it("labels ticks on 1-2-5 steps from 0, evenly spaced, ending at or past the makespan", () => {
    for (const makespan of [0.3, 1, 7.5, 13, 48, 333, 12_345]) {
      const drawn = chart({ entries: [{ id: "T", start: 0, end: makespan, agent: 1 }], makespan, unit: "h" });
      const values = drawn.ticks.map((tick) => Number.parseFloat(tick.label));
      expect(drawn.ticks.every((tick) => tick.label.endsWith("h"))).toBe(true);
      const step = (values[1] ?? 0) - (values[0] ?? 0);
      const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
      expect([1, 2, 5].some((nice) => Math.abs(mantissa - nice) < 1e-9)).toBe(true);
      expect(values[0]).toBe(0);
      for (const [index, value] of values.entries()) expect(value).toBeCloseTo(index * step, 6);
      expect(values.at(-1)).toBeGreaterThanOrEqual(makespan);
      expect(values.length).toBeGreaterThanOrEqual(3);
      const gaps = drawn.ticks.slice(1).map((tick, index) => tick.x - (drawn.ticks[index]?.x ?? 0));
      for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0] ?? 0, 1);
    }
  });

  it("prints bare numbers and a plain caption without a unit", () => {
    const drawn = chart({ entries: threeEntries, makespan: 4 });
    expect(drawn.ticks.map((tick) => tick.label)).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("keeps the width within its cap however long the schedule, and short bars then lose their label", () => {
    const entries = Array.from({ length: 400 }, (_, index) => ({
      id: `T${index}`,
      start: index * 25,
      end: index * 25 + (index % 2 === 0 ? 0.5 : 25),
      agent: 1,
    }));
    const drawn = chart({ entries, makespan: 10_000, unit: "h" });
    expect(drawn.width).toBeLessThanOrEqual(1600);
    expect(drawn.bars.filter((bar) => bar.label === null).length).toBeGreaterThan(0);
    expect(drawn.bars.every((bar, index) => bar.tooltip.startsWith(`T${index} `))).toBe(true);
  });

  it("draws an empty chart that says so, keeping the heading", () => {
    const svg = renderSvgGantt({ entries: [], makespan: 0, title: "Track 12" });
    const drawn = readChart(svg);
    expect(drawn.bars).toEqual([]);
    expect(svg).toContain(">No entries to draw</text>");
    expect(svg).toContain(">Track 12</text>");
  });

  it("keeps a zero-length bar visible at its time", () => {
    const drawn = chart({ entries: [...threeEntries, { id: "M", start: 3, end: 3, agent: 2 }], makespan: 4 });
    const marker = barWithTooltip(drawn, "M ");
    expect(marker.classes).toContain("zero-length");
    expect(marker.width).toBeGreaterThan(0);
    expect(marker.x).toBeCloseTo(axisX(drawn, 3), 1);
  });
});
