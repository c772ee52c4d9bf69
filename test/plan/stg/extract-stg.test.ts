// STG task graphs as plans: the hand-made fixture through the whole parser, and every rule of the format
// reported at its line.

import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/plan/diagnostics.js";
import { parsePlan } from "../../../src/plan/parse-plan.js";
import { extractStg } from "../../../src/plan/stg/extract-stg.js";
import { extract, readFixture } from "../../support/extract-draft.js";

const read = (text: string) => extract(extractStg, text, "graph.stg");
const parse = (text: string, file = "graph.stg") => {
  const result = parsePlan(text, { file });
  return { ...result, messages: result.diagnostics.map(formatDiagnostic) };
};

describe("the hand-made diamond graph", () => {
  const { plan, format, messages } = parse(readFixture("stg/diamond.stg"), "diamond.stg");

  it("is told by its file name and parses without a diagnostic", () => {
    expect(format).toBe("stg");
    expect(messages).toEqual([]);
    expect(plan?.format).toBe("stg");
    expect(plan?.track.id).toBe("diamond");
  });

  it("drops the dummy entry and exit nodes and keeps the ids as written", () => {
    expect(plan?.tasks.map((t) => [t.id, t.deps, t.effort.hours, t.source.line])).toEqual([
      ["1", [], 3, 3],
      ["2", ["1"], 2, 4],
      ["3", ["1"], 4, 5],
      ["4", ["2", "3"], 1, 6],
      ["5", [], 2, 7],
    ]);
  });

  it("makes every task read-only, so no task holds a lock", () => {
    expect(plan?.tasks.every((t) => t.concurrency === "read-only" && t.touches.length === 0)).toBe(true);
  });
});

describe("the STG rules", () => {
  it("accepts a header that miscounts the tasks, with a warning, as a benchmark copy needs", () => {
    const { draft, said } = read("4\n0 0 0\n1 2 1 0\n2 3 1 1\n3 0 1 2\n");
    expect(said).toEqual([
      "1: warning: the header says 4 tasks, but the file lists 2 between its entry and exit nodes; reading the tasks listed",
    ]);
    expect(draft.tasks.map((t) => t.id)).toEqual(["1", "2"]);
  });

  it("keeps an entry or exit node that takes time, since dropping it would lose work", () => {
    const { draft, said } = read("1\n0 5 0\n1 2 1 0\n2 0 1 1\n");
    expect(said).toEqual([
      "2: warning: the entry node (task 0) takes time 5; STG's dummy entry node takes 0, so it is kept as a task",
    ]);
    expect(draft.tasks.map((t) => [t.id, t.fields.deps?.value ?? []])).toEqual([
      ["0", []],
      ["1", ["0"]],
    ]);
  });

  it("reports each broken line at its line and keeps reading the others", () => {
    const text = [
      "7",
      "0 0 0",
      "1 x 1 0",
      "2 3 2 1",
      "3 3 1 7",
      "4 2 1 4",
      "4 2 1 0",
      "6 1 1 0",
      "7 1 1 5",
      "8 0 0",
    ].join("\n");
    expect(read(text).said).toEqual([
      '3: error: task 1: processing time "x" is not a non-negative whole number',
      "4: error: task 2 says it has 2 predecessors but lists 1",
      "5: error: task 3: predecessor 7 is not an earlier task (STG predecessors have smaller ids)",
      "6: error: task 4: predecessor 4 is not an earlier task (STG predecessors have smaller ids)",
      "7: error: task 4 is listed twice (first at line 6)",
      "8: error: task ids must count up from 0 in order: expected 5, got 6",
      "9: error: task 7: predecessor 5 is not defined",
    ]);
  });

  it("warns once about a repeated predecessor and counts it once", () => {
    const { draft, said } = read("2\n0 0 0\n1 1 1 0\n2 1 3 1 1 1\n3 0 1 2\n");
    expect(said).toEqual(["4: warning: task 2 lists predecessor 1 more than once"]);
    expect(draft.tasks[1]?.fields.deps?.value).toEqual(["1"]);
  });

  it("reads Windows line ends, blank lines, tabs and the # trailer", () => {
    const { draft, said } = read(
      "\r\n2\r\n0\t0\t0\r\n\r\n1 4 1 0\r\n2 5 1 1\r\n3 0 1 2\r\n# CP Length : 9\r\n",
    );
    expect(said).toEqual([]);
    expect(draft.tasks.map((t) => [t.id, t.line, t.fields.effort?.value])).toEqual([
      ["1", 5, "4"],
      ["2", 6, "5"],
    ]);
  });

  it("refuses a text that does not start with the task count", () => {
    expect(read("tasks: 5\n").said).toEqual([
      '1: error: the first line must be the number of tasks, one whole number (got "tasks: 5")',
    ]);
    expect(read("\n# only comments\n").said).toEqual(["0: error: the STG file is empty"]);
  });

  it("says a graph with no real task has no tasks", () => {
    expect(parse("0\n0 0 0\n1 0 1 0\n").messages).toEqual(["graph.stg: the plan has no tasks"]);
  });

  it("reports an effort too large to be a task's at its line", () => {
    expect(parse("1\n0 0 0\n1 99999 1 0\n2 0 1 1\n").messages).toEqual([
      'graph.stg:3: 1: effort "99999" is over 10000 hours',
    ]);
  });
});
