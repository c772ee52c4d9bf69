import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseReferences } from "../../src/render/markdown-text-github.js";
import { cleanLine, cleanText } from "../../src/report/report-text.js";
import { hostileText } from "../render/hostile-text.js";
import { hostileWords } from "./report-arbitrary.js";

const zwj = "\u200d";

describe("the report text's normal form", () => {
  it("collapses white space and removes controls and direction overrides", () => {
    expect(cleanLine(" a\t\u0007 b\u202e c \r\n")).toBe("a b c");
    expect(cleanText("one\n\n  two  \n\u0000\nthree")).toBe("one\ntwo\nthree");
  });

  it("undoes the GitHub escaping's joiners and keeps every other joiner", () => {
    expect(cleanLine(neutraliseReferences("@alice #12 GH-3 https://x.io www.x.io"))).toBe(
      "@alice #12 GH-3 https://x.io www.x.io",
    );
    expect(cleanLine("👨‍👩‍👧")).toBe("👨‍👩‍👧");
    // Removing one joiner can put another after `www`; both go in one pass.
    expect(cleanLine(`www${zwj}ww${zwj}.`)).toBe("wwwww.");
  });

  it("is stable: normal text stays as it is, and escaping then reading gives it back", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText,
          hostileWords,
          fc.array(hostileWords).map((w) => w.join("")),
        ),
        (text) => {
          const clean = cleanLine(text);
          expect(cleanLine(clean)).toBe(clean);
          expect(cleanLine(neutraliseReferences(clean))).toBe(clean);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
