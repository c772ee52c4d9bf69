import { describe, expect, it } from "vitest";
import {
  annotationBatches,
  annotationBody,
  cutToBytes,
  cutToCharacters,
  outputBody,
} from "../../../src/github/repo/check-output.js";

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("cutToBytes", () => {
  it("leaves text that fits as it is", () => {
    expect(cutToBytes("héllo 🚀", 100)).toBe("héllo 🚀");
    expect(cutToBytes("a".repeat(65_535), 65_535)).toHaveLength(65_535);
  });

  it("cuts before a character that would not fit whole, for 2-, 3- and 4-byte characters", () => {
    expect(cutToBytes("abé", 3)).toBe("ab");
    expect(cutToBytes("abé", 4)).toBe("abé");
    expect(cutToBytes("a€", 3)).toBe("a");
    expect(cutToBytes("a🚀b", 4)).toBe("a");
    expect(cutToBytes("a🚀b", 5)).toBe("a🚀");
    expect(cutToBytes("🚀", 3)).toBe("");
  });

  it("cuts 100 KB of mixed text to at most 65,535 bytes of whole characters", () => {
    const text = "aé€🚀".repeat(10_000);
    const cut = cutToBytes(text, 65_535);
    expect(bytes(cut)).toBeLessThanOrEqual(65_535);
    expect(bytes(cut)).toBeGreaterThan(65_535 - 4);
    expect(text.startsWith(cut)).toBe(true);
    expect(cut).not.toContain("\uFFFD");
  });
});

describe("cutToCharacters", () => {
  it("keeps at most 255 units and never half of an emoji", () => {
    expect(cutToCharacters("x".repeat(300), 255)).toHaveLength(255);
    const cut = cutToCharacters(`${"x".repeat(254)}🚀🚀`, 255);
    expect(cut).toBe("x".repeat(254));
    expect(cutToCharacters(`${"x".repeat(253)}🚀`, 255)).toBe(`${"x".repeat(253)}🚀`);
  });
});

describe("annotationBody", () => {
  it("maps to GitHub's fields, leaving out an absent or empty title", () => {
    const base = {
      path: "src/a b#%🚀.ts",
      startLine: 3,
      endLine: 5,
      level: "warning" as const,
      message: "m",
    };
    expect(annotationBody({ ...base, title: "T" })).toEqual({
      path: "src/a b#%🚀.ts",
      start_line: 3,
      end_line: 5,
      annotation_level: "warning",
      message: "m",
      title: "T",
    });
    expect(annotationBody({ ...base, title: "" })).not.toHaveProperty("title");
    expect(annotationBody(base)).not.toHaveProperty("title");
  });

  it("makes lines whole, at least 1, and not ending before they start", () => {
    const body = (startLine: number, endLine: number) =>
      annotationBody({ path: "a", startLine, endLine, level: "notice", message: "m" });
    expect(body(0, -4)).toMatchObject({ start_line: 1, end_line: 1 });
    expect(body(7, 2)).toMatchObject({ start_line: 7, end_line: 7 });
    expect(body(2.9, Number.NaN)).toMatchObject({ start_line: 2, end_line: 2 });
  });
});

describe("annotationBatches and outputBody", () => {
  it("groups annotations by 50 and leaves an empty list out of the output", () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      path: "a",
      startLine: i + 1,
      endLine: i + 1,
      level: "notice" as const,
      message: `m${i}`,
    }));
    expect(annotationBatches(many).map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(annotationBatches([])).toEqual([]);
    expect(annotationBatches(undefined)).toEqual([]);
    expect(outputBody({ title: "t", summary: "s" })).toEqual({ title: "t", summary: "s" });
  });
});
