import { describe, expect, it } from "vitest";
import { extractRegistry } from "../../../src/plan/markdown/extract-registry.js";
import { splitEffortCost } from "../../../src/plan/markdown/read-registry-table.js";
import { extract, readFixture, taskById } from "../../support/extract-draft.js";

describe("extractRegistry on the generated continuous dispatch plan", () => {
  const { draft, diag } = extract(extractRegistry, readFixture("registry.md"));

  it("reads the four registry rows without any diagnostic", () => {
    expect(diag.items).toEqual([]);
    expect(draft.format).toBe("registry");
    expect(draft.tasks.map((t) => [t.id, t.line])).toEqual([
      ["T03", 38],
      ["T04", 39],
      ["T05", 40],
      ["T06", 41],
    ]);
  });

  it("splits the explicit cost out of the effort cell and keeps every other cell as written", () => {
    expect(taskById(draft, "T03")).toEqual({
      id: "T03",
      line: 38,
      title: "Implement cache service",
      subtasks: [],
      fields: {
        role: { value: "Implementer-A", line: 38 },
        model: { value: "sonnet", line: 38 },
        concurrency: { value: "write-local", line: 38 },
        mode: { value: "BG", line: 38 },
        effort: { value: "M (3 hours)", line: 38 },
        cost: { value: "$0.132", line: 38 },
        // T02 is not in the table: kept as written, for the normaliser to report.
        deps: { value: ["T02"], line: 38 },
        touches: { value: ["backend/core/cache.py", "backend/core/__init__.py"], line: 38 },
        discoveries: { value: ["type errors", "missing config"], line: 65 },
        autoSpawn: { value: "safe-only", line: 71 },
      },
    });
    expect(taskById(draft, "T06").fields.deps?.value).toEqual(["T04", "T05"]);
    expect(taskById(draft, "T06").fields.autoSpawn).toEqual({ value: "all", line: 74 });
  });

  it("takes titles from the Initial Ready Set, else uses the id", () => {
    expect(draft.tasks.map((t) => t.title)).toEqual(["Implement cache service", "T04", "T05", "T06"]);
  });

  it("reads the track id from the title and a gate per auto-spawn trigger", () => {
    expect(draft.track).toEqual({
      title: { value: "Continuous Dispatch Plan — demo-track", line: 2 },
      id: { value: "demo-track", line: 2 },
    });
    expect(draft.gates).toEqual([
      { name: "Gate-I", line: 83, target: "pass", fix: { title: "clarity/duplication fixes", line: 83 } },
      { name: "Gate-M", line: 84, target: "pass", fix: { title: "module boundary fixes", line: 84 } },
      { name: "Gate-O", line: 85, target: "pass", fix: { title: "test/perf fixes", line: 85 } },
    ]);
  });
});

describe("extractRegistry on other registry tables", () => {
  it("matches columns by name in any order and case, with optional Title, Status and Cost", () => {
    const text = [
      "| touches | STATUS | deps | Title | Task | Effort | Cost |",
      "|---|---|---|---|---|---|---|",
      "| `a.ts`, `b/` | done | — | Build it | T1 | M (2 hours) ($0.50) | $1.25 |",
      "| - | TODO | None | | **T2** | L | |",
      "| c.ts | | T1, T9 (maybe) | | T3 | | |",
    ].join("\n");
    const { draft, diag } = extract(extractRegistry, text);
    expect(diag.items).toEqual([]);
    const [t1, t2, t3] = draft.tasks;
    expect(t1).toEqual({
      id: "T1",
      line: 3,
      title: "Build it",
      subtasks: [],
      fields: {
        touches: { value: ["a.ts", "b/"], line: 3 },
        status: { value: "done", line: 3 },
        deps: { value: [], line: 3 },
        effort: { value: "M (2 hours)", line: 3 },
        // The Cost column is the more explicit figure.
        cost: { value: "$1.25", line: 3 },
      },
    });
    expect(t2?.id).toBe("T2");
    expect(t2?.title).toBe("T2");
    expect(t2?.fields.touches?.value).toEqual([]);
    expect(t2?.fields.deps?.value).toEqual(["None"]);
    expect(t2?.fields.effort?.value).toBe("L");
    expect(t2?.fields.cost).toBeUndefined();
    expect(t3?.fields.deps?.value).toEqual(["T1", "T9"]);
    expect(t3?.fields.status).toBeUndefined();
  });

  it("names every missing required column and reads no rows from that table", () => {
    const { draft, errors } = extract(extractRegistry, readFixture("broken/registry-missing-touches.md"));
    expect(draft.tasks).toEqual([]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [5, "the task registry table has no Touches column"],
    ]);

    const both = extract(extractRegistry, "| Task | Role |\n|---|---|\n| T1 | x |\n");
    expect(both.errors.map((e) => e.message)).toEqual([
      "the task registry table has no Deps and Touches column",
    ]);
  });

  it("reports a document without a registry table, ignoring tables that are not one", () => {
    const { draft, errors } = extract(extractRegistry, readFixture("broken/registry-no-table.md"));
    expect(draft.tasks).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(0);
    expect(errors[0]?.message).toContain("no task registry table");
    expect(errors[0]?.hint).toContain("| Task |");
  });

  it("reports a row without an id, an unknown column, and notes about tasks the table lacks", () => {
    const text = [
      "| Task | Deps | Touches | Owner email |",
      "|---|---|---|---|",
      "| | - | a.ts | x@y |",
      "| T1 | - | a.ts | x@y |",
      "",
      "## Initial Ready Set",
      "",
      "- **T7**: Not in the table",
    ].join("\n");
    const { draft, errors, warnings } = extract(extractRegistry, text);
    expect(draft.tasks.map((t) => t.id)).toEqual(["T1"]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([[3, "a task registry row has no task id"]]);
    expect(warnings.map((w) => w.line)).toEqual([1, 8]);
    expect(warnings[0]?.message).toContain("Owner email");
    expect(warnings[1]?.message).toContain("T7");
  });
});

describe("splitEffortCost", () => {
  it("splits only a trailing parenthesised dollar amount", () => {
    expect(splitEffortCost("M (3 hours) ($0.132)")).toEqual({ effort: "M (3 hours)", cost: "$0.132" });
    expect(splitEffortCost("M ($1,200.50)")).toEqual({ effort: "M", cost: "$1,200.50" });
    expect(splitEffortCost("M (3 hours)")).toEqual({ effort: "M (3 hours)" });
    expect(splitEffortCost("($)")).toEqual({ effort: "($)" });
  });
});
