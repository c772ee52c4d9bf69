import { describe, expect, it } from "vitest";
import { extractBlocks } from "../../../src/plan/markdown/extract-blocks.js";
import { extract, readFixture, taskById } from "../../support/extract-draft.js";

describe("extractBlocks on the swarm-iosm demo plan", () => {
  const { draft, diag } = extract(extractBlocks, readFixture("demo-track.md"));

  it("reads six tasks in document order without any diagnostic", () => {
    expect(diag.items).toEqual([]);
    expect(draft.format).toBe("blocks");
    expect(draft.tasks.map((t) => [t.id, t.line, t.phase])).toEqual([
      ["T01", 38, 0],
      ["T02", 54, 1],
      ["T03", 70, 2],
      ["T04", 84, 2],
      ["T05", 98, 2],
      ["T06", 114, 3],
    ]);
  });

  it("reads every field of T04 as written, with its line", () => {
    expect(taskById(draft, "T04")).toEqual({
      id: "T04",
      line: 84,
      title: "Add caching to /api/natal endpoint",
      phase: 2,
      subtasks: [],
      fields: {
        role: { value: "Implementer-B", line: 85 },
        deps: { value: ["T03"], line: 86 },
        touches: { value: ["backend/api/natal.py", "tests/test_natal.py"], line: 87 },
        concurrency: { value: "write-local", line: 88 },
        needsUserInput: { value: "false", line: 89 },
        effort: { value: "M (2 hours)", line: 90 },
        discoveries: { value: ["test failures", "cache key collisions"], line: 91 },
        autoSpawn: { value: "safe-only", line: 92 },
        acceptance: { value: ["Endpoint uses cache, tests pass"], line: 93 },
        artifacts: { value: ["reports/T04.md"], line: 94 },
        gates: { value: ["Gate-O"], line: 95 },
        status: { value: "TODO", line: 96 },
      },
    });
  });

  it("marks T01 done (checked box and Status field) and T03 as doing", () => {
    const t01 = taskById(draft, "T01");
    expect(t01.fields.status).toEqual({ value: "DONE", line: 50 });
    expect(t01.fields.touches).toEqual({ value: ["[read-only analysis]"], line: 41 });
    expect(t01.fields.deps).toEqual({ value: ["None"], line: 40 });
    expect(t01.fields.gates).toEqual({ value: ["N/A"], line: 49 });
    expect(taskById(draft, "T03").fields.status).toEqual({ value: "DOING", line: 82 });
    expect(taskById(draft, "T06").fields.deps).toEqual({ value: ["T04", "T05"], line: 116 });
  });

  it("reads the track id and title and the Gate Targets table", () => {
    expect(draft.track).toEqual({
      id: { value: "demo-add-caching", line: 5 },
      title: { value: "Implementation Plan — demo-add-caching", line: 2 },
    });
    expect(draft.gates).toEqual([
      { name: "Gate-I", line: 25, target: "≥0.75", current: "0.72", status: "gap" },
      { name: "Gate-M", line: 26, target: "pass", current: "pass", status: "pass" },
      { name: "Gate-O", line: 27, target: "tests pass", current: "2 failing", status: "gap" },
      { name: "Gate-S", line: 28, target: "N/A", current: "-", status: "skip" },
    ]);
    expect(draft.groups).toEqual([]);
  });
});

describe("extractBlocks on the swarm-iosm plan template", () => {
  const { draft, errors, warnings } = extract(extractBlocks, readFixture("template.md"));

  it("extracts all fifteen tasks without errors and records each task's phase", () => {
    expect(errors).toEqual([]);
    expect(draft.tasks.map((t) => `${t.id}:${t.phase}`)).toEqual(
      ["T00:0", "T01:1", "T02:1", "T03:1", "T04:2", "T05:2", "T06:2", "T07:2"].concat([
        "T08:3",
        "T09:3",
        "T10:3",
        "T11:3",
        "T12:4",
        "T13:4",
        "T14:4",
      ]),
    );
  });

  it("leaves odd values for the normaliser, only splitting and unwrapping them", () => {
    expect(taskById(draft, "T00").fields.touches?.value).toEqual(["[Entire codebase - read-only analysis]"]);
    expect(taskById(draft, "T01").fields.deps).toEqual({ value: ["T00"], line: 220 });
    expect(taskById(draft, "T07").fields.deps?.value).toEqual(["T05"]);
    expect(taskById(draft, "T10").fields.touches?.value).toEqual([
      "[Read-only scan of implementation files]",
      "security_scan_results.json",
    ]);
    const t12 = taskById(draft, "T12");
    expect(t12.fields.deps?.value).toEqual(["All Phase 2-3 tasks"]);
    expect(t12.fields.touches?.value).toEqual([
      "integration_report.md",
      "[conflict resolution in merged files]",
    ]);
    expect(t12.fields.gates?.value).toEqual(["All gates"]);
    expect(taskById(draft, "T14").fields.touches?.value).toEqual([
      "deploy/",
      "CI/CD configs",
      "rollback_guide.md",
    ]);
    expect(taskById(draft, "T01").fields.gates?.value).toEqual(["Gate-M", "Gate-I"]);
    expect(taskById(draft, "T00").fields.artifacts?.value).toEqual([
      "reports/T00.md (repo map)",
      "context/architecture.md",
    ]);
  });

  it("reads nested acceptance items as one entry each", () => {
    expect(taskById(draft, "T01").fields.acceptance).toEqual({
      value: [
        "All interfaces defined with types/schemas",
        "ADR written for major decisions",
        "Contract tests outlined",
      ],
      line: 225,
    });
  });

  it("ignores is_on_critical_path silently and keeps the first of two effort fields", () => {
    expect(taskById(draft, "T00").unknownFields).toBeUndefined();
    expect(taskById(draft, "T14").fields.effort).toEqual({ value: "M (3-4 hours)", line: 454 });
    expect(warnings.map((w) => w.line)).toEqual([463]);
    expect(warnings[0]?.message).toContain("Estimated effort");
  });

  it("reads gates and their fix tasks from the fenced markdown example, at document lines", () => {
    expect(draft.gates).toEqual([
      {
        name: "Gate-I",
        line: 171,
        target: "≥0.75",
        current: "-",
        status: "pending",
        fix: { title: "improve clarity", line: 179 },
      },
      {
        name: "Gate-M",
        line: 172,
        target: "pass (no circular deps)",
        current: "-",
        status: "pending",
        fix: { title: "fix module boundaries", line: 180 },
      },
      {
        name: "Gate-O",
        line: 173,
        target: "all tests pass",
        current: "-",
        status: "pending",
        fix: { title: "fix failing tests", line: 181 },
      },
      { name: "Gate-S", line: 174, target: "N/A", current: "-", status: "skip" },
    ]);
  });

  it("reads the Resource Constraints YAML block as track limits", () => {
    expect(draft.track.budgetUsd).toEqual({ value: "5.00", line: 151 });
    expect(draft.track.maxParallel).toEqual({ value: "4", line: 149 });
    expect(draft.track.id).toEqual({ value: "[track-id]", line: 5 });
  });
});
