import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/report/parse-report.js";

const base = (body: string) =>
  `**Status:** done\n\n## Summary\n\nDone.\n\n## SpawnCandidates\n\nNone identified.\n\n${body}`;

describe("parseReport on one-line values", () => {
  it.each([
    ["**Cost:** $1.23", 1.23, []],
    ["**Cost:** 0.42 USD", 0.42, []],
    ["**Cost:** $1,234.50 (estimated)", 1234.5, []],
    ["**Cost:** unknown", null, []],
    ["**Cost:** n/a", null, []],
    ["**Cost:** lots", null, ["the cost 'lots' is not an amount like $1.23; it was read as unknown"]],
    ["**Cost:** $2000000", null, ["the cost $2000000 is over $1000000; it was read as unknown"]],
    ["## Cost\n\nAbout $2.50 in API calls, mostly retries.", 2.5, []],
  ])("reads %j as a cost of %s", (line, costUsd, problems) => {
    const result = parseReport(base(line));
    expect(result.report?.costUsd).toBe(costUsd);
    expect(result.problems).toEqual(problems);
  });

  it("takes the report's own cost line, not a **Cost:** among an escalation's options", () => {
    const result = parseReport(
      base("## Escalation Requests\n\n### E-01: Which?\n\n**Cost:** $500 a month\n"),
    );
    expect(result.report?.costUsd).toBeNull();
    expect(result.report?.escalations[0]?.question).toBe("Cost: $500 a month");
  });

  it("reads subtask ids, drops notes in parentheses and names what is not an id", () => {
    const result = parseReport(base("**Subtasks done:** T04.1 (tests), `T04.2`, T04.1, all of the rest"));
    expect(result.report?.tasksDone).toEqual(["T04.1", "T04.2"]);
    expect(result.problems).toEqual(["subtasks done: 'all of the rest' is not a task id; it was left out"]);
  });

  it("reads metric values as numbers only when they are plain decimals", () => {
    const table =
      "## Metrics\n\n| Metric | Value |\n|---|---|\n| coverage | 0.87 |\n| delta | -3 |\n| p95 | 215ms |\n| count | 1,200 |\n";
    expect(parseReport(base(table)).report?.metrics).toEqual({
      coverage: 0.87,
      delta: -3,
      p95: "215ms",
      count: "1,200",
    });
  });

  it("refuses metrics that are not numbers or short text, and JSON that is not an object", () => {
    const json =
      '## Performance Metrics\n\n```json\n{"ok": 1, "nested": {"a": 1}, "list": [1], "none": null, "flag": true}\n```\n';
    const result = parseReport(base(json));
    expect(result.report?.metrics).toEqual({ ok: 1, flag: "true" });
    expect(result.problems).toEqual([
      "metric 'nested' is not a number or short text; it was left out",
      "metric 'list' is not a number or short text; it was left out",
      "metric 'none' is not a number or short text; it was left out",
    ]);
    const broken = parseReport(base("## Metrics\n\n```json\n{not json\n```\n"));
    expect(broken.problems).toEqual(["the metrics code block is not valid JSON; it was not read"]);
    const proto = parseReport(base('## Metrics\n\n```json\n{"__proto__": 1, "a": 2}\n```\n'));
    expect(proto.report?.metrics).toEqual({ a: 2 });
    expect(Object.getPrototypeOf(proto.report?.metrics)).toBe(Object.prototype);
  });
});
