import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collapseSpace } from "../../../src/plan/markdown/node-text.js";
import { isEmptyCell, splitItems, stripParentheticals } from "../../../src/plan/markdown/split-list.js";

const text = (value: string) => ({ text: value, code: false });
const code = (value: string) => ({ text: value, code: true });

describe("splitItems", () => {
  it("splits on top-level commas only, keeping code spans, brackets and parentheses whole", () => {
    expect(
      splitItems([code("a,b.ts"), text(", [x, y], "), code("c/"), text(" (new, tests), plain text")]),
    ).toEqual(["a,b.ts", "[x, y]", "c/ (new, tests)", "plain text"]);
    expect(splitItems([text(" , ,, ")])).toEqual([]);
  });

  it("equals a plain comma split for text without brackets, parentheses or code", () => {
    const plain = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", "\n", "é", "/") });
    fc.assert(
      fc.property(plain, (value) => {
        const expected = value
          .split(",")
          .map(collapseSpace)
          .filter((item) => item !== "");
        expect(splitItems([text(value)])).toEqual(expected);
      }),
    );
  });

  it("never returns an empty or padded item", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ text: fc.string(), code: fc.boolean() })), (segments) => {
        for (const item of splitItems(segments)) {
          expect(item).not.toBe("");
          expect(item).toBe(collapseSpace(item));
        }
      }),
    );
  });
});

describe("stripParentheticals", () => {
  it("removes nested and unclosed parentheticals", () => {
    expect(stripParentheticals("T00 (if brownfield)")).toBe("T00");
    expect(stripParentheticals("All gates (I, (O), S)")).toBe("All gates");
    expect(stripParentheticals("T05 (API must")).toBe("T05");
    expect(stripParentheticals("a) b")).toBe("a) b");
  });

  it("leaves no opening parenthesis and changes nothing else in text without one", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(stripParentheticals(value)).not.toContain("(");
        if (!value.includes("(")) expect(stripParentheticals(value)).toBe(collapseSpace(value));
      }),
    );
  });
});

describe("isEmptyCell", () => {
  it("treats dashes and blanks as an empty table cell", () => {
    expect(["", " ", "-", "—", "–"].map(isEmptyCell)).toEqual([true, true, true, true, true]);
    expect(["None", "--", "T1"].map(isEmptyCell)).toEqual([false, false, false]);
  });
});
