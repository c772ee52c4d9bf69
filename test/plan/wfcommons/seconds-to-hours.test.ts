// Runtimes in seconds become effort hours the effort parser reads back to the very same number, even when
// JavaScript would print them with an exponent.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEffort } from "../../../src/plan/parse-effort.js";
import { plainDecimal, secondsToHours } from "../../../src/plan/wfcommons/seconds-to-hours.js";

describe("secondsToHours", () => {
  it("writes exponents out as plain decimals", () => {
    expect(plainDecimal(2.5e-7)).toBe("0.00000025");
    expect(plainDecimal(1.25e21)).toBe("1250000000000000000000");
    expect(plainDecimal(-3e-7)).toBe("-0.0000003");
    expect(secondsToHours(5400)).toBe("1.5");
    expect(secondsToHours(0)).toBe("0");
  });

  it("gives text the effort parser reads back as seconds / 3600 exactly", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3.6e7, noNaN: true }), (seconds) => {
        const text = secondsToHours(seconds);
        expect(text).not.toMatch(/e/i);
        expect(parseEffort(text)).toEqual({ size: null, hours: seconds / 3600 });
      }),
    );
  });

  it("keeps every double's value", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
        (value) => {
          expect(Number(plainDecimal(value))).toBe(value);
        },
      ),
    );
  });
});
