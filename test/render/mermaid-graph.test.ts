import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMermaidGraph } from "../../src/render/mermaid-graph.js";
import { hostileText } from "./hostile-text.js";
import { mermaidBlocks, parse } from "./markdown-tree.js";

const nodeLine = /^ {2}u_\w*\["[^"`\n]*"\]$/;
const edgeLine = /^ {2}u_\w* --> u_\w*$/;

describe("renderMermaidGraph", () => {
  it("draws a node per unit and an edge from each prerequisite", () => {
    const block = renderMermaidGraph([
      { id: "T1", title: "Design", deps: [], status: "done" },
      { id: "T2", title: "Build", deps: ["T1", "T1", "T2", "gone"], status: "doing" },
      { id: "T3", title: "", deps: ["T2"], status: "todo" },
    ]);
    expect(block.split("\n")).toEqual([
      "```mermaid",
      "flowchart TD",
      '  u_T1["T1: Design"]',
      '  u_T2["T2: Build"]',
      '  u_T3["T3"]',
      "  u_T1 --> u_T2",
      "  u_T2 --> u_T3",
      "  classDef done fill:#eeeeee,stroke:#999999,color:#777777",
      "  class u_T1 done",
      "  classDef doing stroke-width:3px",
      "  class u_T2 doing",
      "```",
    ]);
  });

  it("writes quotes, #, HTML and backticks in labels as Mermaid entity codes", () => {
    const block = renderMermaidGraph([
      { id: "T1", title: 'Say "hi" #1 <script>`x`</script> & -->', deps: [], status: "todo" },
    ]);
    expect(block).toContain(
      '  u_T1["T1: Say #quot;hi#quot; #35;1 #lt;script#gt;#96;x#96;#lt;/script#gt; #amp; --#gt;"]',
    );
  });

  it("keeps hostile ids and titles inside their quoted labels and the fence", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: hostileText, title: hostileText }), { maxLength: 8 }), (raw) => {
        const units = raw.map((unit, index) => ({
          ...unit,
          deps: index === 0 ? [] : [raw[index - 1]?.id ?? ""],
          status: "todo" as const,
        }));
        const block = renderMermaidGraph(units);
        expect(mermaidBlocks(parse(block))).toEqual([block.split("\n").slice(1, -1).join("\n")]);
        const body = block.split("\n").slice(2, -1);
        for (const line of body) expect(line.match(nodeLine) ?? line.match(edgeLine)).not.toBeNull();
        expect(body.filter((line) => nodeLine.test(line))).toHaveLength(units.length);
      }),
    );
  });
});
