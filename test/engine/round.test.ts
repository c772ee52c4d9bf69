import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundTo } from "../../src/engine/round.js";

const byText = (value: number, digits: number): number => Number(value.toFixed(digits));

describe("roundTo", () => {
  it("is Number(value.toFixed(digits)) for any number", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.double({ min: 0, max: 2e6 })),
        fc.integer({ min: 0, max: 8 }),
        (value, digits) => {
          expect(Object.is(roundTo(value, digits), byText(value, digits))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("agrees next to every halfway point, where float products mislead", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.constantFrom(3, 4, 6),
        fc.integer({ min: -4, max: 4 }),
        (whole, digits, ulps) => {
          // (whole + 0.5) / 10^digits, nudged a few representable numbers either way.
          let value = (whole + 0.5) / 10 ** digits;
          for (let k = 0; k < Math.abs(ulps); k++) value = nextAfter(value, ulps > 0);
          expect(Object.is(roundTo(value, digits), byText(value, digits))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("keeps sums of hours readable", () => {
    expect(roundTo(0.1 + 0.2, 6)).toBe(0.3);
    expect(roundTo(2 / 3, 3)).toBe(0.667);
    expect(roundTo(1.00005, 4)).toBe(byText(1.00005, 4));
    expect(Object.is(roundTo(-0, 6), 0)).toBe(true);
    expect(roundTo(Number.NaN, 6)).toBeNaN();
    expect(roundTo(1e21, 6)).toBe(1e21);
  });
});

/** The neighbouring double above (or below) a positive finite number. */
function nextAfter(value: number, up: boolean): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) + (up ? 1n : -1n));
  return view.getFloat64(0);
}
