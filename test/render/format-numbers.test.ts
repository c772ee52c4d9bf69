import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatHours, formatShare, formatSpeedup, formatUsd } from "../../src/render/format-numbers.js";

describe("formatHours", () => {
  it.each([
    [0, "0h"],
    [2, "2h"],
    [2.5, "2h 30m"],
    [0.75, "45m"],
    [1 / 60, "1m"],
    [1.999, "2h"],
    [0.004, "0h"],
    [7 + 1 / 3, "7h 20m"],
    [1000, "1000h"],
    [-1.5, "-1h 30m"],
    [-0.001, "0h"],
    [Number.NaN, "—"],
    [Number.POSITIVE_INFINITY, "—"],
  ])("%s hours reads %s", (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });

  it("round-trips every whole number of minutes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (minutes) => {
        const match = /^(?:(\d+)h)? ?(?:(\d+)m)?$/.exec(formatHours(minutes / 60));
        expect(match).not.toBeNull();
        const parsed = Number(match?.[1] ?? 0) * 60 + Number(match?.[2] ?? 0);
        expect(parsed).toBe(minutes);
      }),
    );
  });
});

describe("formatUsd", () => {
  it.each([
    [12.34, "$12.34"],
    [1234.5, "$1,234.50"],
    [0, "$0.00"],
    [0.132, "$0.13"],
    [-3, "-$3.00"],
    [-0.001, "$0.00"],
    [1_234_567.891, "$1,234,567.89"],
    [1e21, "$1.00e+21"],
    [Number.NaN, "—"],
  ])("%s dollars reads %s", (amount, text) => {
    expect(formatUsd(amount)).toBe(text);
  });
});

describe("formatShare and formatSpeedup", () => {
  it("prints whole percentages, <1% for a sliver and — for a zero budget", () => {
    expect(formatShare(54, 100)).toBe("54%");
    expect(formatShare(45.5, 40)).toBe("114%");
    expect(formatShare(0.1, 100)).toBe("<1%");
    expect(formatShare(0, 100)).toBe("0%");
    expect(formatShare(1, 0)).toBe("—");
  });

  it("prints one decimal and ×", () => {
    expect(formatSpeedup(9 / 7)).toBe("1.3×");
    expect(formatSpeedup(2.4)).toBe("2.4×");
    expect(formatSpeedup(1)).toBe("1.0×");
    expect(formatSpeedup(Number.NaN)).toBe("—");
  });
});
