import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseRunName, runName, runNameExpression } from "../../src/github/workflows/run-name.js";

const doc = readFileSync("docs/agent-workflow.md", "utf8");
const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";

describe("the agent workflow contract", () => {
  it("shows the run-name the app parses, and the three identifier inputs", () => {
    const workflow = parse(example) as {
      "run-name": string;
      on: { workflow_dispatch: { inputs: Record<string, { type: string }> } };
    };
    expect(workflow["run-name"]).toBe(runNameExpression);
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(["track", "task", "attempt"]);
  });

  it("names runs so that the app reads back exactly what it dispatched", () => {
    expect(parseRunName(runName("12", "T04", 3))).toEqual({ track: "12", task: "T04", attempt: 3 });
    expect(parseRunName(runName("12", "setup db", 1))).toEqual({ track: "12", task: "setup db", attempt: 1 });
    for (const other of [
      "CI",
      "swarm #12 T04",
      "swarm #0 T attempt 1",
      "swarm #12 T04 attempt 0",
      null,
      "x".repeat(400),
    ])
      expect(parseRunName(other)).toBeNull();
  });
});
