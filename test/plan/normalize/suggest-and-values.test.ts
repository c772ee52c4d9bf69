import { describe, expect, it } from "vitest";
import { parseBoolean, parseCount, parseMoney } from "../../../src/plan/parse-values.js";
import { suggest } from "../../../src/plan/suggest.js";

describe("suggest", () => {
  it("finds a near id", () => {
    expect(suggest("T3", ["T1", "T03", "T30X"])).toBe("T03");
    expect(suggest("t04", ["T04"])).toBe("T04");
  });

  it("stays silent when nothing is close", () => {
    expect(suggest("database", ["T1", "T2"])).toBeNull();
  });
});

describe("value parsers", () => {
  it("reads money", () => {
    expect(parseMoney("$25")).toBe(25);
    expect(parseMoney("0.132")).toBe(0.132);
    expect(parseMoney("1,200.50 USD")).toBe(1200.5);
    expect(parseMoney("lots")).toBeNull();
    expect(parseMoney("-3")).toBeNull();
  });

  it("reads booleans and counts", () => {
    expect(parseBoolean("Yes")).toBe(true);
    expect(parseBoolean("false")).toBe(false);
    expect(parseBoolean("maybe")).toBeNull();
    expect(parseCount("4", 1, 10)).toBe(4);
    expect(parseCount("0", 1, 10)).toBeNull();
    expect(parseCount("2.5", 1, 10)).toBeNull();
  });
});

describe("suggest between numbered ids", () => {
  it("does not offer another number as a typo", () => {
    expect(suggest("T02", ["T01", "T03"])).toBeNull();
    expect(suggest("TO3", ["T03"])).toBe("T03");
  });
});
