import { describe, expect, it } from "vitest";
import { Diagnostics, formatDiagnostic, sortDiagnostics } from "../../../src/plan/diagnostics.js";
import type { DraftPlan, DraftTask, DraftTaskFields } from "../../../src/plan/draft.js";
import { normalizePlan } from "../../../src/plan/normalize-plan.js";

type FieldSpec = Partial<Record<keyof DraftTaskFields, string | string[]>>;

/** A draft task on `line`, every field written on the lines after it. */
function task(id: string, line: number, fields: FieldSpec = {}, extra: Partial<DraftTask> = {}): DraftTask {
  const draftFields: Record<string, unknown> = {};
  let at = line;
  for (const [key, value] of Object.entries(fields)) draftFields[key] = { value, line: ++at };
  return { id, line, title: `Task ${id}`, fields: draftFields as DraftTaskFields, subtasks: [], ...extra };
}

function draft(tasks: DraftTask[], extra: Partial<DraftPlan> = {}): DraftPlan {
  return { format: "blocks", track: {}, tasks, gates: [], groups: [], ...extra };
}

function normalize(d: DraftPlan) {
  const diag = new Diagnostics("plan.md");
  const plan = normalizePlan(d, "plan", diag);
  return { plan, messages: sortDiagnostics(diag.items).map(formatDiagnostic) };
}

describe("normalizePlan defaults", () => {
  it("fills every documented default", () => {
    const { plan, messages } = normalize(draft([task("T1", 1, { touches: ["src/a.ts"] })]));
    expect(messages).toEqual([]);
    expect(plan?.track).toMatchObject({
      id: "plan",
      maxParallel: 4,
      budgetUsd: null,
      spawnBudget: 20,
      retryLimit: 2,
      scopePolicy: "escalate",
      noProgressLimit: 3,
    });
    expect(plan?.tasks[0]).toMatchObject({
      model: "sonnet",
      concurrency: "write-local",
      mode: "background",
      effort: { size: "M", hours: 2 },
      costUsd: 12,
      autoSpawn: "safe-only",
      severity: "medium",
      status: "todo",
    });
  });

  it("makes a task without touches write-shared and a read-only note read-only", () => {
    const { plan } = normalize(draft([task("A", 1), task("B", 5, { touches: ["[read-only analysis]"] })]));
    expect(plan?.tasks.map((t) => [t.concurrency, t.touches, t.model])).toEqual([
      ["write-shared", [], "sonnet"],
      ["read-only", [], "haiku"],
    ]);
  });

  it("runs a task alone when a touch is prose, with a warning that says why", () => {
    const { plan, messages } = normalize(draft([task("A", 1, { touches: ["deploy/", "CI/CD configs"] })]));
    expect(plan?.tasks[0]?.concurrency).toBe("write-shared");
    expect(messages).toEqual([
      'plan.md:2: warning: A: touch "CI/CD configs" is not a path, so the task runs alone (write-shared) (write repo-relative files or folders ending in / to let it run in parallel)',
    ]);
  });

  it("makes needs-user-input and FG tasks foreground", () => {
    const { plan } = normalize(
      draft([
        task("A", 1, { needsUserInput: "true" }),
        task("B", 5, { mode: "FG" }),
        task("C", 9, { mode: "BG" }),
      ]),
    );
    expect(plan?.tasks.map((t) => t.mode)).toEqual(["foreground", "foreground", "background"]);
  });

  it("prices by model rate unless the plan gives a cost, and warns once for an unknown model", () => {
    const { plan, messages } = normalize(
      draft(
        [
          task("A", 1, { model: "opus", effort: "3h" }),
          task("B", 5, { model: "mystery", effort: "1h" }),
          task("C", 9, { model: "mystery", cost: "$0.50" }),
        ],
        { track: { modelRates: { value: { opus: "20" }, line: 20 } } },
      ),
    );
    expect(plan?.tasks.map((t) => t.costUsd)).toEqual([60, 6, 0.5]);
    expect(messages.filter((m) => m.includes("mystery"))).toHaveLength(1);
  });

  it("resolves auto models by role", () => {
    const { plan } = normalize(
      draft([
        task("A", 1, { role: "SecurityAuditor", touches: ["a"] }),
        task("B", 5, { role: "Architect", needsUserInput: "yes", touches: ["b"] }),
        task("C", 9, { role: "Architect", model: "auto", touches: ["c"] }),
      ]),
    );
    expect(plan?.tasks.map((t) => t.model)).toEqual(["opus", "opus", "sonnet"]);
  });
});

