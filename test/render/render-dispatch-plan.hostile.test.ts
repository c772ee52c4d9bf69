import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/plan/model.js";
import { plainText } from "../../src/render/markdown-text.js";
import { renderDispatchPlan } from "../../src/render/render-dispatch-plan.js";
import { makeAnalysis, makeGate, makePlan, makeTask } from "../support/sample-analysis.js";
import { hostileText } from "./hostile-text.js";
import {
  dispatchPlanHeadings,
  headings,
  htmlNodes,
  listItems,
  mermaidBlocks,
  parse,
  tableCells,
  tables,
} from "./markdown-tree.js";

/** Cell separators on a raw table line, the way GFM counts them (a backslash escapes the next character). */
function cellCount(line: string): number {
  let pipes = 0;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === "\\") index++;
    else if (line[index] === "|") pipes++;
  }
  return pipes - 1;
}

function hostilePlan(texts: string[]): Plan {
  const text = (index: number): string => texts[index % texts.length] ?? "";
  const tasks = texts.map((_, index) =>
    makeTask({
      id: `${text(index)}${index}`,
      title: text(index + 1),
      role: text(index + 2),
      model: text(index + 3),
      touches: [text(index + 4), `src/${text(index + 5)}`],
      discoveriesExpected: [text(index + 6)],
      deps: index === 0 ? [] : [`${text(index - 1)}${index - 1}`],
      mode: index % 2 === 0 ? "foreground" : "background",
    }),
  );
  const gates = [makeGate({ name: text(0), target: text(1), current: text(2), status: text(3) })];
  return makePlan(tasks, { title: text(7), budgetUsd: 1 }, gates);
}

function analysisOf(plan: Plan) {
  const ids = plan.tasks.map((task) => task.id);
  return makeAnalysis(plan, {
    readySet: ids.slice(0, 1),
    criticalPath: ids,
    criticalPathHours: ids.length * 2,
    conflicts: ids.length > 1 ? [[ids[0] ?? "", ids[1] ?? ""]] : [],
    schedule: ids.map((id, index) => ({ id, start: index * 2, end: index * 2 + 2, agent: (index % 3) + 1 })),
  });
}

function expectIntactDocument(plan: Plan, text: string): void {
  const root = parse(text);
  const name = plainText(plan.track.title) === "" ? plan.track.id : plan.track.title;
  expect(headings(root)).toEqual([
    `# Continuous dispatch plan — ${plainText(name)}`.trim(),
    ...dispatchPlanHeadings,
  ]);
  expect(htmlNodes(root)).toEqual([]);
  const [registry, gates] = tables(root);
  const rows = tableCells(registry as NonNullable<typeof registry>);
  expect(rows).toHaveLength(plan.tasks.length + 1);
  for (const row of rows) expect(row).toHaveLength(10);
  expect(rows.slice(1).map((row) => row[1])).toEqual(plan.tasks.map((task) => plainText(task.title)));
  for (const row of tableCells(gates as NonNullable<typeof gates>)) expect(row).toHaveLength(4);
  for (const line of text.split("\n").filter((line) => line.startsWith("| "))) {
    expect([10, 4]).toContain(cellCount(line));
  }
  const [first] = plan.tasks;
  if (first !== undefined) {
    const mode = "foreground: waits for /dispatch or an answer";
    const title = plainText(first.title) === "" ? "" : `: ${plainText(first.title)}`;
    expect(listItems(root)).toContain(`${plainText(first.id, 60)}${title} (${mode})`);
  }
  const [gantt, graph] = mermaidBlocks(root);
  const bars = (gantt ?? "").split("\n").filter((line) => / : u_\w*, \d{4}-/.test(line));
  expect(bars).toHaveLength(plan.tasks.length);
  const nodes = (graph ?? "").split("\n").filter((line) => /^ {2}u_\w*\["[^"`]*"\]$/.test(line));
  expect(nodes).toHaveLength(plan.tasks.length);
}

describe("renderDispatchPlan on hostile plan text", () => {
  it("keeps the table cells, headings and mermaid fences intact for named attacks", () => {
    const plan = hostilePlan([
      "a | b",
      "```\n# Heading\n```",
      "line one\nline two\r\n| x | y |",
      "<script>alert(1)</script>",
      "A --> B; end",
      "%%{init: {'theme':'dark'}}%%",
      'say "hi" #1: done; crit',
      "\u0000\u0007binary\u202ejunk\ud800",
      "section Agent 9 : x, 0, 1",
    ]);
    const text = renderDispatchPlan(plan, analysisOf(plan));
    expectIntactDocument(plan, text);
    expect(text).toContain("| \\<script\\>alert(1)\\</script\\> |");
  });

  it("keeps the document intact for any text", () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 6 }), (texts) => {
        const plan = hostilePlan(texts);
        expectIntactDocument(plan, renderDispatchPlan(plan, analysisOf(plan)));
      }),
      { numRuns: 100 },
    );
  });

  it("cuts a megabyte title to one short cell", () => {
    const plan = makePlan([makeTask({ id: "T1", title: `${"x".repeat(1_000_000)}\n|` })]);
    const text = renderDispatchPlan(plan, makeAnalysis(plan, { readySet: ["T1"] }));
    expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThan(1_000);
    expect(text).toContain(`| T1 | ${"x".repeat(199)}… |`);
  });

  it("renders a 1,000-deep chain of subtasks as one indented list", () => {
    const tasks = Array.from({ length: 1_000 }, (_, index) =>
      makeTask({
        id: `N${index}`,
        parent: index === 0 ? null : `N${index - 1}`,
        subtasks: index === 999 ? [] : [`N${index + 1}`],
      }),
    );
    const plan = makePlan(tasks);
    const analysis = makeAnalysis(plan, {
      tasks: makeAnalysis(plan).tasks.map((task) => ({ ...task, unit: "N0" })),
      readySet: ["N0"],
      schedule: [{ id: "N0", start: 0, end: 2000, agent: 1 }],
    });
    const text = renderDispatchPlan(plan, analysis);
    const rows = text.split("\n").filter((line) => /^\| (\u00a0)*(↳ )?N\d+ \|/.test(line));
    expect(rows.map((row) => /N\d+/.exec(row)?.[0])).toEqual(tasks.map((task) => task.id));
    expect(text).toContain("- **N0**: Task N0 (background)");
    expect(text).toContain("    N0 Task N0 : u_N0, 2000-01-01 00:00, 2000-03-24 08:00");
  });

  it("lists every task of a plan whose parents form a cycle", () => {
    const plan = makePlan([
      makeTask({ id: "P", parent: "Q", subtasks: ["Q"] }),
      makeTask({ id: "Q", parent: "P", subtasks: ["P"] }),
    ]);
    const text = renderDispatchPlan(plan, makeAnalysis(plan));
    expect(text.split("\n").filter((line) => /^\| (P|↳ Q) \|/.test(line))).toHaveLength(2);
  });
});
