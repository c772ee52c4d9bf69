import { describe, expect, it } from "vitest";
import { normalizeTouches } from "../../../src/plan/normalize-touches.js";

describe("normalizeTouches", () => {
  it("keeps files, folders and globs, cleaned", () => {
    expect(normalizeTouches(["src/a.ts", "./docs//", "tests/**/*.py", "src/a.ts"]).paths).toEqual([
      "src/a.ts",
      "docs/",
      "tests/**/*.py",
    ]);
  });

  it("reads a read-only note and drops it from the paths", () => {
    const result = normalizeTouches(["[read-only analysis]"]);
    expect(result).toMatchObject({ paths: [], readOnlyHint: true, prose: [], errors: [] });
  });

  it("treats other notes and prose as not paths", () => {
    const result = normalizeTouches(["[conflict resolution in merged files]", "CI/CD configs", "deploy/"]);
    expect(result.paths).toEqual(["deploy/"]);
    expect(result.prose).toEqual(["[conflict resolution in merged files]", "CI/CD configs"]);
  });

  it.each([
    ["/etc/passwd", /absolute/],
    ["C:\\x", /absolute/],
    ["~/x", /absolute/],
    ["../outside", /leaves the repository/],
    ["src/../../x", /leaves the repository/],
    ["src\\a.ts", /backslashes/],
    ["", /empty/],
    [".git/config", /\.git/],
    ["a\u0000b", /control characters/],
    ["x".repeat(2000), /characters long/],
  ])("rejects %j", (item, message) => {
    const result = normalizeTouches([item]);
    expect(result.paths).toEqual([]);
    expect(result.errors[0]).toMatch(message);
  });

  it("maps the whole repository to a glob that covers everything", () => {
    expect(normalizeTouches(["."]).paths).toEqual(["**"]);
  });
});

describe("normalizeTouches with no touches written", () => {
  it("reads None and dashes as nothing", () => {
    expect(normalizeTouches(["None"])).toMatchObject({ paths: [], prose: [], errors: [] });
    expect(normalizeTouches(["-", "n/a"]).paths).toEqual([]);
  });
});
