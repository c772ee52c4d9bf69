// WfCommons instances as plans: the hand-made fixture through the whole parser, the older WfFormat shapes, and
// every problem reported at its line.

import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/plan/diagnostics.js";
import { parsePlan } from "../../../src/plan/parse-plan.js";
import { extractWfcommons } from "../../../src/plan/wfcommons/extract-wfcommons.js";
import { extract, readFixture } from "../../support/extract-draft.js";

const read = (text: string) => extract(extractWfcommons, text, "wf.json");
const parse = (text: string, file = "wf.json") => {
  const result = parsePlan(text, { file });
  return { ...result, messages: result.diagnostics.map(formatDiagnostic) };
};

/** A WfFormat 1.5 instance, one line per task, so each task's line is its index + 4. */
function instance(tasks: object[], execution: object[] | null): string {
  const lines = ['{"name": "w", "workflow": {', '"specification": {', '"tasks": ['];
  lines.push(tasks.map((task) => JSON.stringify(task)).join(",\n"));
  lines.push("]}");
  if (execution) lines.push(`, "execution": {"tasks": ${JSON.stringify(execution)}}`);
  lines.push("}}");
  return lines.join("\n");
}

describe("the hand-made tiny workflow", () => {
  const { plan, format, messages } = parse(readFixture("stg/tiny-workflow.json"), "tiny-workflow.json");

  it("is told by its content and parses without a diagnostic", () => {
    expect(format).toBe("wfcommons");
    expect(messages).toEqual([]);
    expect(plan?.track).toMatchObject({ id: "tiny-workflow", title: "tiny-pipeline" });
  });

  it("takes dependencies from parents and children, hours from runtimes, touches from written files", () => {
    expect(plan?.tasks.map((t) => [t.id, t.title, t.deps, t.effort.hours, t.source.line])).toEqual([
      ["fetch_ID01", "fetch", [], 1, 8],
      ["clean_ID02", "clean", ["fetch_ID01"], 0.5, 16],
      // stats lists no parents: clean's children are the only record of that edge.
      ["stats_ID03", "stats", ["clean_ID02"], 1.5, 24],
      ["plot_ID04", "plot", ["clean_ID02"], 0.25, 32],
      ["report_ID05", "report", ["stats_ID03", "plot_ID04"], 0.36 / 3600, 40],
    ]);
    expect(plan?.tasks.map((t) => [t.concurrency, t.touches])).toEqual([
      ["write-local", ["data/raw.csv"]],
      ["write-local", ["data/clean.csv"]],
      ["write-local", ["out/stats.json"]],
      ["write-local", ["out/plot.png", "out/plot.log"]],
      ["read-only", []],
    ]);
  });
});

describe("WfFormat 1.5 problems", () => {
  it("reports an unknown parent and an unknown child at their lines", () => {
    const text = instance(
      [
        { id: "a", parents: [], children: ["zz"] },
        { id: "b", parents: ["aa"] },
      ],
      [
        { id: "a", runtimeInSeconds: 1 },
        { id: "b", runtimeInSeconds: 1 },
      ],
    );
    expect(parse(text).messages).toEqual([
      'wf.json:4: a lists unknown child "zz"',
      'wf.json:5: b depends on unknown task "aa" (did you mean "a"?) (add that task to the plan, or remove the dependency)',
    ]);
  });

  it("reports a runtime that is not a number of seconds at its line", () => {
    const text = instance([{ id: "a" }], [{ id: "a", runtimeInSeconds: -3 }]);
    expect(read(text).said).toEqual(['6: error: a: runtime "-3" is not a non-negative number of seconds']);
  });

  it("warns once about tasks without a runtime and once about runtimes of no task", () => {
    const text = instance([{ id: "a" }, { id: "b" }], [{ id: "x", runtimeInSeconds: 5 }]);
    const { draft, said } = read(text);
    expect(said).toEqual([
      "4: warning: 2 tasks (first: a) have no measured runtime, so the plan's default effort applies",
      '7: warning: workflow.execution lists "x" that no specified task has; ignored',
    ]);
    expect(draft.tasks.map((t) => t.fields.effort)).toEqual([undefined, undefined]);
  });

  it("keeps a written file called None a file, not a plan's 'writes nothing'", () => {
    const text = instance([{ id: "a", outputFiles: ["None", "-"] }], [{ id: "a", runtimeInSeconds: 1 }]);
    expect(parse(text).plan?.tasks[0]).toMatchObject({ concurrency: "write-local", touches: ["None", "-"] });
  });

  it("reports an output file outside the repository like any plan's touch", () => {
    const text = instance([{ id: "a", outputFiles: ["../etc/passwd"] }], [{ id: "a", runtimeInSeconds: 1 }]);
    expect(parse(text).messages).toEqual([
      'wf.json:4: a: touch "../etc/passwd" leaves the repository ("..")',
    ]);
  });

  it("refuses a task id longer than a plan allows, and a task with no id", () => {
    const long = "t".repeat(101);
    const { said } = read(instance([{ id: long }, { parents: [] }], []));
    expect(said).toEqual([
      "5: error: a task has neither an id nor a name",
      `4: error: task id "${"t".repeat(40)}…" is 101 characters long (at most 100)`,
    ]);
  });

  it("says what is missing when the instance has no workflow or no tasks", () => {
    expect(read('{"name": "x"}').said).toEqual(["1: error: the instance has no workflow object"]);
    expect(read('{"workflow": {"specification": {}}}').said).toEqual([
      "1: error: workflow.specification has no tasks list",
    ]);
    expect(read('{"workflow": {"makespanInSeconds": 3}}').said).toEqual([
      "1: error: the workflow has neither a specification nor a tasks list",
    ]);
  });
});

describe("older WfFormat shapes", () => {
  it("reads 1.4 tasks: parents by name, runtime and files inline", () => {
    const text = JSON.stringify(
      {
        schemaVersion: "1.4",
        workflow: {
          tasks: [
            {
              name: "split_ID1",
              id: "ID1",
              parents: [],
              runtimeInSeconds: 36,
              files: [
                { link: "input", name: "in.txt", sizeInBytes: 1 },
                { link: "output", name: "part.txt", path: "work/", sizeInBytes: 1 },
              ],
            },
            { name: "merge_ID2", id: "ID2", parents: ["split_ID1"], runtimeInSeconds: 72, files: [] },
          ],
        },
      },
      null,
      1,
    );
    const { plan, format, messages } = parse(text);
    expect(format).toBe("wfcommons");
    expect(messages).toEqual([]);
    expect(plan?.tasks.map((t) => [t.id, t.deps, t.effort.hours, t.touches, t.concurrency])).toEqual([
      ["split_ID1", [], 0.01, ["work/part.txt"], "write-local"],
      ["merge_ID2", ["split_ID1"], 0.02, [], "read-only"],
    ]);
  });

  it("reads 1.0–1.2 jobs with their runtime in seconds", () => {
    const text = JSON.stringify({
      workflow: {
        jobs: [
          { name: "a", runtime: 7.2, files: [{ link: "output", name: "a.out" }] },
          { name: "b", parents: ["a"], runtime: 3.6 },
        ],
      },
    });
    const { plan, messages } = parse(text, "old.json");
    expect(messages).toEqual([]);
    expect(plan?.tasks.map((t) => [t.id, t.deps, t.effort.hours])).toEqual([
      ["a", [], 0.002],
      ["b", ["a"], 0.001],
    ]);
  });
});
