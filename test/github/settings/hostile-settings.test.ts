import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defaultSettings, readSettings } from "../../../src/github/settings/index.js";
import { maxProblems } from "../../../src/github/settings/settings-problem.js";

const prototypeUnchanged = () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
};

describe("hostile settings files", () => {
  it("reports 10,000 unknown keys in a bounded reply", () => {
    const raw = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i]));
    const { settings, problems } = readSettings({ ...raw, autoMerge: true });
    expect(problems.length).toBe(maxProblems + 1);
    expect(problems.at(-1)?.message).toMatch(/more problems not shown/);
    expect(settings.autoMerge).toBe(false);
  });

  it("never lets __proto__ or constructor keys reach Object.prototype", () => {
    const yaml = `
__proto__: { polluted: true }
constructor: { prototype: { polluted: true } }
modelRates: { __proto__: 1, constructor: 2, prototype: 3, sonnet: 7 }
gates: { __proto__: { allChecks: true }, constructor: { metric: polluted } }
`;
    const raw = parse(yaml);
    const { settings, problems } = readSettings(raw);
    prototypeUnchanged();
    expect(Object.getPrototypeOf(settings.modelRates)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(settings.gates)).toBe(Object.prototype);
    expect(Object.keys(settings.gates)).toEqual(["Gate-O"]);
    expect(settings.modelRates.sonnet).toBe(7);
    expect(Object.hasOwn(settings.modelRates, "constructor")).toBe(false);
    expect(problems.map((problem) => problem.path)).toEqual([
      "__proto__",
      "constructor",
      "modelRates.__proto__",
      "modelRates.constructor",
      "modelRates.prototype",
      "gates.__proto__",
      "gates.constructor",
    ]);
  });

  it("falls back on absurd numbers", () => {
    const yaml = `
maxParallel: .inf
repoMaxParallel: .nan
budgetUsd: 1e400
gateTimeoutMinutes: -5
modelRates: { sonnet: .inf, opus: 123456789012345678901234567890 }
`;
    const { settings, problems } = readSettings(parse(yaml));
    expect(settings).toEqual(defaultSettings());
    expect(problems).toHaveLength(6);
    expect(problems[0]?.message).toMatch(/got Infinity/);
  });

  it("reads YAML aliases that refer to themselves without looping", () => {
    const { settings, problems } = readSettings(
      parse("gates: &g\n  Gate-O: { checks: *g }\nalwaysAllowed: &a [*a]\n"),
    );
    expect(settings.gates).toEqual(defaultSettings().gates);
    expect(settings.alwaysAllowed).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
  });

  it("reads deeply nested values as one wrong value each", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 1000; i++) deep = { a: [deep] };
    const { problems } = readSettings({
      gates: { "Gate-O": deep },
      maxParallel: deep,
      modelRates: { m: deep },
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      "gates.Gate-O.a",
      "gates.Gate-O",
      "maxParallel",
      "modelRates.m",
    ]);
  });

  it("keeps messages short for a megabyte-long key or value", () => {
    const huge = "x".repeat(1_000_000);
    const { problems } = readSettings({ [huge]: 1, workflow: huge, gates: { [huge]: { metric: huge } } });
    for (const problem of problems) expect(problem.message.length + problem.path.length).toBeLessThan(400);
    expect(problems[0]?.path).toBe(`["${"x".repeat(60)}…"]`);
  });

  it("refuses binary junk, with one problem", () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)).toString("latin1");
    for (const raw of [junk, 12, true, [1, 2], Symbol("x"), () => 1]) {
      const { settings, problems } = readSettings(raw);
      expect(settings).toEqual(defaultSettings());
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message.length).toBeLessThan(200);
    }
  });

  it("caps the reply even when every collection is full of mistakes", () => {
    const junk = Array.from({ length: 500 }, () => 0);
    const gates = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`G${i}`, { checks: junk }]));
    const { problems } = readSettings({ gates, alwaysAllowed: junk, modelRates: { a: "x", b: "y" } });
    expect(problems).toHaveLength(maxProblems + 1);
  });
});
