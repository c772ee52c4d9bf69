import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScheduleEntry } from "../../src/engine/types.js";
import { renderSvgGantt, type SvgGanttInput } from "../../src/render/svg-gantt.js";
import { activeContent, readChart } from "../support/xml-gantt-chart.js";
import { elementsNamed, textOf } from "../support/xml-well-formed.js";
import { hostileText } from "./hostile-text.js";

// Escaped by hand here, independently of the renderer's own escaping.
function escaped(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const hostileIds = ["<script>alert(1)</script>", "a&amp;b", `"quoted" 'single'`, "]]>", "<!-- x -->", "&#0;"];

describe("renderSvgGantt: hostile text", () => {
  const entries = hostileIds.map((id, index) => ({
    id,
    start: index,
    end: index + 1,
    agent: 1 + (index % 2),
  }));
  const titles = new Map(hostileIds.map((id) => [id, `<img src=x onerror=alert(1)> ${id}`]));
  const svg = renderSvgGantt({
    entries,
    titles,
    makespan: 6,
    title: "<script>x</script> & co",
    criticalPath: [],
  });
  const chart = readChart(svg);

  it("stays well-formed and static: no script, handler, link or external reference", () => {
    expect(activeContent(chart.root)).toEqual([]);
    expect(chart.bars).toHaveLength(hostileIds.length);
    // Markup from the plan survives only as escaped text (`&lt;img … onerror=…&gt;`), never as a tag.
    expect(svg).not.toMatch(/<script|<img/i);
  });

  it("shows every id and title as the literal text it was", () => {
    for (const id of hostileIds) {
      const bar = chart.bars.find((candidate) => candidate.tooltip.startsWith(`${id} — `));
      expect(bar?.tooltip).toBe(
        `${id} — <img src=x onerror=alert(1)> ${id} · ${hostileIds.indexOf(id)}–${hostileIds.indexOf(id) + 1}`,
      );
      expect(svg).toContain(`<title>${escaped(id)} — `);
    }
    const heading = elementsNamed(chart.root, "title")[0];
    expect(heading === undefined ? "" : textOf(heading)).toBe("<script>x</script> & co");
  });

  it("replaces characters XML cannot carry, joins lines, and cuts a 10,000-character title", () => {
    const id = "T\u0000\u0007\ud800x\u202e\uffff\r\n\ty";
    const long = `Start ${"word ".repeat(2_000)}`;
    const drawnChart = readChart(
      renderSvgGantt({
        entries: [{ id, start: 0, end: 1, agent: 1 }],
        titles: new Map([[id, long]]),
        makespan: 1,
      }),
    );
    const tooltip = drawnChart.bars[0]?.tooltip ?? "";
    expect(tooltip.startsWith("T\ufffd\ufffd\ufffdx\ufffd\ufffd y — Start word word")).toBe(true);
    const title = tooltip.split(" — ")[1]?.split(" · ")[0] ?? "";
    expect(title.endsWith("…")).toBe(true);
    expect([...title].length).toBeLessThanOrEqual(300);
  });
});

const markupId = fc.string({
  unit: fc.constantFrom(..."<>&\"'abc;#/=!?[]-😀é"),
  minLength: 1,
  maxLength: 30,
});

function scheduleOf(ids: fc.Arbitrary<string>): fc.Arbitrary<ScheduleEntry[]> {
  return fc
    .array(
      fc.record({
        id: ids,
        start: fc.double({ min: 0, max: 100, noNaN: true }),
        duration: fc.double({ min: 0, max: 20, noNaN: true }),
        agent: fc.integer({ min: 1, max: 8 }),
      }),
      { maxLength: 40 },
    )
    .map((rows) =>
      rows.map(({ id, start, duration, agent }) => ({ id, start, end: start + duration, agent })),
    );
}

describe("renderSvgGantt: properties", () => {
  it("is well-formed, static, and contains every id exactly as escaped", () => {
    fc.assert(
      fc.property(scheduleOf(markupId), (entries) => {
        const svg = renderSvgGantt({ entries, makespan: 50, unit: "h" });
        const chart = readChart(svg);
        expect(activeContent(chart.root)).toEqual([]);
        expect(chart.bars).toHaveLength(entries.length);
        for (const entry of entries) expect(svg).toContain(`<title>${escaped(entry.id)} · `);
      }),
    );
  });

  it("stays well-formed for any text in ids, titles and the heading", () => {
    fc.assert(
      fc.property(scheduleOf(hostileText), hostileText, hostileText, (entries, title, heading) => {
        const titles = new Map(entries.map((entry) => [entry.id, title]));
        const chart = readChart(renderSvgGantt({ entries, titles, makespan: 10, title: heading }));
        expect(chart.bars).toHaveLength(entries.length);
        expect(activeContent(chart.root)).toEqual([]);
      }),
    );
  });

  it("gives the same bytes for the same schedule, whatever the order of its entries", () => {
    fc.assert(
      fc.property(
        scheduleOf(fc.constantFrom("A", "B", "C", "D")).chain((entries) =>
          fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length })),
        ),
        ([entries, shuffled]) => {
          const input: Omit<SvgGanttInput, "entries"> = {
            makespan: 30,
            statuses: new Map([["A", "done"]]),
            criticalPath: ["B"],
          };
          const once = renderSvgGantt({ entries, ...input });
          expect(renderSvgGantt({ entries, ...input })).toBe(once);
          expect(renderSvgGantt({ entries: shuffled, ...input })).toBe(once);
        },
      ),
    );
  });
});

describe("renderSvgGantt: big inputs", () => {
  it("draws 10,000 entries with 10,000-character titles within the width cap", () => {
    const entries = Array.from({ length: 10_000 }, (_, index) => ({
      id: `T${index}`,
      start: (index % 500) * 0.5,
      end: (index % 500) * 0.5 + 0.5,
      agent: 1 + Math.floor(index / 500),
    }));
    const titles = new Map(entries.map((entry) => [entry.id, `<b>${"x".repeat(10_000)}`]));
    const chart = readChart(renderSvgGantt({ entries, titles, makespan: 250, unit: "h" }));
    expect(chart.bars).toHaveLength(10_000);
    expect(chart.lanes).toHaveLength(20);
    expect(chart.width).toBeLessThanOrEqual(1600);
    expect(chart.bars.every((bar) => bar.tooltip.length < 500)).toBe(true);
  });
});
