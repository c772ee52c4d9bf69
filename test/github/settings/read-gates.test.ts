import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readSettings } from "../../../src/github/settings/index.js";

const gatesOf = (yaml: string) => {
  const { settings, problems } = readSettings(parse(yaml));
  return { gates: settings.gates, problems };
};

describe("gates setting", () => {
  it("reads each way of measuring a gate and keeps the Gate-O default when Gate-O is not listed", () => {
    const { gates, problems } = gatesOf(`
gates:
  Gate-M: { checks: [lint, "build / node 20", lint] }
  Gate-S: { metric: onboarding_minutes }
  Gate-I: { allChecks: true }
`);
    expect(problems).toEqual([]);
    expect(gates).toEqual({
      "Gate-O": { kind: "all-checks" },
      "Gate-M": { kind: "checks", checks: ["lint", "build / node 20"] },
      "Gate-S": { kind: "metric", metric: "onboarding_minutes" },
      "Gate-I": { kind: "all-checks" },
    });
  });

  it("lets a gate named in any case replace the Gate-O default", () => {
    const { gates, problems } = gatesOf("gates:\n  gate-o: { checks: [test] }\n");
    expect(problems).toEqual([]);
    expect(gates).toEqual({ "gate-o": { kind: "checks", checks: ["test"] } });
  });

  it("names the bad item of a check list by its index and drops only that item", () => {
    const { gates, problems } = gatesOf('gates:\n  Gate-O: { checks: [test, 5, "", e2e] }\n');
    expect(gates["Gate-O"]).toEqual({ kind: "checks", checks: ["test", "e2e"] });
    expect(problems.map((problem) => problem.path)).toEqual([
      "gates.Gate-O.checks[1]",
      "gates.Gate-O.checks[2]",
    ]);
    expect(problems[0]?.message).toBe("expected a check run name, got 5; ignored");
  });

  it("keeps Gate-O's default when its entry is unusable, and says so", () => {
    for (const spec of [
      "{ checks: [] }",
      "{ checks: test }",
      "{ allChecks: false }",
      "[test]",
      "{ metric: '' }",
    ]) {
      const { gates, problems } = gatesOf(`gates:\n  Gate-O: ${spec}\n`);
      expect(gates).toEqual({ "Gate-O": { kind: "all-checks" } });
      expect(problems.at(-1)?.message).toMatch(/using its default$/);
    }
  });

  it("measures an unusable gate by its metric instead, and says so", () => {
    const { gates, problems } = gatesOf("gates:\n  Gate-M: { checks: [a], metric: b }\n");
    expect(gates).toEqual({ "Gate-O": { kind: "all-checks" } });
    expect(problems[0]).toMatchObject({
      path: "gates.Gate-M",
      message: expect.stringMatching(
        /names checks and metric; it is measured by the report metric of its name/,
      ),
    });
  });

  it("suggests the gate setting a typo meant", () => {
    const { problems } = gatesOf("gates:\n  Gate-O: { check: [test] }\n");
    expect(problems[0]).toMatchObject({
      path: "gates.Gate-O.check",
      message: expect.stringMatching(/did you mean checks/),
    });
  });

  it("reports a gate listed twice in different case", () => {
    const { gates, problems } = gatesOf("gates:\n  Gate-M: { metric: a }\n  GATE-M: { metric: b }\n");
    expect(gates["Gate-M"]).toEqual({ kind: "metric", metric: "a" });
    expect(gates["GATE-M"]).toBeUndefined();
    expect(problems.map((problem) => problem.path)).toEqual(["gates.GATE-M"]);
  });

  it("quotes a gate name that is not a plain word in the path", () => {
    const { problems } = gatesOf('gates:\n  "Gate O.1": { allChecks: 1 }\n');
    expect(problems[0]?.path).toBe('gates["Gate O.1"].allChecks');
  });

  it("caps the number of gates and of checks per gate", () => {
    const many = Array.from({ length: 60 }, (_, i) => `  G${i}: { metric: m }`).join("\n");
    const { gates, problems } = gatesOf(`gates:\n${many}\n`);
    expect(Object.keys(gates)).toHaveLength(51);
    expect(problems.map((problem) => problem.message)).toEqual(["at most 50 gates; the last 10 are ignored"]);
    const checks = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const result = readSettings({ gates: { "Gate-O": { checks } } });
    expect(result.settings.gates["Gate-O"]).toEqual({ kind: "checks", checks: checks.slice(0, 50) });
    expect(result.problems[0]?.message).toBe("at most 50 checks; the rest are ignored");
  });
});
