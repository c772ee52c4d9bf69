import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, escapeXml, fitText, textWidth } from "../../src/render/svg-text.js";
import { niceStep, tickLabel, timeAxis } from "../../src/render/svg-ticks.js";
import { hostileText } from "./hostile-text.js";

describe("cleanText", () => {
  it("joins whitespace into single spaces and trims both ends", () => {
    expect(cleanText("  a \t\r\n b\u2028c  ", 50)).toBe("a b c");
  });

  it("cuts to the limit in code points, ending with an ellipsis, never splitting a surrogate pair", () => {
    expect(cleanText("abcdef", 6)).toBe("abcdef");
    expect(cleanText("abcdefg", 6)).toBe("abcde…");
    expect(cleanText("😀😀😀😀", 3)).toBe("😀😀…");
    expect(cleanText("abcd efgh", 6)).toBe("abcd…");
  });

  it("cuts a long text as if it had read all of it, even past long runs of spaces", () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 400 }),
        (text, max, pad) => {
          const padded = `${" ".repeat(pad)}${text}`;
          const whole = [...cleanText(padded, 10_000)];
          const cut = cleanText(padded, max);
          expect(cut).toBe(
            whole.length <= max
              ? whole.join("")
              : `${whole
                  .slice(0, max - 1)
                  .join("")
                  .trimEnd()}…`,
          );
        },
      ),
    );
  });
});

describe("escapeXml and fitText", () => {
  it("escapes the five markup characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("keeps text that fits, cuts with an ellipsis what does not, and gives up below one character", () => {
    expect(fitText("T12", textWidth("T12", 11), 11)).toBe("T12");
    const cut = fitText("abcdefghij", textWidth("abcde", 11), 11);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 11)).toBeLessThanOrEqual(textWidth("abcde", 11));
    expect(fitText("abcdefghij", 3, 11)).toBe("");
  });
});

describe("time axis", () => {
  it("steps 1, 2 or 5 times a power of ten", () => {
    expect([0.07, 0.1, 0.13, 0.3, 1, 1.5, 3, 7, 26, 4_999].map(niceStep)).toEqual([
      0.1, 0.1, 0.2, 0.5, 1, 2, 5, 10, 50, 5_000,
    ]);
  });

  it("ends on the first tick at or past the extent, within the tick budget", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        fc.integer({ min: 2, max: 25 }),
        (extent, max) => {
          const axis = timeAxis(extent, max);
          expect(axis.end).toBeGreaterThanOrEqual(extent * (1 - 1e-9));
          expect(axis.end - axis.step).toBeLessThan(extent);
          expect(axis.ticks.length - 1).toBeLessThanOrEqual(max);
        },
      ),
    );
  });

  it("labels ticks with the decimals the step needs, powers of ten from a million", () => {
    expect(tickLabel(0, 0.05, "h")).toBe("0h");
    expect(tickLabel(0.15000000000000002, 0.05, "h")).toBe("0.15h");
    expect(tickLabel(3, 0.5, "")).toBe("3.0");
    expect(tickLabel(2_000_000, 1_000_000, "h")).toBe("2e6h");
  });
});
