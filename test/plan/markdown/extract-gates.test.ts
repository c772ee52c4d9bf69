import { describe, expect, it } from "vitest";
import { extractGates } from "../../../src/plan/markdown/extract-gates.js";
import { parseMarkdown } from "../../../src/plan/markdown/parse-markdown.js";

const gates = (text: string) => extractGates(parseMarkdown(text));

describe("extractGates", () => {
  it("reads a Gate Targets table with columns in any order", () => {
    const text = "| Status | Target | Gate |\n|---|---|---|\n| gap | ≥0.75 | Gate-I |\n";
    expect(gates(text)).toEqual([{ name: "Gate-I", line: 3, target: "≥0.75", status: "gap" }]);
  });

  it("attaches trigger titles to table gates by name and creates gates the table lacks", () => {
    const text = [
      "| Gate | Target |",
      "|---|---|",
      "| gate-o | tests pass |",
      "",
      "**Auto-spawn triggers:**",
      "- Gate-O gap → spawn “fix failing tests” tasks",
      "- Gate-X gap -> spawn perf fixes.",
      "- Gate-O gap → spawn a second fix, ignored",
      "- not a trigger",
    ].join("\n");
    expect(gates(text)).toEqual([
      { name: "gate-o", line: 3, target: "tests pass", fix: { title: "fix failing tests", line: 6 } },
      { name: "Gate-X", line: 7, target: "pass", fix: { title: "perf fixes", line: 7 } },
    ]);
  });

  it("reads a ```markdown fence one level deep, at document lines", () => {
    const text = [
      "intro", // 1
      "",
      "````markdown", // 3
      "| Gate | Target |", // 4
      "|---|---|",
      "| Gate-S | N/A |", // 6
      "```md",
      "| Gate | Target |",
      "|---|---|",
      "| Gate-Nested | x |",
      "```",
      "````",
    ].join("\n");
    expect(gates(text)).toEqual([{ name: "Gate-S", line: 6, target: "N/A" }]);
  });
});
