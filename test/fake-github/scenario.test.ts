// The scenario file: the built-in ones read, and a broken, hostile or oversized one refused with the field named.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, ScenarioError } from "../../src/fake-github/track/scenario.js";

const read = (file: string) => parseScenario(readFileSync(file, "utf8"), file);

describe("a scenario file", () => {
  it("reads the demo's and the fault tests' scenarios", () => {
    const demo = read("fixtures/demo/scenario.json");
    expect(Object.keys(demo.tasks)).toEqual(["T03", "T04", "T05", "T06", "default"]);
    expect(demo.ci.failFirstPush).toEqual(["T04"]);
    expect(demo.people.answers.T05).toContain("600 s");
    expect(Object.keys(read("fixtures/demo/fault-scenario.json").tasks)).toEqual(["T1", "T2", "T3", "T4"]);
  });

  it("refuses text that is not JSON, naming the file", () => {
    expect(() => parseScenario("{ tasks: ", "s.json")).toThrow(ScenarioError);
    expect(() => parseScenario("{ tasks: ", "s.json")).toThrow(/^s\.json: not JSON/);
  });

  it("names each wrong field by its path", () => {
    const text = JSON.stringify({
      settings: "autoMerge: true\n",
      files: {},
      tasks: { T1: [{ costUsd: -1, spawn: [{ subtask: "x", touches: [], dedupKey: "k" }] }], T2: [] },
    });
    const error = (() => {
      try {
        parseScenario(text, "s.json");
      } catch (caught) {
        return caught as Error;
      }
      throw new Error("no error");
    })();
    expect(error.message).toContain("s.json: tasks.T1.0.costUsd:");
    expect(error.message).toContain("s.json: tasks.T1.0.spawn.0.touches:");
    expect(error.message).toContain("s.json: tasks.T2:");
  });

  it("refuses a prototype-polluting or oversized file without harm", () => {
    const hostile = '{"settings":"","files":{},"tasks":{"__proto__":[{"costUsd":1}]}}';
    const parsed = parseScenario(hostile, "h.json");
    expect(({} as Record<string, unknown>).costUsd).toBeUndefined();
    expect(Object.keys(parsed.tasks)).toEqual([]);
    const big = JSON.stringify({ settings: "", files: {}, tasks: { T1: [{ sleepMs: 10_000_000 }] } });
    expect(() => parseScenario(big, "b.json")).toThrow(/tasks\.T1\.0\.sleepMs/);
  });
});
