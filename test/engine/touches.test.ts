import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fileMatchesGlob,
  isGlob,
  parsedTouchesOverlap,
  parseTouch,
  type Touch,
  touchesOverlap,
} from "../../src/engine/touches.js";
import { touchArb } from "./arbitraries.js";

describe("touchesOverlap", () => {
  it.each([
    ["src/a.ts", "src/a.ts", true],
    ["./src/a.ts", "src//a.ts", true],
    ["src/a.ts", "src/b.ts", false],
    ["src/", "src/a.ts", true],
    ["src/", "src/lib/deep/x.ts", true],
    ["src/", "srcx/a.ts", false],
    ["src/", "src", true],
    ["src/", "src/lib/", true],
    ["src/lib/", "src/app/", false],
    ["src/lib/", "src/lib/", true],
  ])("files and folders: %s vs %s → %s", (a, b, expected) => {
    expect(touchesOverlap(a, b)).toBe(expected);
  });

  it.each([
    ["src/**/*.test.ts", "src/lib/c.test.ts", true],
    ["src/**/*.test.ts", "src/c.test.ts", true],
    ["src/**/*.test.ts", "src/lib/c.ts", false],
    ["src/**/*.test.ts", "test/a.test.ts", false],
    ["*.md", "README.md", true],
    ["*.md", "docs/a.md", false],
    ["docs/{a,b}.md", "docs/b.md", true],
    ["docs/{a,b}.md", "docs/c.md", false],
    ["src/[ab].ts", "src/b.ts", true],
    ["src/[ab].ts", "src/c.ts", false],
    ["src/**", "src/.env", true],
  ])("glob vs file is a match test: %s vs %s → %s", (glob, file, expected) => {
    expect(touchesOverlap(glob, file)).toBe(expected);
    expect(touchesOverlap(file, glob)).toBe(expected);
  });

  it.each([
    ["src/**/*.ts", "src/lib/", true],
    ["src/lib/*.ts", "src/", true],
    ["docs/*.md", "src/", false],
    ["*.md", "src/", true],
    ["src/*.ts", "src/lib/*.ts", true],
    ["docs/*.md", "src/**", false],
    ["docs/{a,b}.md", "docs/*.md", true],
    ["src/lib/*.ts", "srcx/*.ts", false],
  ])(
    "glob vs folder or glob conflicts unless their literal prefixes part: %s vs %s → %s",
    (a, b, expected) => {
      expect(touchesOverlap(a, b)).toBe(expected);
    },
  );

  it("treats the repository root and paths leaving it as covering everything", () => {
    for (const everything of ["./", "/", ".", "", "../elsewhere/x.ts", "src/../../x"]) {
      expect(touchesOverlap(everything, "docs/deep/a.md")).toBe(true);
    }
  });

  it("is symmetric", () => {
    const anyTouch = fc.oneof(
      touchArb,
      fc.string({ maxLength: 12 }),
      fc.string({ unit: fc.constantFrom("a", "/", "*", ".", "{", ",", "}") }),
    );
    fc.assert(
      fc.property(anyTouch, anyTouch, (a, b) => {
        expect(touchesOverlap(a, b)).toBe(touchesOverlap(b, a));
      }),
    );
  });

  it("a touch always overlaps itself", () => {
    fc.assert(
      fc.property(fc.oneof(touchArb, fc.string()), (a) => {
        expect(touchesOverlap(a, a)).toBe(true);
      }),
    );
  });

  it("answers hostile touches at once, conservatively", () => {
    const deep = "a/".repeat(1000);
    expect(touchesOverlap(deep, `${deep}b.ts`)).toBe(true);
    expect(touchesOverlap(`${deep}b.ts`, `${deep}c.ts`)).toBe(false);
    expect(touchesOverlap("x".repeat(1_000_000), "x".repeat(1_000_000))).toBe(true);
    expect(touchesOverlap("\u0000\uffff\ud800/\u0007", "src/a.ts")).toBe(false);
    // Globs that would make a backtracking matcher run for minutes are assumed to match.
    expect(touchesOverlap("*a*a*a*a*a*a*a*a*a*b", "a".repeat(100_000))).toBe(true);
    expect(touchesOverlap("src/*a*a*b", `src/${"a".repeat(400)}`)).toBe(true);
    expect(touchesOverlap("+(a|aa)+(a|aa)", "a".repeat(60))).toBe(true);
    expect(touchesOverlap(`src/${"*".repeat(100_000)}`, "src/a.ts")).toBe(true);
  });
});

describe("isGlob and parseTouch", () => {
  it.each([
    ["src/*.ts", true],
    ["src/**/*.test.ts", true],
    ["docs/{a,b}.md", true],
    ["src/[ab].ts", true],
    ["src/a.ts", false],
    ["src/", false],
  ])("isGlob(%s) → %s", (touch, expected) => {
    expect(isGlob(touch)).toBe(expected);
  });

  it("keeps a glob's literal prefix and canonical text", () => {
    expect(parseTouch("./src//lib/**/*.ts")).toEqual({
      kind: "glob",
      key: "src/lib/**/*.ts",
      segments: ["src", "lib"],
    });
    expect(parseTouch("src/lib/")).toEqual({ kind: "folder", key: "src/lib/", segments: ["src", "lib"] });
    expect(parseTouch("src/./a.ts")).toEqual({ kind: "file", key: "src/a.ts", segments: ["src", "a.ts"] });
  });
});

/** The parsing rule written plainly: split on `/`, drop empty and `.` segments, `..` means the whole repository. */
function plainParse(touch: string): Touch {
  const segments: string[] = [];
  for (const segment of touch.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") return { kind: "folder", key: "./", segments: [] };
    segments.push(segment);
  }
  if (segments.length === 0) return { kind: "folder", key: "./", segments: [] };
  const folder = touch.endsWith("/");
  const key = segments.join("/") + (folder ? "/" : "");
  return isGlob(key) ? parseTouch(key) : { kind: folder ? "folder" : "file", key, segments };
}

/** The overlap rule written plainly, segment by segment. */
function plainOverlap(a: Touch, b: Touch): boolean {
  const prefix = (p: readonly string[], q: readonly string[]) =>
    p.length <= q.length && p.every((s, i) => s === q[i]);
  if (a.kind === "glob" && b.kind === "file") return fileMatchesGlob(b, a);
  if (b.kind === "glob" && a.kind === "file") return fileMatchesGlob(a, b);
  if (a.kind === "file" && b.kind === "file") return a.key === b.key;
  if (a.kind === "file") return prefix(b.segments, a.segments);
  if (b.kind === "file") return prefix(a.segments, b.segments);
  return prefix(a.segments, b.segments) || prefix(b.segments, a.segments);
}

describe("parseTouch and parsedTouchesOverlap against the plain rules", () => {
  const rawTouch = fc.oneof(touchArb, fc.stringMatching(/^[ab./*]{0,10}$/), fc.string({ maxLength: 12 }));

  it("parse any text as splitting on / would", () => {
    fc.assert(
      fc.property(rawTouch, (touch) => {
        expect(parseTouch(touch)).toEqual(plainParse(touch));
      }),
      { numRuns: 5_000 },
    );
  });

  it("decide overlap as comparing segments would", () => {
    fc.assert(
      fc.property(rawTouch, rawTouch, (a, b) => {
        const [x, y] = [parseTouch(a), parseTouch(b)];
        expect(parsedTouchesOverlap(x, y)).toBe(plainOverlap(x, y));
      }),
      { numRuns: 5_000 },
    );
  });
});
