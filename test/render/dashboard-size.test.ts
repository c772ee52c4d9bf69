import { describe, expect, it } from "vitest";
import { parseDashboardMarker, renderDashboard, shortening } from "../../src/render/dashboard.js";
import type { DashboardInput, UnitLinks } from "../../src/render/dashboard-context.js";
import { t0 } from "./dashboard-fixture.js";
import { syntheticTrack } from "./dashboard-synthetic.js";
import { headings, mermaidBlocks, parse } from "./markdown-tree.js";

// A few shared 65k-character texts: thousands of distinct ones would cost gigabytes before anything is rendered.
const hugeTexts = [0, 1, 2, 3, 4].map((k) => `${"x".repeat(65_536)} @alice #${k} | <b>\n# heading`);
const huge = (k: number): string => hugeTexts[k % hugeTexts.length] ?? "";
const plain = (k: number): string => `Task ${k % 7}`;

function input(count: number, text: (k: number) => string, maxChars?: number): DashboardInput {
  const track = syntheticTrack(count, text);
  const links: Record<string, UnitLinks> = {};
  Object.keys(track.units).forEach((id, k) => {
    links[id] = {
      issue: 100 + k,
      pr: 500 + k,
      runUrl: `https://github.com/acme/shop/actions/runs/${9000 + k}`,
    };
  });
  return { track, links, repository: "acme/shop", now: t0, ...(maxChars === undefined ? {} : { maxChars }) };
}

/** The steps the body says it took, in the order it lists them. */
function stepsTaken(body: string): string[] {
  const notice = /Left out, in this order: (.*)\. Each task's issue has the rest\./.exec(body);
  if (!notice) return [];
  return shortening.map((step) => step.leftOut).filter((leftOut) => notice[1]?.includes(leftOut));
}

describe("renderDashboard size limit", () => {
  it("shows 100 ordinary tasks whole, chart included", () => {
    const body = renderDashboard(input(100, plain));
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(stepsTaken(body)).toEqual([]);
    expect(mermaidBlocks(parse(body))).toHaveLength(1);
    expect(body.match(/^\| .* \| #\d+ \| #\d+ \| \[run\]/gm)).toHaveLength(100);
  });

  it("fits 100 tasks with 65k-character texts into 65,536 characters and says what it left out", () => {
    const body = renderDashboard(input(100, huge));
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(stepsTaken(body).length).toBeGreaterThan(0);
    expect(body).toContain("> **Shortened** to fit the limit of 65,536 characters for an issue body.");
    expect(parseDashboardMarker(body)).toEqual({ track: "12" });
    expect(headings(parse(body))).toContain("### Tasks");
  });

  it("leaves parts out in the stated order, least useful first, as the room shrinks", () => {
    const full = renderDashboard(input(60, plain)).length;
    let previous: string[] = [];
    for (const share of [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]) {
      const maxChars = Math.floor(full * share);
      const body = renderDashboard(input(60, plain, maxChars));
      const taken = stepsTaken(body);
      expect(body.length).toBeLessThanOrEqual(maxChars);
      expect(taken).toEqual(shortening.slice(0, taken.length).map((step) => step.leftOut));
      expect(taken.length).toBeGreaterThanOrEqual(previous.length);
      if (taken.length >= 1) expect(mermaidBlocks(parse(body))).toHaveLength(0);
      if (taken.length >= 2) expect(body).toMatch(/\d+ done or cancelled tasks are not listed\./);
      previous = taken;
    }
    expect(previous.length).toBe(shortening.length);
    expect(previous.at(-1)).toBe(shortening.at(-1)?.leftOut);
  });

  it("leaves the chart out above 200 tasks even when there is room", () => {
    const body = renderDashboard(input(201, plain, 10_000_000));
    expect(stepsTaken(body)).toEqual([]);
    expect(body).toContain("Left out: 201 tasks are more than a chart shows (at most 200).");
    expect(mermaidBlocks(parse(body))).toHaveLength(0);
  });

  it("keeps the table's first rows and counts the rest when even the shortened rows do not fit", () => {
    const body = renderDashboard(input(5000, huge));
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/\d+ more tasks are not listed: see their issues\./);
    expect(body).toContain("### Timeline\n\nLeft out to fit GitHub's size limit for an issue body.");
    expect(parseDashboardMarker(body)).toEqual({ track: "12" });
  });
});
