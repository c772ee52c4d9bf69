import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render-report.js";
import type { AgentReport } from "../../src/report/report-model.js";
import { headings, parse, tableCells, tables } from "../render/markdown-tree.js";
import { agentReport } from "./report-arbitrary.js";

/** What GitHub would turn into a notification, a cross-reference or a link, as its scanner sees the text. */
const live = /(^|[^A-Za-z0-9_])@[A-Za-z0-9]|#\d|\bGH-\d|:\/\/|\bwww\./i;

function nodesOf(root: Root): Nodes[] {
  const found: Nodes[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    found.push(node);
    if ("children" in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return found;
}

function expectedHeadings(report: AgentReport): string[] {
  return [
    "# Subagent Report",
    "## Summary",
    "## Files Touched",
    ...(Object.keys(report.metrics).length > 0 ? ["## Metrics"] : []),
    "## Handoff Notes",
    "## SpawnCandidates",
    "## Escalation Requests",
  ];
}

/** The rendered report's structure is the template's, and no agent text is live markup or a live reference. */
function expectInert(report: AgentReport, markdown: string): void {
  const root = parse(markdown);
  const nodes = nodesOf(root);
  const markup = nodes.filter((node) => ["html", "link", "image", "emphasis", "delete"].includes(node.type));
  expect(markup).toEqual([]);
  // The only bold text is the header's own labels: Status, Subtasks done and (when known) Cost.
  expect(nodes.filter((node) => node.type === "strong")).toHaveLength(report.costUsd === null ? 2 : 3);
  expect(headings(root).filter((heading) => !heading.startsWith("###"))).toEqual(expectedHeadings(report));
  const subheadings = nodes.filter((node) => node.type === "heading" && node.depth === 3);
  expect(subheadings).toHaveLength(2 + report.escalations.length);
  for (const node of nodes) {
    if (node.type === "text") expect(node.value).not.toMatch(live);
  }
  const candidateTable = tables(root).find((table) => tableCells(table)[0]?.[0] === "ID");
  if (report.spawnCandidates.length === 0) expect(candidateTable).toBeUndefined();
  else {
    const cells = tableCells(candidateTable as NonNullable<typeof candidateTable>);
    expect(cells).toHaveLength(report.spawnCandidates.length + 1);
    for (const row of cells) expect(row).toHaveLength(8);
  }
}

const hostile =
  "@everyone #1 <img src=x onerror=alert(1)> --> ``` `code` [x](http://evil) www.evil.com GH-3 | \\";

const sample: AgentReport = {
  status: "done",
  summary: `${hostile}\n# not a heading\n- item ${hostile}\n1. not a list`,
  touchesPlanned: ["src/@team/#1.ts"],
  touchesActual: ["a`b`.md", "x|y"],
  tasksDone: ["T#1", "@bob"],
  spawnCandidates: [
    {
      id: "@everyone",
      title: hostile,
      touches: ["src/a|b.ts", "`weird`"],
      effort: "<b>M</b>",
      effortHours: null,
      needsUserInput: false,
      severity: "low",
      dedupKey: "a|b",
      acceptance: "-->",
    },
  ],
  escalations: [{ id: "#1", title: `${hostile} #`, question: `@everyone\n<!-- ${hostile}` }],
  costUsd: 1.5,
  metrics: { "@everyone": "#1", "<img>": 3 },
  handoff: `Ping @octocat about #12 at https://example.com ${hostile}`,
};

describe("renderReport with hostile agent text", () => {
  it("renders mentions, references, HTML, comment ends and backticks literally", () => {
    const markdown = renderReport(sample);
    expectInert(sample, markdown);
    expect(markdown).not.toMatch(/(^|[^\\])<img/m);
    expect(markdown).toContain("\\<img");
    expect(markdown).not.toContain("-->");
    expect(markdown).toContain("@\u200deveryone");
    expect(markdown).toContain("#\u200d1");
    expect(markdown).toContain("https:\u200d//example.com");
    // Touches stay copyable in code spans, where GitHub looks for no mention.
    expect(markdown).toContain("- `src/@team/#1.ts`");
    expect(markdown).toContain("- ``a`b`.md``");
  });

  it("keeps the template's structure and leaves no live markup for any report", () => {
    fc.assert(
      fc.property(agentReport, (report) => expectInert(report, renderReport(report))),
      { numRuns: 300 },
    );
  });
});
