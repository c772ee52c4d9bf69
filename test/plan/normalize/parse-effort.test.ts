import { describe, expect, it } from "vitest";
import { parseDuration, parseEffort } from "../../../src/plan/parse-effort.js";

describe("parseEffort", () => {
  it.each([
    ["M", { size: "M", hours: 2 }],
    ["s", { size: "S", hours: 1 }],
    ["XL", { size: "XL", hours: 16 }],
    ["M (3 hours)", { size: "M", hours: 3 }],
    ["L (4-6 hours)", { size: "L", hours: 5 }],
    ["M (2–4 hours)", { size: "M", hours: 3 }],
    ["2h", { size: null, hours: 2 }],
    ["90min", { size: null, hours: 1.5 }],
    ["30m", { size: null, hours: 0.5 }],
    ["2h 30m", { size: null, hours: 2.5 }],
    ["1.5", { size: null, hours: 1.5 }],
    ["3 hours", { size: null, hours: 3 }],
  ])("reads %j", (text, expected) => {
    expect(parseEffort(text)).toEqual(expected);
  });

  it.each(["huge", "M (a while)", "-2h", "5 parsecs", "", "99999h", "4-2h"])(
    "rejects %j with advice",
    (text) => {
      const result = parseEffort(text);
      expect(result).toHaveProperty("error");
      expect((result as { error: string }).error).toMatch(/effort/);
    },
  );

  it("explicit hours win over the size", () => {
    expect(parseEffort("S (5h)")).toEqual({ size: "S", hours: 5 });
  });

  it("parseDuration returns null for prose", () => {
    expect(parseDuration("a couple of days")).toBeNull();
  });
});