describe("normalizePlan errors, all at once with their lines", () => {
  it("reports duplicates, unknown and self dependencies, bad values and bad touches together", () => {
    const { plan, messages } = normalize(
      draft([
        task("T01", 1, { deps: ["T02"], effort: "huge" }),
        task("T03", 10, { deps: ["T03"], touches: ["/abs", "../up"] }),
        task("T01", 20),
        task("T04", 30, { deps: ["T3"], needsUserInput: "perhaps", concurrency: "write-everything" }),
      ]),
    );
    expect(plan).toBeNull();
    expect(messages).toEqual([
      'plan.md:2: T01 depends on unknown task "T02" (add that task to the plan, or remove the dependency)',
      'plan.md:3: T01: effort "huge" is not a size or a duration (write S, M, L, XL, or hours like 3h or 90min)',
      "plan.md:11: T03 depends on itself",
      'plan.md:12: T03: touch "/abs" is absolute; write it relative to the repository root',
      'plan.md:12: T03: touch "../up" leaves the repository ("..")',
      'plan.md:20: duplicate task id "T01" (first defined at line 1) (give each task its own id)',
      'plan.md:31: T04 depends on unknown task "T3" (did you mean "T03"?) (add that task to the plan, or remove the dependency)',
      'plan.md:32: T04: "Needs user input" must be true or false (got "perhaps")',
      'plan.md:33: T04: concurrency class "write-everything" must be one of read-only, write-local, write-shared',
    ]);
  });

  it("prints a cycle as a walk", () => {
    const { messages } = normalize(
      draft([task("T03", 1, { deps: ["T05"] }), task("T04", 5), task("T05", 9, { deps: ["T04", "T03"] })]),
    );
    expect(messages).toEqual([
      "plan.md:1: dependency cycle: T03 → T05 → T03 (remove one of these dependencies)",
    ]);
  });

  it("refuses a dependency on another unit's subtask and finds cycles between units", () => {
    const parent = task("1", 1, {}, { subtasks: [task("1.1", 2), task("1.2", 3, { deps: ["2"] })] });
    const other = task("2", 5, { deps: ["1.1"] });
    const { messages } = normalize(draft([parent, other]));
    expect(messages).toEqual([
      "plan.md:6: 2 depends on 1.1, a subtask of 1 (subtasks are dispatched with their unit: depend on 1 instead)",
    ]);
    const cyclic = normalize(
      draft([
        task("1", 1, {}, { subtasks: [task("1.1", 2, { deps: ["2"] })] }),
        task("2", 5, { deps: ["1"] }),
      ]),
    );
    expect(cyclic.messages).toEqual([
      "plan.md:1: dependency cycle between dispatch units: 1 → 2 → 1 (remove one of these dependencies)",
    ]);
  });

  it("refuses a subtask that waits for a later sibling", () => {
    const parent = task("1", 1, {}, { subtasks: [task("1.1", 2, { deps: ["1.2"] }), task("1.2", 4)] });
    expect(normalize(draft([parent])).messages).toEqual([
      "plan.md:3: subtask 1.1 depends on 1.2, which runs after it (subtasks run in order)",
    ]);
  });

  it("refuses an empty plan and a plan over the task limit", () => {
    expect(normalize(draft([])).messages).toEqual(["plan.md: the plan has no tasks"]);
  });
});

