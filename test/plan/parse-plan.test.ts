// Each sample plan, through the whole parser, to the model a user relies on: the same rules in every format.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/plan/diagnostics.js";
import type { Plan } from "../../src/plan/model.js";
import { parsePlan } from "../../src/plan/parse-plan.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/plans/${name}`, import.meta.url), "utf8");

function parse(name: string, text = fixture(name)) {
  const result = parsePlan(text, { file: name });
  return { ...result, messages: result.diagnostics.map(formatDiagnostic) };
}

const summary = (plan: Plan | null) =>
  plan?.tasks.map((t) => ({
    id: t.id,
    deps: t.deps,
    touches: t.touches,
    concurrency: t.concurrency,
    hours: t.effort.hours,
    model: t.model,
    mode: t.mode,
    status: t.status,
  }));

describe("task blocks: the swarm-iosm demo plan", () => {
  const { plan, format, messages } = parse("demo-track.md");

  it("parses without a diagnostic", () => {
    expect(format).toBe("blocks");
    expect(messages).toEqual([]);
  });

  it("reads the track and its gates", () => {
    expect(plan?.track).toMatchObject({
      id: "demo-add-caching",
      maxParallel: 4,
      budgetUsd: null,
      spawnBudget: 20,
    });
    expect(plan?.gates.map((g) => [g.name, g.target, g.skip])).toEqual([
      ["Gate-I", "≥0.75", false],
      ["Gate-M", "pass", false],
      ["Gate-O", "tests pass", false],
      ["Gate-S", "N/A", true],
    ]);
  });

  it("reads every task as the plan says", () => {
    expect(summary(plan)).toEqual([
      {
        id: "T01",
        deps: [],
        touches: [],
        concurrency: "read-only",
        hours: 1,
        model: "haiku",
        mode: "background",
        status: "done",
      },
      {
        id: "T02",
        deps: ["T01"],
        touches: ["docs/caching-adr.md"],
        concurrency: "write-local",
        hours: 2,
        model: "opus",
        mode: "foreground",
        status: "done",
      },
      {
        id: "T03",
        deps: ["T02"],
        touches: ["backend/core/cache.py", "backend/core/__init__.py"],
        concurrency: "write-local",
        hours: 3,
        model: "sonnet",
        mode: "background",
        status: "doing",
      },
      {
        id: "T04",
        deps: ["T03"],
        touches: ["backend/api/natal.py", "tests/test_natal.py"],
        concurrency: "write-local",
        hours: 2,
        model: "sonnet",
        mode: "background",
        status: "todo",
      },
      {
        id: "T05",
        deps: ["T03"],
        touches: ["backend/api/transits.py", "tests/test_transits.py"],
        concurrency: "write-local",
        hours: 2,
        model: "sonnet",
        mode: "background",
        status: "todo",
      },
      {
        id: "T06",
        deps: ["T04", "T05"],
        touches: ["tests/integration/", "test_results.xml"],
        concurrency: "write-local",
        hours: 2,
        model: "sonnet",
        mode: "background",
        status: "todo",
      },
    ]);
    const t03 = plan?.tasks[2];
    expect(t03).toMatchObject({
      title: "Implement cache service",
      role: "Implementer-A",
      autoSpawn: "safe-only",
      discoveriesExpected: ["type errors", "missing config"],
      acceptance: ["CacheService class implemented, unit tests pass"],
      gates: ["Gate-I", "Gate-M"],
      source: { file: "demo-track.md", line: 70 },
    });
    expect(plan?.tasks[5]?.autoSpawn).toBe("all");
  });
});

