import { describe, expect, it } from "vitest";
import { renderDispatchPlan } from "../../src/render/render-dispatch-plan.js";
import { makeAnalysis, makePlan, makeTask } from "../support/sample-analysis.js";
import { dispatchPlanHeadings, headings, mermaidBlocks, parse, tableCells, tables } from "./markdown-tree.js";
import { mixedAnalysis, mixedPlan } from "./mixed-plan.js";

function render(options: { conflictsTruncated?: boolean } = {}): { text: string; lines: string[] } {
  const text = renderDispatchPlan(mixedPlan(), mixedAnalysis(), options);
  return { text, lines: text.split("\n") };
}

describe("renderDispatchPlan", () => {
  it("titles the document with the track and lists the sections in order", () => {
    const { text } = render();
    expect(headings(parse(text))).toEqual([
      "# Continuous dispatch plan — Mixed track",
      ...dispatchPlanHeadings,
    ]);
  });

  it("falls back to the track id when the track has no title", () => {
    const plan = mixedPlan();
    const analysis = { ...mixedAnalysis(plan), track: { id: "42", title: "" } };
    expect(renderDispatchPlan(plan, analysis).split("\n")[0]).toBe("# Continuous dispatch plan — 42");
  });

  it("summarises work, time, the critical path and the cost by model", () => {
    const { lines } = render();
    expect(lines).toContain("- **Tasks:** 7 in 5 dispatch units, 1 done");
    expect(lines).toContain("- **Agents:** 2");
    expect(lines).toContain("- **Serial estimate:** 5h 45m (one agent, one unit after another)");
    expect(lines).toContain(
      "- **Parallel estimate:** 4h with continuous dispatch (1.4× speedup); 4h with wave barriers",
    );
    expect(lines).toContain("- **Critical path:** A2 → C1 (4h)");
    expect(lines).toContain(
      "- **Estimated cost:** $45.50 (2 × opus $35.00, 2 × sonnet $9.00, 1 × haiku $1.50)",
    );
  });

  it("warns when the estimate exceeds the budget", () => {
    const { lines } = render();
    expect(lines).toContain("- **Budget:** $40.00; the estimate takes 114%");
    expect(lines.find((line) => line.startsWith("> **Warning:**"))).toContain(
      "the estimated cost ($45.50) exceeds the budget ($40.00) by $5.50",
    );
  });

  it("shows the budget share without a warning when the estimate fits, and says when there is no budget", () => {
    const roomy = mixedPlan();
    roomy.track.budgetUsd = 100;
    const fits = renderDispatchPlan(roomy, mixedAnalysis(roomy));
    expect(fits).toContain("- **Budget:** $100.00; the estimate takes 46%");
    expect(fits).not.toContain("Warning");
    const tight = mixedPlan();
    tight.track.budgetUsd = 50;
    expect(renderDispatchPlan(tight, mixedAnalysis(tight))).toContain(
      "> **Note:** the estimate uses 80% or more",
    );
    const none = mixedPlan();
    none.track.budgetUsd = null;
    expect(renderDispatchPlan(none, mixedAnalysis(none)).split("\n")).toContain("- **Budget:** none set");
  });

  it("lists every task in the registry, subtasks under their parent, done tasks struck through", () => {
    const { text, lines } = render();
    const registry = tables(parse(text))[0];
    expect(registry).toBeDefined();
    const cells = tableCells(registry as NonNullable<typeof registry>);
    expect(cells[0]).toEqual([
      "Task",
      "Title",
      "Role",
      "Model",
      "Concurrency",
      "Mode",
      "Effort",
      "Cost",
      "Deps",
      "Touches",
    ]);
    expect(cells.slice(1).map((row) => row[0])).toEqual([
      "A1 (done)",
      "A2",
      "↳ A2.1",
      "↳ A2.2",
      "B1",
      "B2",
      "C1",
    ]);
    expect(lines).toContain(
      "| ~~A1~~ (done) | Create the schema | — | sonnet | write-local | BG | M (2h) | $6.00 | — | `db/schema.sql` |",
    );
    expect(lines).toContain(
      "| ↳ A2.1 | Routes | — | opus | write-local | BG | M (2h) | $20.00 | A1 | `src/api/routes.ts` |",
    );
    expect(lines).toContain(
      "| B1 | Write the user guide | — | sonnet | write-local | FG | S (1h) | $6.00 | — | `docs/` |",
    );
    expect(cells[2]?.slice(6, 8)).toEqual(["3h 30m in subtasks", "$35.00 in subtasks"]);
  });

  it("marks tasks in progress and read-only tasks", () => {
    const plan = makePlan([
      makeTask({ id: "R1", concurrency: "read-only", status: "doing" }),
      makeTask({ id: "W1", touches: ["a.ts"] }),
    ]);
    const lines = renderDispatchPlan(plan, makeAnalysis(plan)).split("\n");
    expect(lines).toContain(
      "| R1 (doing) | Task R1 | — | sonnet | read-only | BG | M (2h) | $12.00 | — | read-only |",
    );
  });

  it("lists the initial ready set, saying which units wait for a person", () => {
    const { lines } = render();
    expect(lines).toContain("- **A2**: API layer (background)");
    expect(lines).toContain("- **B1**: Write the user guide (foreground: waits for /dispatch or an answer)");
    expect(lines).toContain("- **B2**: Docs index (background)");
  });

  it("says none when nothing is ready", () => {
    const plan = mixedPlan();
    const waiting = renderDispatchPlan(plan, { ...mixedAnalysis(plan), readySet: [] });
    expect(waiting).toContain("None: every unit left waits for a prerequisite.");
    const done = makePlan([makeTask({ id: "T1", status: "done" })]);
    expect(renderDispatchPlan(done, makeAnalysis(done))).toContain("None: every task is done.");
  });

  it("shows conflicting pairs with their overlapping touches, and write-shared units running alone", () => {
    const { text, lines } = render();
    expect(lines).toContain("- **B1** ↔ **B2**: `docs/index.md`");
    expect(lines).toContain("- **A2** ↔ **C1** (C1 is write-shared)");
    expect(text).toContain("they run one after the other");
    expect(text).toContain("Write-shared units run alone");
    expect(lines).toContain("- **C1**");
    expect(text).not.toContain("The list stops at");
  });

  it("notes a truncated conflict list", () => {
    expect(render({ conflictsTruncated: true }).text).toContain(
      "> The list stops at 4 pairs: more pairs conflict than are shown.",
    );
  });

  it("says so when no touches conflict", () => {
    const plan = makePlan([
      makeTask({ id: "T1", touches: ["a.ts"] }),
      makeTask({ id: "T2", touches: ["b.ts"] }),
    ]);
    expect(renderDispatchPlan(plan, makeAnalysis(plan))).toContain(
      "No touches conflict: every writing task can run in parallel with the others.",
    );
  });

  it("lists expected discoveries and an auto-spawn rule for every unit not done", () => {
    const { lines } = render();
    expect(lines).toContain("- **B1**: outdated screenshots");
    expect(lines).toContain("Auto-spawn rules (spawn budget: 5 tasks for the track):");
    expect(lines.filter((line) => /^- \*\*\w+\*\*: (none|safe-only|all) \(/.test(line))).toHaveLength(4);
    expect(lines).toContain("- **B2**: none (spawn candidates wait for a person)");
  });

  it("tabulates gates, skipped ones as skip, and lists the track limits", () => {
    const { text, lines } = render();
    const gates = tables(parse(text))[1];
    expect(tableCells(gates as NonNullable<typeof gates>)).toEqual([
      ["Gate", "Target", "Status", "Gap spawns"],
      ["Gate-O", "CI green", "gap", "Fix failing tests (TestRunner, 1h 30m)"],
      ["Gate-S", "skip", "skip", "—"],
    ]);
    expect(lines).toContain("- **Max parallel agents:** 2");
    expect(lines).toContain("- **Spawn budget:** 5 auto-spawned tasks");
    expect(lines).toContain("- **Retry limit:** 2 retries per task");
    expect(lines).toContain(
      "- **Scope policy:** fail (a change outside the declared touches fails the attempt)",
    );
    expect(lines.some((line) => line.startsWith("- **No-progress limit:** 3"))).toBe(true);
  });

  it("draws the schedule as a Gantt chart with a section per agent and a bar per scheduled unit", () => {
    const [gantt] = mermaidBlocks(parse(render().text));
    const ganttLines = (gantt ?? "").split("\n");
    expect(ganttLines[0]).toBe("gantt");
    expect(ganttLines.filter((line) => line.trim().startsWith("section "))).toEqual([
      "    section Agent 1",
      "    section Agent 2",
    ]);
    expect(ganttLines.filter((line) => / : u_\w+, /.test(line))).toEqual([
      "    A2 API layer : u_A2, 2000-01-01 00:00, 2000-01-01 03:30",
      "    C1 Bump the lockfile : u_C1, 2000-01-01 03:30, 2000-01-01 04:00",
      "    B1 Write the user guide : u_B1, 2000-01-01 00:00, 2000-01-01 01:00",
      "    B2 Docs index : u_B2, 2000-01-01 01:00, 2000-01-01 01:45",
    ]);
  });

  it("draws the dependency graph over units, done units styled apart", () => {
    const graph = mermaidBlocks(parse(render().text))[1] ?? "";
    const graphLines = graph.split("\n").map((line) => line.trim());
    expect(graphLines[0]).toBe("flowchart TD");
    expect(graphLines.filter((line) => line.includes("-->"))).toEqual(["u_A1 --> u_A2", "u_A2 --> u_C1"]);
    expect(graphLines).toContain("class u_A1 done");
  });

  it("says there is nothing left when every task is done", () => {
    const plan = makePlan([makeTask({ id: "T1", status: "done" })]);
    const text = renderDispatchPlan(plan, makeAnalysis(plan));
    expect(text).toContain("- **Critical path:** none (no work left)");
    expect(text).toContain("Nothing left to schedule: every task is done.");
    expect(mermaidBlocks(parse(text))).toHaveLength(1);
  });

  it("leaves the diagrams out of a plan with more than 200 units", () => {
    const tasks = Array.from({ length: 10_000 }, (_, index) =>
      makeTask({
        id: `T${index}`,
        deps: index === 0 ? [] : [`T${index - 1}`],
        touches: [`src/f${index}.ts`],
      }),
    );
    const plan = makePlan(tasks);
    const analysis = makeAnalysis(plan, {
      schedule: tasks.map((task, index) => ({ id: task.id, start: index * 2, end: index * 2 + 2, agent: 1 })),
      criticalPath: tasks.map((task) => task.id),
    });
    const text = renderDispatchPlan(plan, analysis);
    expect(text.split("\n").filter((line) => line === "(omitted: 10000 units; use --json)")).toHaveLength(2);
    expect(text).not.toContain("```mermaid");
    expect(text).toContain("T39 → … (9960 more) (0h)");
  });
});
