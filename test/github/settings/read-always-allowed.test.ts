import { describe, expect, it } from "vitest";
import { readSettings } from "../../../src/github/settings/index.js";

const allowed = (value: unknown) => {
  const { settings, problems } = readSettings({ alwaysAllowed: value });
  return { paths: settings.alwaysAllowed, problems };
};

describe("alwaysAllowed setting", () => {
  it("keeps files, folders and globs, cleaned like plan touches", () => {
    const { paths, problems } = allowed([
      "package-lock.json",
      "./CHANGELOG.md",
      "docs//generated/",
      "**/yarn.lock",
    ]);
    expect(problems).toEqual([]);
    expect(paths).toEqual(["package-lock.json", "CHANGELOG.md", "docs/generated/", "**/yarn.lock"]);
  });

  it.each([
    ["../outside", /leaves the repository/],
    ["/etc/passwd", /absolute/],
    [".git/config", /inside \.git/],
    ["C:\\x", /absolute/],
    [".", /every task change every file/],
    ["**", /every task change every file/],
    ["**/*", /every task change every file/],
    ["two words", /not a repo-relative path/],
    ["", /empty touch path/],
  ])("drops %j and says why", (item, reason) => {
    const { paths, problems } = allowed(["CHANGELOG.md", item]);
    expect(paths).toEqual(["CHANGELOG.md"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("alwaysAllowed[1]");
    expect(problems[0]?.message).toMatch(reason);
  });

  it("drops an item that is not text", () => {
    const { paths, problems } = allowed([{ path: "a" }, 7, "b"]);
    expect(paths).toEqual(["b"]);
    expect(problems.map((problem) => problem.path)).toEqual(["alwaysAllowed[0]", "alwaysAllowed[1]"]);
  });

  it("refuses a single path written without a list", () => {
    const { paths, problems } = allowed("CHANGELOG.md");
    expect(paths).toEqual([]);
    expect(problems[0]?.fix).toMatch(/alwaysAllowed: \[package-lock\.json, CHANGELOG\.md\]/);
  });

  it("reads at most 200 items of a huge list", () => {
    const { paths, problems } = allowed(Array.from({ length: 1_000_000 }, (_, i) => `f${i}.txt`));
    expect(paths).toHaveLength(200);
    expect(problems.map((problem) => problem.message)).toEqual([
      "at most 200 paths; the last 999800 are ignored",
    ]);
  });
});