describe("task registry table: the seed's generated plan", () => {
  it("reports T03's dependency on the unlisted T02 at its row", () => {
    const { plan, messages } = parse("registry.md");
    expect(plan).toBeNull();
    expect(messages).toEqual([
      'registry.md:38: T03 depends on unknown task "T02" (add that task to the plan, or remove the dependency)',
    ]);
  });

  it("reads the table once that dependency is removed", () => {
    const text = fixture("registry.md").replace(/(\| T03 \|.*\|) T02 (\|)/, "$1 - $2");
    const { plan, messages } = parse("registry.md", text);
    expect(messages).toEqual([]);
    expect(plan?.track).toMatchObject({ id: "demo-track" });
    expect(summary(plan)?.map((t) => [t.id, t.deps, t.hours, t.mode])).toEqual([
      ["T03", [], 3, "background"],
      ["T04", ["T03"], 2, "background"],
      ["T05", ["T03"], 2, "background"],
      ["T06", ["T04", "T05"], 2, "background"],
    ]);
    // The table's "($0.132)" is the plan's explicit cost: it wins over hours × rate.
    expect(plan?.tasks.map((t) => [t.title, t.costUsd, t.costExplicit])[0]).toEqual([
      "Implement cache service",
      0.132,
      true,
    ]);
    expect(plan?.tasks[3]).toMatchObject({
      autoSpawn: "all",
      discoveriesExpected: ["race conditions", "cache consistency issues"],
    });
  });
});

describe("YAML: the phase 5.3 plan with groups", () => {
  const { plan, format, messages } = parse("phase-5-3.yaml");

  it("parses without a diagnostic and reads the track", () => {
    expect(format).toBe("yaml");
    expect(messages).toEqual([]);
    expect(plan?.track).toMatchObject({ id: "phase-5-3", maxParallel: 6, budgetUsd: 40, spawnBudget: 10 });
    expect(plan?.track.modelRates).toMatchObject({ sonnet: 6, haiku: 1.5, opus: 10 });
  });

  it("expands group dependencies to each member, without barriers", () => {
    const byId = new Map(plan?.tasks.map((t) => [t.id, t]));
    expect(byId.get("T5")?.deps).toEqual(["T1", "T2", "T3", "T4"]);
    expect(byId.get("T5")?.subtasks).toEqual(["T5.1", "T5.2", "T5.3"]);
    expect(byId.get("T5.1")?.parent).toBe("T5");
    expect(byId.get("T17")?.mode).toBe("foreground");
    expect(plan?.gates.find((g) => g.name === "Gate-O")?.fix).toEqual({
      title: "Fix failing tests",
      role: "test-engineer",
      touches: ["tests/"],
      effortHours: 1,
    });
  });
});

describe("checklist: the webhook delivery plan", () => {
  const { plan, format, messages } = parse("checklist.md");

  it("parses without a diagnostic", () => {
    expect(format).toBe("checklist");
    expect(messages).toEqual([]);
    expect(plan?.track.id).toBe("webhook-delivery");
  });

  it("makes parents units over ordered subtasks, and top-level tasks wait for the previous one by default", () => {
    const byId = new Map(plan?.tasks.map((t) => [t.id, t]));
    expect(byId.get("1")).toMatchObject({
      subtasks: ["1.1", "1.2"],
      status: "done",
      concurrency: "write-local",
    });
    expect(byId.get("2")).toMatchObject({ deps: ["1"], status: "doing" });
    expect(byId.get("3")?.deps).toEqual(["1"]);
    expect(byId.get("4")).toMatchObject({ deps: ["2", "3"], mode: "foreground" });
    expect(byId.get("5")?.deps).toEqual(["4"]);
    expect(byId.get("6")?.deps).toEqual(["2"]);
    expect(byId.get("5.2")?.model).toBe("haiku");
    expect(byId.get("2.1")?.effort.hours).toBe(1);
  });
});

