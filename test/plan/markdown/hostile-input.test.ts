import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxPlanBytes } from "../../../src/plan/defaults.js";
import type { Extractor } from "../../../src/plan/draft.js";
import { extractBlocks } from "../../../src/plan/markdown/extract-blocks.js";
import { extractRegistry } from "../../../src/plan/markdown/extract-registry.js";
import { extract, readFixture, taskById } from "../../support/extract-draft.js";

const extractors: [string, Extractor][] = [
  ["extractBlocks", extractBlocks],
  ["extractRegistry", extractRegistry],
];

/** Every line an extractor reports must exist in the text (0 means the whole file). */
function expectLinesWithin(text: string, extractor: Extractor): void {
  const { draft, diag } = extract(extractor, text);
  const lines = text.split("\n").length;
  const reported = [
    ...diag.items.map((d) => d.line),
    ...draft.tasks.flatMap((t) => [t.line, ...t.subtasks.map((s) => s.line)]),
    ...draft.gates.map((g) => g.line),
  ];
  for (const line of reported) {
    expect(line).toBeGreaterThanOrEqual(0);
    expect(line).toBeLessThanOrEqual(lines);
  }
}

// Fragments of both formats, so generated documents hit the structure and not only plain text.
const fragment = fc.constantFrom(
  "- [ ] **T1**: a\n",
  "- [x] **T2**\n",
  "  - **Touches:** `a.ts`, [x, y\n",
  "  - **Depends on:** T1 ((\n",
  "    - [ ] **T3**: deep\n",
  "| Task | Deps | Touches |\n",
  "|---|---|---|\n",
  "| T1 | - | a |\n",
  "```markdown\n",
  "```yaml\nResource Constraints:\n",
  "```\n",
  "> ",
  "### Phase 2 — x\n",
  "**Budget:** $5\n",
  '- Gate-I gap → spawn "x"\n',
  "## Initial Ready Set\n- **T1**: t\n",
  "\n",
  "(",
  "[",
  "`",
  "**",
  "\u0000",
  "\uFFFF",
);

describe.each(extractors)("%s on hostile input", (_name, extractor) => {
  it("never throws on generated documents and reports only lines that exist", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) =>
        expectLinesWithin(parts.join(""), extractor),
      ),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => expectLinesWithin(text, extractor)));
  });

  it("reads binary junk as a document without the expected structure", () => {
    const bytes = Uint8Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + (i >> 3)) % 256);
    const junk = Buffer.from(bytes).toString("latin1");
    const { errors } = extract(extractor, junk);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(0);
    expect(errors[0]?.hint).toMatch(/\*\*T01\*\*|\| Task \|/);
  });

  it("survives 1,000-deep nesting of lists, quotes and brackets", () => {
    let nested = "";
    for (let i = 0; i < 1000; i++) nested += `${"  ".repeat(i)}- [ ] **T${i}**: level ${i}\n`;
    expectLinesWithin(nested, extractor);
    expectLinesWithin(`${"- ".repeat(1000)}x\n${"> ".repeat(1000)}y\n`, extractor);
    expectLinesWithin(
      `- [ ] **T1**: a\n  - **Touches:** ${"[".repeat(1000)}\n  - **Deps:** ${"(".repeat(1000)}\n`,
      extractor,
    );
  });

  it("reads a document over the size limit as one error, without parsing it", () => {
    const { draft, errors } = extract(extractor, "x".repeat(maxPlanBytes + 1));
    expect(draft.tasks).toEqual([]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [0, expect.stringContaining("bytes, over the limit of 5 MB")],
    ]);
  });
});

describe("large documents", () => {
  it("reads a 5 MB plan of task blocks", { timeout: 120_000 }, () => {
    const parts = ["# Plan — big\n\n"];
    let size = parts[0]?.length ?? 0;
    for (let i = 1; size < 5_000_000; i++) {
      const block = `- [ ] **T${i}**: Task ${i}\n  - **Touches:** \`src/a${i}.ts\`\n  - **Depends on:** T${i - 1}\n\n`;
      parts.push(block);
      size += block.length;
    }
    const { draft, diag } = extract(extractBlocks, parts.join(""));
    expect(diag.items).toEqual([]);
    expect(draft.tasks.length).toBe(parts.length - 1);
    const last = draft.tasks[draft.tasks.length - 1];
    expect(last?.fields.touches?.value).toEqual([`src/a${parts.length - 1}.ts`]);
  });

  it("reads a 5 MB line as a registry without a table", { timeout: 120_000 }, () => {
    const { errors } = extract(extractRegistry, `# Plan\n\n${"word ".repeat(1_000_000)}\n`);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("no task registry table")]);
  });
});

describe("broken task-block fixtures", () => {
  it("reports a plan with no task blocks once, saying what a task looks like", () => {
    const { draft, errors } = extract(extractBlocks, readFixture("broken/blocks-no-tasks.md"));
    expect(draft.tasks).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain("no task blocks");
    expect(errors[0]?.hint).toContain("- [ ] **T01**: Title");
  });

  it("reports task items without an id at their lines", () => {
    const { draft, errors } = extract(extractBlocks, readFixture("broken/blocks-missing-id.md"));
    expect(draft.tasks).toEqual([]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [3, "a task item has no id"],
      [6, "a task item has no id"],
    ]);
  });

  it("keeps what it can read from a task with garbage under it and warns about the rest", () => {
    const { draft, errors, warnings } = extract(extractBlocks, readFixture("broken/blocks-task-garbage.md"));
    expect(errors).toEqual([]);
    const t01 = taskById(draft, "T01");
    expect(t01.fields.touches).toEqual({ value: ["src/a.ts"], line: 4 });
    expect(t01.fields.deps).toEqual({ value: ["T00"], line: 7 });
    expect(t01.unknownFields).toEqual([{ value: "Frobnicate", line: 8 }]);
    expect(warnings.map((w) => w.line)).toEqual([5, 10]);
    expect(taskById(draft, "T02").fields.status).toEqual({ value: "DONE", line: 12 });
  });
});
