// Which format a plan is read as, from its file name and its first lines, for the two benchmark graph formats
// beside the four plan formats.

import { describe, expect, it } from "vitest";
import { detectFormat, isWfCommonsInstance } from "../../src/plan/detect-format.js";
import { parsePlan } from "../../src/plan/parse-plan.js";

const format = (text: string, file: string) => detectFormat(text, file)?.format ?? null;
const wfcommons = JSON.stringify({ workflow: { specification: { tasks: [] } } });

describe("detectFormat", () => {
  it("reads a .stg file as STG whatever its text, and an STG text by its first two lines", () => {
    expect(format("anything", "graphs/rand0000.STG")).toBe("stg");
    expect(format("        50\n          0          0          0\n  1 9 1 0\n", "<stdin>")).toBe("stg");
    expect(format("3\r\n0 0 0\r\n", "graph.txt")).toBe("stg");
  });

  it("reads JSON whose workflow object holds a specification or a task list as WfCommons", () => {
    expect(format(wfcommons, "instance.json")).toBe("wfcommons");
    expect(format(JSON.stringify({ workflow: { tasks: [] } }), "old.json")).toBe("wfcommons");
    expect(format(`  ${wfcommons}`, "<issue body>")).toBe("wfcommons");
  });

  it("keeps every other .json file a YAML plan", () => {
    expect(format(JSON.stringify({ tasks: [{ id: "T1" }] }), "plan.json")).toBe("yaml");
    expect(format(JSON.stringify({ workflow: "nightly", tasks: [] }), "plan.json")).toBe("yaml");
    expect(format(JSON.stringify({ workflow: { name: "x" } }), "plan.json")).toBe("yaml");
    expect(format("[1, 2]", "plan.json")).toBe("yaml");
  });

  it("sends broken JSON that names a workflow object to the WfCommons reader, which says where it breaks", () => {
    expect(isWfCommonsInstance('{"workflow": {"specification": {"tasks": [,]}}}')).toBe(true);
    const result = parsePlan('{\n"workflow": {\n"tasks": [,]}}', { file: "broken.json" });
    expect(result.format).toBe("wfcommons");
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'JSON syntax: expected a value, found ",]}}"'],
    ]);
  });

  it("leaves the markdown formats alone", () => {
    expect(format("- [ ] **T01**: Title\n", "plan.md")).toBe("blocks");
    expect(format("# Plan\n\n10 tasks\n0 0 0 zero\n", "plan.md")).toBe(null);
  });
});

describe("parsePlan with a forced format", () => {
  it("reads an STG text as STG when told to, whatever the file is called", () => {
    const result = parsePlan("1\n0 0 0\n1 2 1 0\n2 0 1 1\n", { file: "<stdin>", format: "stg" });
    expect(result.plan?.tasks.map((t) => [t.id, t.effort.hours])).toEqual([["1", 2]]);
  });

  it("reads a WfCommons instance when told to, even in a .yaml file", () => {
    const result = parsePlan(wfcommons.replace("[]", '[{"id": "a"}]'), {
      file: "w.yaml",
      format: "wfcommons",
    });
    expect(result.format).toBe("wfcommons");
    expect(result.plan?.tasks.map((t) => t.id)).toEqual(["a"]);
  });
});