describe("the same plan in every format gives the same model", () => {
  const blocks = `# Plan — same
**Track:** same

- [ ] **A**: First
  - **Touches:** \`src/a.ts\`
  - **Effort:** 3h
- [ ] **B**: Second
  - **Depends on:** A
  - **Touches:** \`src/\`
`;
  const registry = `# Continuous Dispatch Plan — same

| Task | Role | Model | Concurrency | Mode | Effort | Deps | Touches |
|---|---|---|---|---|---|---|---|
| A | - | - | - | - | 3h | - | \`src/a.ts\` |
| B | - | - | - | - | - | A | \`src/\` |
`;
  const yaml = `track: { id: same }
tasks:
  - { id: A, title: First, touches: [src/a.ts], effort: 3h }
  - { id: B, title: Second, deps: [A], touches: [src/] }
`;
  const checklist = `# Plan — same
**Track:** same

- [ ] 1. First
  - _Touches: src/a.ts_
  - _Effort: 3h_
- [ ] 2. Second
  - _Touches: src/_
`;
  it("agrees on deps, touches, hours, cost and classes", () => {
    const shape = (text: string, file: string) =>
      parsePlan(text, { file }).plan?.tasks.map((t) => [
        t.deps.length,
        t.touches,
        t.effort.hours,
        t.costUsd,
        t.concurrency,
      ]);
    const expected = shape(blocks, "p.md");
    expect(expected).toEqual([
      [0, ["src/a.ts"], 3, 18, "write-local"],
      [1, ["src/"], 2, 12, "write-local"],
    ]);
    expect(shape(registry, "p.md")).toEqual(expected);
    expect(shape(yaml, "p.yaml")).toEqual(expected);
    expect(shape(checklist, "p.md")).toEqual(expected);
  });
});

describe("format detection and hostile input", () => {
  it("refuses a task called __proto__ at its line (in markdown, __ is emphasis and never reaches an id)", () => {
    const yaml = parsePlan("tasks:\n  - id: __proto__\n  - id: T2\n", { file: "p.yaml" });
    expect(yaml.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '2: a task may not be called "__proto__"',
    ]);
  });

  it("finds a YAML plan in a fenced block of an issue body, with lines of the whole body", () => {
    const body = "Please run this:\n\n```yaml\ntasks:\n  - id: T1\n    deps: [T9]\n```\n";
    const { messages, format } = parse("<issue body>", body);
    expect(format).toBe("yaml");
    expect(messages[0]).toMatch(/^<issue body>:6: T1 depends on unknown task "T9"/);
  });

  it("says where a task plan nested past the parser's limit stops being read, in every markdown format", () => {
    let nested = "- [ ] **T1**: Top\n  - **Touches:** `a.ts`\n";
    for (let depth = 1; depth < 25; depth++) nested += `${"  ".repeat(depth)}- level ${depth}\n`;
    nested += "- [ ] **T2**: After\n";
    const { plan, messages } = parse("deep.md", nested);
    expect(plan).toBeNull();
    expect(
      messages.some((m) => /^deep\.md:\d+: the markdown nests more than 20 levels deep here/.test(m)),
    ).toBe(true);
  });

  it("refuses text it cannot place, and says how to force a format", () => {
    expect(parse("notes.md", "# Notes\n\nJust prose.\n").messages[0]).toMatch(
      /cannot tell the plan's format.*--format/,
    );
  });

  it("refuses an oversized plan before parsing it", () => {
    const { messages } = parse("big.md", "x".repeat(10_000_000));
    expect(messages[0]).toBe(
      "big.md: the plan is 10,000,000 bytes, over the limit of 5 MB (split it into several tracks)",
    );
  });

  it("ends 20,000 tasks in YAML with a result, and reports a 50,001-task plan as too large", () => {
    const tasks = (n: number) =>
      Array.from({ length: n }, (_, i) => `  - { id: T${i}, touches: [f${i}] }`).join("\n");
    const ok = parse("many.yaml", `tasks:\n${tasks(20_000)}\n`);
    expect(ok.plan?.tasks).toHaveLength(20_000);
    const tooMany = parse("many.yaml", `tasks:\n${tasks(50_001)}\n`);
    expect(tooMany.messages).toContain(
      "many.yaml: the plan has 50001 tasks; at most 50000 are supported (split it into several tracks)",
    );
  });
});
