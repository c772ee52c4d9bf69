import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/plan/diagnostics.js";
import { extractTrackSettings } from "../../../src/plan/markdown/extract-track-settings.js";
import { parseMarkdown } from "../../../src/plan/markdown/parse-markdown.js";

function settings(text: string) {
  const diag = new Diagnostics("plan.md");
  return { track: extractTrackSettings(parseMarkdown(text), diag), diag };
}

describe("extractTrackSettings", () => {
  it("reads bold-key lines of one paragraph, each at its own line, and ignores other keys", () => {
    const text = [
      "# Plan — from-title", // 1
      "",
      "**Feature:** caching", // 3
      "**Track:** my-track",
      "**Budget:** $25",
      "**Max parallel agents:** 4",
      "**Spawn budget:** 10",
      "**Retry limit:** 2",
      "**Scope policy:** fail",
      "**No-progress limit:** 3", // 10
    ].join("\n");
    const { track, diag } = settings(text);
    expect(diag.items).toEqual([]);
    expect(track).toEqual({
      title: { value: "Plan — from-title", line: 1 },
      id: { value: "my-track", line: 4 },
      budgetUsd: { value: "$25", line: 5 },
      maxParallel: { value: "4", line: 6 },
      spawnBudget: { value: "10", line: 7 },
      retryLimit: { value: "2", line: 8 },
      scopePolicy: { value: "fail", line: 9 },
      noProgressLimit: { value: "3", line: 10 },
    });
  });

  it("accepts the alternative labels, in lists too, and keeps the first of two settings", () => {
    const text = "- **Cost limit:** 12\n- **Max parallel:** 2\n\n**Cost budget:** 99\n";
    const { track, diag } = settings(text);
    expect(track.budgetUsd).toEqual({ value: "12", line: 1 });
    expect(track.maxParallel).toEqual({ value: "2", line: 2 });
    expect(diag.items.map((d) => [d.severity, d.line])).toEqual([["warning", 4]]);
  });

  it("takes the id from the H1 after a dash when no Track line gives one", () => {
    expect(settings("# Continuous Dispatch Plan – demo-track\n").track.id).toEqual({
      value: "demo-track",
      line: 1,
    });
    expect(settings("# Just a title\n").track.id).toBeUndefined();
  });

  it("reads the Resource Constraints YAML block, preferring max_total_parallel and explicit bold keys", () => {
    const yaml = (body: string) => `\`\`\`yaml\nresource constraints:\n${body}\`\`\`\n`;
    const total = settings(
      yaml("  max_parallel_background: 4\n  max_total_parallel: 6\n  cost_limit_per_track: 5.00\n"),
    );
    expect(total.track).toEqual({
      maxParallel: { value: "6", line: 4 },
      budgetUsd: { value: "5.00", line: 5 },
    });

    const explicit = settings(`**Budget:** $30\n\n${yaml("  cost_limit_per_track: 5.00\n")}`);
    expect(explicit.track.budgetUsd).toEqual({ value: "$30", line: 1 });
  });

  it("reports a broken Resource Constraints block at its line", () => {
    const { track, diag } = settings("intro\n\n```yaml\nResource Constraints:\n  a: [1, 2\n```\n");
    expect(track).toEqual({});
    expect(diag.items).toHaveLength(1);
    expect(diag.items[0]?.severity).toBe("error");
    expect(diag.items[0]?.message).toContain("Resource Constraints");
    expect(diag.items[0]?.line).toBeGreaterThanOrEqual(4);
  });

  it("reads a Model Rates table, safely for any model name", () => {
    const text =
      "## Model Rates\n\n| Model | USD per hour |\n|---|---|\n| opus | 9.5 |\n| `__proto__` | 1 |\n";
    const { track } = settings(text);
    expect(track.modelRates?.line).toBe(3);
    expect(Object.entries(track.modelRates?.value ?? {})).toEqual([
      ["opus", "9.5"],
      ["__proto__", "1"],
    ]);
    expect(Object.getPrototypeOf(track.modelRates?.value)).toBe(Object.prototype);
  });
});