describe("normalizePlan structure", () => {
  it("derives a parent's hours, cost and status from its subtasks", () => {
    const parent = task(
      "1",
      1,
      {},
      {
        subtasks: [task("1.1", 2, { effort: "1h", status: "DONE" }), task("1.2", 4, { effort: "3h" })],
      },
    );
    const { plan } = normalize(draft([parent]));
    expect(plan?.tasks.map((t) => [t.id, t.parent, t.status, t.effort.hours])).toEqual([
      ["1", null, "doing", 4],
      ["1.1", "1", "done", 1],
      ["1.2", "1", "todo", 3],
    ]);
    expect(plan?.tasks[0]?.subtasks).toEqual(["1.1", "1.2"]);
  });

  it("makes a checklist task without Depends wait for the previous top-level task", () => {
    const { plan } = normalize(
      draft(
        [
          task("1", 1, {}, { dependsOnPrevious: true }),
          task("2", 3, {}, { dependsOnPrevious: true }),
          task("3", 5, { deps: ["1"] }, { dependsOnPrevious: true }),
        ],
        {
          format: "checklist",
        },
      ),
    );
    expect(plan?.tasks.map((t) => t.deps)).toEqual([[], ["1"], ["1"]]);
  });

  it("expands a group dependency to each member, and group deps onto members", () => {
    const { plan, messages } = normalize(
      draft(
        [
          task("T1", 1, { group: "A" }),
          task("T2", 3, { group: "A" }),
          task("T3", 5, { group: "B" }),
          task("T4", 7, { deps: ["B"] }),
        ],
        {
          format: "yaml",
          groups: [
            { name: "A", line: 20, tasks: [] },
            { name: "B", line: 22, tasks: [], deps: { value: ["A"], line: 23 } },
          ],
        },
      ),
    );
    expect(messages).toEqual([]);
    expect(plan?.tasks.map((t) => [t.id, t.deps])).toEqual([
      ["T1", []],
      ["T2", []],
      ["T3", ["T1", "T2"]],
      ["T4", ["T3"]],
    ]);
  });

  it("expands All Phase N-M tasks", () => {
    const { plan } = normalize(
      draft([
        task("T1", 1, {}, { phase: 1 }),
        task("T2", 3, {}, { phase: 2 }),
        task("T3", 5, {}, { phase: 3 }),
        task("T4", 7, { deps: ["All Phase 2-3 tasks"] }, { phase: 4 }),
      ]),
    );
    expect(plan?.tasks[3]?.deps).toEqual(["T2", "T3"]);
  });

  it("reads track settings and reports bad ones", () => {
    const ok = normalize(
      draft([task("A", 1)], {
        track: {
          id: { value: "demo", line: 1 },
          budgetUsd: { value: "$25", line: 2 },
          maxParallel: { value: "6", line: 3 },
          scopePolicy: { value: "Fail", line: 4 },
        },
      }),
    );
    expect(ok.plan?.track).toMatchObject({
      id: "demo",
      title: "demo",
      budgetUsd: 25,
      maxParallel: 6,
      scopePolicy: "fail",
    });
    const bad = normalize(
      draft([task("A", 9)], {
        track: { budgetUsd: { value: "lots", line: 2 }, maxParallel: { value: "0", line: 3 } },
      }),
    );
    expect(bad.messages).toEqual([
      'plan.md:2: budget "lots" is not an amount in USD (e.g. $25)',
      'plan.md:3: max parallel agents "0" must be a whole number from 1 to 1000',
    ]);
  });

  it("gives gates their fix task and skips N/A gates", () => {
    const { plan } = normalize(
      draft([task("A", 1, { gates: ["Gate-O"] })], {
        gates: [
          { name: "Gate-O", line: 10, target: "tests pass", fix: { title: "test/perf fixes", line: 20 } },
          { name: "Gate-S", line: 11, target: "N/A" },
        ],
      }),
    );
    expect(plan?.gates.map((g) => [g.name, g.skip, g.fix.title])).toEqual([
      ["Gate-O", false, "test/perf fixes"],
      ["Gate-S", true, "Simplify: reduce surface and onboarding time"],
    ]);
  });
});

describe("normalizePlan parents", () => {
  it("lets a parent without touches take its subtasks' locks instead of running alone", () => {
    const parent = task(
      "1",
      1,
      {},
      {
        subtasks: [task("1.1", 2, { touches: ["src/a.ts"] }), task("1.2", 4, { touches: ["[read-only]"] })],
      },
    );
    const { plan } = normalize(draft([parent]));
    expect(plan?.tasks.map((t) => [t.id, t.concurrency])).toEqual([
      ["1", "write-local"],
      ["1.1", "write-local"],
      ["1.2", "read-only"],
    ]);
  });

  it("keeps a parent write-shared when a subtask declares no touches", () => {
    const parent = task(
      "1",
      1,
      {},
      { subtasks: [task("1.1", 2, { touches: ["src/a.ts"] }), task("1.2", 4)] },
    );
    expect(normalize(draft([parent])).plan?.tasks[0]?.concurrency).toBe("write-shared");
  });
});
