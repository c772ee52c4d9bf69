// Broken and hostile YAML (fixtures/plans/broken/*.yaml and generated input): each gives the expected
// diagnostics at the expected lines, and nothing ever throws.

import { describe, expect, it } from "vitest";
import { maxPlanBytes } from "../../../src/plan/defaults.js";
import { extractYaml } from "../../../src/plan/yaml/extract-yaml.js";
import { extract as extractWith, readFixture } from "../../support/extract-draft.js";

const extract = (text: string) => extractWith(extractYaml, text, "plan.yaml");
const fixture = (name: string) => readFixture(`broken/${name}`);

describe("extractYaml on broken plans", () => {
  it("reports a syntax error at its line and reads nothing else", () => {
    const { draft, said } = extract(fixture("yaml-syntax.yaml"));
    expect(said).toEqual(["8: error: YAML syntax: Nested mappings are not allowed in compact mappings"]);
    expect(draft.tasks).toEqual([]);
  });

  it("reports tasks that are not a list", () => {
    expect(extract(fixture("yaml-tasks-not-list.yaml")).said).toEqual([
      "5: error: tasks must be a list of tasks",
    ]);
  });

  it("reports tasks without an id, or not a mapping, and still reads the others", () => {
    const { draft, said } = extract(fixture("yaml-task-without-id.yaml"));
    expect(said).toEqual([
      "7: error: a task has no id",
      "9: error: a task must be a mapping of keys to values",
      "10: error: empty task",
    ]);
    expect(draft.tasks.map((task) => [task.id, task.line])).toEqual([
      ["T1", 4],
      ["T5", 11],
    ]);
  });

  it("reports each value of the wrong shape at its line and keeps the well-formed ones", () => {
    const { draft, said } = extract(fixture("yaml-wrong-types.yaml"));
    expect(said).toEqual([
      "4: error: track.maxParallel must be a single value, not a list",
      "5: error: track.modelRates must be a mapping of keys to values",
      "6: error: each item of groups must be a mapping of keys to values",
      "9: error: Gate-O.target must be a single value, not a mapping",
      "12: error: T1: title must be a single value, not a mapping",
      "13: error: T1: role must be a single value, not a list",
      "14: error: T1: touches must be a list, not a mapping",
      "17: error: each item of T1: deps must be a single value, not a mapping",
      "19: error: T1: subtasks must be a list of tasks",
      "20: error: task id must be a single value, not a list",
    ]);
    expect(draft.track).toEqual({ id: { value: "broken-types", line: 3 } });
    expect(draft.tasks).toEqual([
      {
        id: "T1",
        line: 11,
        title: "",
        fields: { deps: { value: ["T0"], line: 15 }, effort: { value: "L", line: 18 } },
        subtasks: [],
      },
    ]);
  });

  it("refuses an alias bomb at the alias that would expand it", () => {
    const { draft, said } = extract(fixture("yaml-alias-bomb.yaml"));
    expect(said).toEqual(["13: error: the YAML's aliases expand to too many values (an alias bomb?)"]);
    expect(draft.tasks).toEqual([]);
  });

  it("refuses an alias that contains itself", () => {
    expect(extract("tasks: &t\n  - id: T1\n    deps: *t\n").said).toEqual([
      "3: error: a YAML alias refers to a value that contains it",
    ]);
  });

  it("reports 1,000-deep nesting on its line", () => {
    const { draft, said } = extract(fixture("yaml-deep-nesting.yaml"));
    // How deep the parser gets depends on the stack it is given: it gives up on the nesting (once or more) or
    // reads it and finds a list where a path belongs. Errors on line 4 either way, and no touches read.
    expect(said.length).toBeGreaterThan(0);
    for (const line of said) expect(line).toMatch(/^4: error: /);
    expect(draft.tasks[0]?.fields.touches?.value ?? []).toEqual([]);
  });

  it("reports 1,000-deep block nesting with an error, not a crash", () => {
    const lines = ["tasks:", "  - id: T1", "    touches:"];
    for (let depth = 0; depth < 1000; depth++) lines.push(`${" ".repeat(6 + 2 * depth)}-`);
    const { said } = extract(lines.join("\n"));
    expect(said.length).toBeGreaterThan(0);
    for (const line of said) expect(line).toMatch(/^\d+: error: /);
  });

  it("reports binary junk as not a plan", () => {
    const { draft, said } = extract(fixture("yaml-junk.yaml"));
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((line) => line.includes(": error: "))).toBe(true);
    expect(draft.tasks).toEqual([]);
  });

  it("caps the syntax errors it lists for junk with an error on every line", () => {
    const { said } = extract("]\n".repeat(500));
    expect(said).toHaveLength(21);
    expect(said[20]).toMatch(/^0: error: … and \d+ more YAML syntax errors$/);
  });

  it("refuses input over the plan size limit before parsing it", () => {
    const { draft, said } = extract(`tasks:\n${"  - id: T\n".repeat(Math.ceil(maxPlanBytes / 10) + 1)}`);
    expect(said).toEqual([
      expect.stringMatching(/^0: error: the plan is [0-9,]+ bytes, over the limit of 5 MB$/),
    ]);
    expect(draft.tasks).toEqual([]);
  });

  it("reads a long line within the limit", () => {
    const title = "x".repeat(2_000_000);
    const { draft, said } = extract(`tasks:\n  - id: T1\n    title: ${title}\n`);
    expect(said).toEqual([]);
    expect(draft.tasks[0]?.title).toBe(title);
  });
});
