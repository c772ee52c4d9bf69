// Broken, hostile and oversized WfCommons input: a clear diagnostic at a line, or a result; never an exception.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Diagnostics, formatDiagnostic } from "../../../src/plan/diagnostics.js";
import { parsePlan } from "../../../src/plan/parse-plan.js";
import { extractWfcommons } from "../../../src/plan/wfcommons/extract-wfcommons.js";
import { binaryJunk, hostileText, tokenSoup } from "../../support/hostile-text.js";

const parse = (text: string) => {
  const result = parsePlan(text, { file: "wf.json", format: "wfcommons" });
  return { ...result, messages: result.diagnostics.map(formatDiagnostic) };
};

describe("hostile WfCommons input", () => {
  it("reports a JSON syntax error at its line", () => {
    const text =
      '{\n  "workflow": {\n    "specification": {"tasks": [\n      {"id": "a",,}\n    ]}\n  }\n}\n';
    const { plan, messages } = parse(text);
    expect(plan).toBeNull();
    expect(messages).toEqual(['wf.json:4: JSON syntax: expected a "quoted" key, found ",}"']);
  });

  it("reports nesting 1,000 levels deep without overflowing the stack", () => {
    const deep = `{"workflow": {"tasks": [${"[".repeat(1000)}${"]".repeat(1000)}]}}`;
    expect(parse(deep).messages).toEqual(["wf.json:1: JSON syntax: the JSON nests more than 64 levels deep"]);
  });

  it("reports binary junk once, at the first line", () => {
    const { plan, messages } = parse(binaryJunk(20_000));
    expect(plan).toBeNull();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^wf\.json:1: JSON syntax: expected a value, found /);
  });

  it("reports values of the wrong shape at their lines", () => {
    const text = [
      '{"workflow": {',
      '  "specification": {"tasks": [',
      '    {"id": "a", "parents": {"x": 1}},',
      '    {"id": ["b"]},',
      "    7",
      "  ]},",
      '  "execution": {"tasks": {"a": 1}}',
      "}}",
    ].join("\n");
    expect(parse(text).messages).toEqual([
      "wf.json:3: a: parents must be a list, not an object",
      "wf.json:4: id must be a single value, not a list",
      "wf.json:4: a task has neither an id nor a name (give every task an id)",
      "wf.json:5: each task must be an object with an id",
      "wf.json:7: workflow.execution.tasks must be a list",
      "wf.json:3: warning: task a has no measured runtime, so the plan's default effort applies (WfFormat 1.5 keeps runtimes in workflow.execution.tasks[].runtimeInSeconds, 1.0–1.4 on each task)",
    ]);
  });

  it("reads a 5,000-task instance with a 100-character file name per task", () => {
    const n = 5_000;
    const tasks = Array.from({ length: n }, (_, i) => ({
      id: `t${i}`,
      parents: i > 0 ? [`t${i - 1}`] : [],
      outputFiles: [`${"d".repeat(90)}/f${i}`],
    }));
    const execution = tasks.map((task) => ({ id: task.id, runtimeInSeconds: 1 }));
    const text = JSON.stringify({ workflow: { specification: { tasks }, execution: { tasks: execution } } });
    const { plan, messages } = parse(text);
    expect(messages).toEqual([]);
    expect(plan?.tasks).toHaveLength(n);
  });

  it("never throws, whatever the text", () => {
    const pieces = tokenSoup(
      fc.constantFrom(
        '{"workflow":',
        '{"specification":',
        '{"tasks":',
        "[",
        "]",
        "{",
        "}",
        ",",
        '"id":',
        '"a"',
        "1",
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(hostileText("binary-ascii", fc.json(), pieces), (text) => {
        extractWfcommons(text, new Diagnostics("wf.json"));
      }),
      { numRuns: 60 },
    );
  });
});
