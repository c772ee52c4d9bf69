import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import { describe, expect, it } from "vitest";
import { parseDashboardMarker, renderDashboard } from "../../src/render/dashboard.js";
import { dashboardMarker } from "../../src/render/dashboard-marker.js";
import { plainText } from "../../src/render/markdown-text.js";
import { t0 } from "./dashboard-fixture.js";
import { syntheticTrack } from "./dashboard-synthetic.js";
import { hostileText } from "./hostile-text.js";
import { headings, htmlNodes, mermaidBlocks, parse, tableCells, tables } from "./markdown-tree.js";

const zwj = "\u200d";
const live = /(^|[^A-Za-z0-9_])@[A-Za-z0-9]|#\d|\bGH-\d|:\/\/|\bwww\./i;
const bait = fc.constantFrom(
  "@alice",
  "#12",
  "o/r#3",
  "GH-4",
  "https://x.io",
  "www.x.io",
  "<!-- x -->",
  "| a | b |",
);
const text = fc.oneof(
  hostileText,
  bait,
  fc.tuple(hostileText, bait).map(([a, b]) => `${a}${b}`),
);

/** Cell separators on a raw table line, the way GFM counts them (a backslash escapes the next character). */
function cellCount(line: string): number {
  let pipes = 0;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === "\\") index++;
    else if (line[index] === "|") pipes++;
  }
  return pipes - 1;
}

function proseTexts(root: Root): string[] {
  const found: string[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === "text") found.push(node.value);
    if ("children" in node) stack.push(...(node.children as Nodes[]));
  }
  return found;
}

describe("renderDashboard with hostile plan and agent text", () => {
  it("keeps every section and table intact, pings no one and links nothing", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 10, maxLength: 10 }), (texts) => {
        const track = syntheticTrack(12, (k) => texts[k % texts.length] ?? "");
        track.status = "stopped";
        track.stop = { reason: "critical", message: texts.join("\n") };
        const batches = [{ at: t0, units: texts }];
        const body = renderDashboard({ track, links: {}, repository: "acme/shop", now: t0, batches });
        const root = parse(body);
        expect(headings(root)).toEqual([
          "## Swarm Dispatch dashboard",
          "### Progress",
          "### Budget",
          "### Gates",
          "### Running and locks",
          "### Ready queue",
          "### Tasks",
          "### Batch history",
          "### Timeline",
        ]);
        expect(htmlNodes(root)).toEqual([dashboardMarker(12)]);
        expect(parseDashboardMarker(body)).toEqual({ track: "12" });
        for (const prose of proseTexts(root)) expect(prose).not.toMatch(live);
        const widths = new Set(tables(root).map((table) => tableCells(table)[0]?.length));
        for (const line of body.split("\n").filter((row) => row.startsWith("| "))) {
          expect(widths).toContain(cellCount(line));
        }
        const taskTable = tables(root).find(
          (table) => tableCells(table)[0]?.[0] === "Task" && tableCells(table)[0]?.[1] === "Title",
        );
        const ids = tableCells(taskTable as NonNullable<typeof taskTable>)
          .slice(1)
          .map((row) => row[0]?.replaceAll(zwj, ""));
        expect(ids).toEqual(Object.keys(track.units).map((id) => plainText(id, 60).replaceAll(zwj, "")));
        expect(mermaidBlocks(root)).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  });
});
