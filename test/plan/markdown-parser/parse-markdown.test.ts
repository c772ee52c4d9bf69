import { readFileSync } from "node:fs";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/plan/markdown/parse-markdown.js";

/** The parts of a tree a plan extractor reads: node types, values, list and task fields, and start lines. */
function shape(node: Nodes): unknown {
  const out: Record<string, unknown> = { type: node.type, line: node.position?.start.line };
  if ("value" in node) out.value = node.value;
  if (node.type === "list") Object.assign(out, { ordered: node.ordered, start: node.start });
  if (node.type === "listItem") out.checked = node.checked;
  if (node.type === "heading") out.depth = node.depth;
  if (node.type === "code") out.lang = node.lang;
  if (node.type === "link") out.url = node.url;
  if ("children" in node) out.children = (node.children as Nodes[]).map(shape);
  return out;
}

const reference = (text: string) =>
  fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

const samples = {
  "task blocks": `# Implementation Plan — demo

**Track:** demo

## Gate Targets

| Gate | Target | Current | Status |
|------|--------|---------|--------|
| Gate-I | ≥0.75 | 0.72 | gap |
| Gate-O | tests pass | 2 failing | gap |

### Phase 1 — Design

- [x] **T01**: Analyze
  - **Owner role:** Explorer
  - **Touches:** [read-only analysis]
  - **Acceptance:**
    - Baseline documented
    - Numbers recorded

- [ ] **T02**: Build it
  - **Depends on:** T01 (if brownfield)
  - **Touches:** \`backend/core/cache.py\`, \`backend/core/__init__.py\`
`,
  checklist: `# Implementation Plan: Something

## Tasks

- [x] 1. Add dispatch unit functions
  - [x] 1.1 Implement \`is_dispatch_unit()\`
    - Return True for parents
    - _Requirements: 1.1, 1.2_
  - [ ] 1.2 Write property test
    - **Property 1: Dispatch Unit Selection**
    - _Depends on: 1.1_

- [ ] 2. Update payload
  - _Touches: src/payload.ts, src/types/_
`,
  "fenced yaml":
    "Intro text\n\n```yaml\ntasks:\n  - id: T1\n```\n\n> quoted\n> lines\n\n---\n\n1. one\n2. two\n",
};

describe("parseMarkdown", () => {
  it.each(Object.entries(samples))("builds the same mdast as micromark for %s", (_name, text) => {
    expect(shape(parseMarkdown(text))).toEqual(shape(reference(text)));
  });

  it("builds the same mdast as micromark for the swarm-iosm plan template", () => {
    const text = readFileSync(new URL("../../../fixtures/plans/template.md", import.meta.url), "utf8");
    expect(shape(parseMarkdown(text))).toEqual(shape(reference(text)));
  });

  it("survives 1,000-deep nesting, a 5 MB line and binary junk", () => {
    let deep = "";
    for (let i = 0; i < 1000; i++) deep += `${"  ".repeat(i)}- [ ] **T${i}**: x\n`;
    expect(parseMarkdown(deep).type).toBe("root");
    expect(parseMarkdown(`${">".repeat(5000)} quote`).type).toBe("root");
    expect(parseMarkdown("x".repeat(5_000_000)).children).toHaveLength(1);
    const junk = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join("");
    expect(parseMarkdown(junk).type).toBe("root");
  });
});
