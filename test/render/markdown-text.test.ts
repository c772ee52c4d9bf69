import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeSpan, escapeInline, plainText, renderTable, truncate } from "../../src/render/markdown-text.js";
import { hostileText } from "./hostile-text.js";
import { nodeText, parse, tableCells, tables } from "./markdown-tree.js";

describe("plainText", () => {
  it("flattens newlines and tabs to single spaces and drops control characters", () => {
    expect(plainText("a\n\nb\tc\r\nd\u0000e\u202ef")).toBe("a b c def");
  });

  it("cuts long text with … without splitting a surrogate pair", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("ab😀cd", 4)).toBe("ab…");
    expect(plainText("x".repeat(1_000_000)).length).toBe(200);
  });
});

describe("escapeInline", () => {
  it("renders hostile text literally in a paragraph", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const root = parse(`before ${escapeInline(text)} after`);
        expect(root.children).toHaveLength(1);
        expect(nodeText(root)).toBe(`before ${plainText(text)} after`.trim());
      }),
    );
  });

  it("escapes what would be markup", () => {
    expect(escapeInline("a|b <script> `x` *y* [l](u) $5 &amp;")).toBe(
      "a\\|b \\<script\\> \\`x\\` \\*y\\* \\[l\\](u) \\$5 \\&amp;",
    );
  });
});

describe("codeSpan", () => {
  it("uses a longer fence than any backtick run inside", () => {
    expect(codeSpan("src/a.ts")).toBe("`src/a.ts`");
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x`")).toBe("`` `x` ``");
    expect(codeSpan("")).toBe("(empty)");
  });

  it("keeps hostile paths as one code span inside a table cell", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const markdown = renderTable(["Touches", "Next"], [[codeSpan(text, { inTable: true }), "x"]]).join(
          "\n",
        );
        const [table] = tables(parse(markdown));
        const rows = tableCells(table as NonNullable<typeof table>);
        expect(rows[1]).toEqual([plainText(text) === "" ? "(empty)" : plainText(text), "x"]);
      }),
    );
  });
});

describe("renderTable", () => {
  it("writes an empty cell as a space so the row keeps its cells", () => {
    expect(renderTable(["A", "B"], [["", "x"]])).toEqual(["| A | B |", "|---|---|", "|   | x |"]);
  });
});
