import { describe, expect, it } from "vitest";
import type { ScheduleEntry } from "../../src/engine/types.js";
import { renderSvgGantt } from "../../src/render/svg-gantt.js";
import { type Chart, type ChartBar, readChart } from "../support/xml-gantt-chart.js";
import { elementsNamed } from "../support/xml-well-formed.js";

function drawn(entries: ScheduleEntry[], makespan: number): Chart {
  return readChart(renderSvgGantt({ entries, makespan }));
}

function only(chart: Chart, id: string): ChartBar {
  const bars = chart.bars.filter((bar) => bar.tooltip.startsWith(`${id} `));
  expect(bars).toHaveLength(1);
  return bars[0] as ChartBar;
}

function xOfTick(chart: Chart, label: string): number {
  const tick = chart.ticks.find((candidate) => candidate.label === label);
  if (tick === undefined) throw new Error(`no tick ${label}`);
  return tick.x;
}

// Clamped, not refused: see the policy at the top of src/render/svg-bars.ts.
describe("renderSvgGantt: bad times are clamped", () => {
  const reference = { id: "ok", start: 0, end: 10, agent: 1 };

  it("starts a NaN, negative or -Infinity start at 0", () => {
    for (const start of [Number.NaN, -5, Number.NEGATIVE_INFINITY]) {
      const chart = drawn([reference, { id: "bad", start, end: 4, agent: 2 }], 10);
      const bar = only(chart, "bad");
      expect(bar.x).toBeCloseTo(xOfTick(chart, "0"), 1);
      expect(bar.tooltip).toBe("bad · 0–4");
    }
  });

  it("turns a NaN end, or one before its start, into a zero-length bar", () => {
    for (const end of [Number.NaN, 1, -1]) {
      const bar = only(drawn([reference, { id: "bad", start: 3, end, agent: 2 }], 10), "bad");
      expect(bar.classes).toContain("zero-length");
      expect(bar.tooltip).toBe("bad · 3–3");
    }
  });

  it("runs an infinite end to the latest finite time, and an infinite start starts there", () => {
    const chart = drawn([reference, { id: "bad", start: 2, end: Number.POSITIVE_INFINITY, agent: 2 }], 0);
    expect(only(chart, "bad").tooltip).toBe("bad · 2–10");
    const late = drawn([reference, { id: "late", start: Number.POSITIVE_INFINITY, end: 1, agent: 1 }], 0);
    expect(only(late, "late").tooltip).toBe("late · 10–10");
  });

  it("ignores an unusable makespan and spans the entries instead", () => {
    for (const makespan of [Number.NaN, Number.POSITIVE_INFINITY, -3, 0]) {
      const chart = drawn([reference], makespan);
      expect(elementsNamed(chart.root, "g").some((group) => group.attributes.class === "makespan")).toBe(
        false,
      );
      expect(chart.ticks.at(-1)?.label).toBe("10");
    }
  });

  it("caps absurd times so that every coordinate stays a finite number", () => {
    const chart = drawn([reference, { id: "huge", start: 1e300, end: Number.MAX_VALUE, agent: 2 }], 1e308);
    const numbers = [
      chart.width,
      ...chart.ticks.map((tick) => tick.x),
      ...chart.bars.flatMap((bar) => [bar.x, bar.width]),
    ];
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(chart.ticks.at(-1)?.label).toBe("1e9");
    expect(only(chart, "huge").tooltip).toBe("huge · 1000000000–1000000000");
  });
});

describe("renderSvgGantt: agents are refused unless whole numbers from 1", () => {
  it("throws a RangeError naming the entry's agent field", () => {
    for (const agent of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      const render = () =>
        renderSvgGantt({
          entries: [
            { id: "ok", start: 0, end: 1, agent: 1 },
            { id: "bad", start: 0, end: 1, agent },
          ],
          makespan: 1,
        });
      expect(render).toThrow(RangeError);
      expect(render).toThrow(`entries[1].agent must be a whole number from 1, got ${String(agent)}`);
    }
  });
});
