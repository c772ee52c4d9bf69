// What a YAML plan's author can write and what the draft holds: key spellings, values kept as written, the two
// spellings of gates and groups, anchors, unknown keys, and lines shifted for YAML found inside a markdown fence.

import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/plan/diagnostics.js";
import { extractYaml } from "../../../src/plan/yaml/extract-yaml.js";
import { at } from "../../support/extract-draft.js";

function extract(text: string, lineOffset?: number) {
  const diag = new Diagnostics("plan.yaml");
  const draft = extractYaml(text, diag, lineOffset === undefined ? {} : { lineOffset });
  const said = diag.items.map((d) => `${d.line}: ${d.severity}: ${d.message}`);
  return { draft, said };
}

describe("extractYaml", () => {
  it("accepts snake_case and kebab-case spellings of multi-word keys", () => {
    const { draft, said } = extract(
      [
        "track:",
        "  max_parallel: 3",
        "  budget: 12.50",
        "  no-progress-limit: 2",
        "  model_rates: { opus: 9 }",
        "tasks:",
        "  - id: T1",
        "    needs_user_input: yes",
        "    depends_on: [T0]",
        "    auto-spawn: none",
        "    cost_usd: 0.50",
        "    discoveries_expected: [flaky fixtures]",
      ].join("\n"),
    );
    expect(said).toEqual([]);
    expect(draft.track).toEqual({
      maxParallel: at("3", 2),
      budgetUsd: at("12.50", 3),
      noProgressLimit: at("2", 4),
      modelRates: at({ opus: "9" }, 5),
    });
    expect(draft.tasks[0]?.fields).toEqual({
      needsUserInput: at("yes", 8),
      deps: at(["T0"], 9),
      autoSpawn: at("none", 10),
      cost: at("0.50", 11),
      discoveries: at(["flaky fixtures"], 12),
    });
  });

  it("keeps numbers and booleans as they were written", () => {
    const { draft } = extract(
      [
        "tasks:",
        "  - id: 007",
        "    effort: 3.50",
        "    requirements: [1.10, 2]",
        "    needsUserInput: true",
      ].join("\n"),
    );
    const task = draft.tasks[0];
    expect(task?.id).toBe("007");
    expect(task?.fields.effort).toEqual(at("3.50", 3));
    expect(task?.fields.requirements).toEqual(at(["1.10", "2"], 4));
    expect(task?.fields.needsUserInput).toEqual(at("true", 5));
  });

  it("splits a one-line list of ids at commas but keeps a lone path or sentence whole", () => {
    const { draft } = extract(
      [
        "tasks:",
        "  - id: T2",
        "    deps: T0, T1",
        "    touches: src/a, b.ts",
        "    acceptance: fast, and correct",
      ].join("\n"),
    );
    expect(draft.tasks[0]?.fields).toEqual({
      deps: at(["T0", "T1"], 3),
      touches: at(["src/a, b.ts"], 4),
      acceptance: at(["fast, and correct"], 5),
    });
  });

  it("leaves out fields written with no value", () => {
    const { draft, said } = extract(
      ["tasks:", "  - id: T1", "    role:", "    touches: ~", "    deps: []"].join("\n"),
    );
    expect(said).toEqual([]);
    expect(draft.tasks[0]?.fields).toEqual({ deps: at([], 5) });
  });

  it("reads gates and groups written as a mapping by name or as a list", () => {
    const { draft, said } = extract(
      [
        "gates:",
        "  Gate-O: all tests pass",
        "  Gate-S: { target: N/A, status: skip, fix: Simplify the API }",
        "groups:",
        "  - name: FIRST",
        "    tasks: T1, T2",
        "  - { name: SECOND, deps: FIRST }",
        "  - JUST_A_NAME",
        "tasks: [{ id: T1 }, { id: T2 }, { id: T3 }]",
      ].join("\n"),
    );
    expect(draft.gates).toEqual([
      { name: "Gate-O", line: 2, target: "all tests pass" },
      { name: "Gate-S", line: 3, target: "N/A", status: "skip", fix: { title: "Simplify the API", line: 3 } },
    ]);
    expect(draft.groups).toEqual([
      { name: "FIRST", line: 5, tasks: [at("T1", 6), at("T2", 6)] },
      { name: "SECOND", line: 7, tasks: [], deps: at(["FIRST"], 7) },
    ]);
    expect(said).toEqual(["8: error: each item of groups must be a mapping of keys to values"]);
  });

  it("reads the short group form, a list of members", () => {
    const { draft } = extract(["groups:", "  CORE: [T1, T2]", "tasks: [{ id: T1 }, { id: T2 }]"].join("\n"));
    expect(draft.groups).toEqual([{ name: "CORE", line: 2, tasks: [at("T1", 2), at("T2", 2)] }]);
  });

  it("follows anchors and aliases", () => {
    const { draft, said } = extract(
      ["shared: &common [src/shared/, docs/]", "tasks:", "  - id: T1", "    touches: *common"].join("\n"),
    );
    expect(draft.tasks[0]?.fields.touches).toEqual(at(["src/shared/", "docs/"], 4));
    expect(said).toEqual(['1: warning: unknown top-level key "shared" ignored']);
  });

  it("puts unknown task keys in unknownFields and warns about unknown track and top-level keys", () => {
    const { draft, said } = extract(
      [
        "maxParallel: 3",
        "track:",
        "  colour: blue",
        "tasks:",
        "  - id: T1",
        "    inputs: [spec.md]",
        "    owner: ana",
      ].join("\n"),
    );
    expect(draft.tasks[0]?.unknownFields).toEqual([at("inputs", 6), at("owner", 7)]);
    expect(said).toEqual([
      '1: warning: unknown top-level key "maxParallel" ignored',
      '3: warning: unknown track setting "colour" ignored',
    ]);
    const diag = new Diagnostics("plan.yaml");
    extractYaml("maxParallel: 3\ntasks: []", diag);
    expect(diag.items[0]?.hint).toBe("track settings go under track:");
  });

  it("reads subtasks one level deep and refuses a second level", () => {
    const { draft, said } = extract(
      [
        "tasks:",
        "  - id: T1",
        "    subtasks:",
        "      - id: T1.1",
        "        subtasks: [{ id: T1.1.1 }]",
        "      - { id: T1.2, title: second }",
      ].join("\n"),
    );
    expect(draft.tasks[0]?.subtasks.map((s) => [s.id, s.line, s.title])).toEqual([
      ["T1.1", 4, ""],
      ["T1.2", 6, "second"],
    ]);
    expect(said).toEqual(["5: error: T1.1: a subtask cannot have subtasks"]);
  });

  it("adds the line offset to every line, for YAML inside a fenced block", () => {
    const { draft, said } = extract(
      ["track: { id: t }", "tasks:", "  - id: T1", "  - title: no id"].join("\n"),
      10,
    );
    expect(draft.track.id).toEqual(at("t", 11));
    expect(draft.tasks[0]?.line).toBe(13);
    expect(said).toEqual(["14: error: a task has no id"]);
  });

  it("says so when the plan is empty or not a mapping", () => {
    expect(extract("").said).toEqual(["1: error: the YAML plan is empty"]);
    expect(extract("# only a comment\n").said).toEqual(["1: error: the YAML plan is empty"]);
    expect(extract("- id: T1\n").said).toEqual([
      "1: error: a YAML plan must be a mapping with track:, groups:, gates: and tasks:",
    ]);
  });

  it("reports a duplicate key as a YAML error at its line", () => {
    expect(extract("tasks:\n  - id: T1\n    id: T2\n").said).toEqual([
      "3: error: YAML syntax: Map keys must be unique",
    ]);
  });
});
