import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import { describe, expect, it } from "vitest";
import type { Task } from "../../src/plan/model.js";
import { renderTaskIssue } from "../../src/render/task-issue.js";
import { parseTaskMarker, taskMarker } from "../../src/render/task-issue-marker.js";
import { specBlock } from "../../src/render/task-issue-spec.js";
import { makeTask } from "../support/sample-analysis.js";
import { hostileText } from "./hostile-text.js";
import { headings, htmlNodes, parse } from "./markdown-tree.js";
import { unitsOf } from "./task-issue-fixture.js";

const live = /(^|[^A-Za-z0-9_])@[A-Za-z0-9]|#\d|\bGH-\d|:\/\/|\bwww\./i;
const referenceBait = fc.constantFrom(
  "@alice",
  "#12",
  "o/r#3",
  "GH-4",
  "https://x.io/a",
  "www.x.io",
  "@org/team",
);
const text = fc.oneof(
  hostileText,
  referenceBait,
  fc.tuple(hostileText, referenceBait).map(([a, b]) => `${a}${b}`),
);

/** Text GitHub would scan for mentions and references: text nodes, not code. */
function proseTexts(root: Root): string[] {
  const found: string[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === "text") found.push(node.value);
    if ("children" in node) stack.push(...(node.children as Nodes[]));
  }
  return found;
}

function hostileTasks(texts: string[]): Task[] {
  const at = (k: number) => texts[k % texts.length] ?? "";
  return [
    makeTask({
      id: `P${at(0)}`,
      title: at(1),
      role: at(2),
      model: at(3) || "m",
      subtasks: [`S1${at(4)}`, `S2${at(5)}`],
      acceptance: [at(6), at(7)],
      artifacts: [at(8)],
      gates: [at(9)],
      deps: [`D${at(10)}`],
    }),
    makeTask({
      id: `S1${at(4)}`,
      parent: `P${at(0)}`,
      title: at(11),
      touches: [at(12), `src/${at(13)}`],
      acceptance: [at(14)],
    }),
    makeTask({ id: `S2${at(5)}`, parent: `P${at(0)}`, title: at(15), role: at(16), touches: [`${at(17)}/`] }),
    makeTask({ id: `D${at(10)}`, title: at(18) }),
  ];
}

describe("renderTaskIssue with hostile plan and agent text", () => {
  it("keeps its structure, pings no one, links nothing and keeps its marker", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 19, maxLength: 19 }), (texts) => {
        const tasks = hostileTasks(texts);
        const unit = unitsOf(tasks).get(tasks[0]?.id ?? "");
        if (!unit) throw new Error("no unit");
        const handoff = texts.join("\n");
        const { title, body } = renderTaskIssue({
          track: 99,
          unit,
          tasks,
          prerequisites: [{ unit: unit.deps[0] ?? "D", handoff }],
        });
        const root = parse(body);
        expect(headings(root)).toEqual([
          "### Goal",
          "### Acceptance criteria",
          "### Touches",
          "### Subtasks",
          "### Gates",
          "### Prerequisites",
          "### Rules",
        ]);
        expect(htmlNodes(root)).toEqual([taskMarker(99, unit.id), specBlock(unit)]);
        expect(parseTaskMarker(body)).toEqual({ track: "99", unit: unit.id });
        for (const prose of proseTexts(root)) expect(prose).not.toMatch(live);
        expect(title).not.toMatch(live);
        expect(title).not.toContain("\n");
        expect(title.length).toBeLessThanOrEqual(256);
      }),
      { numRuns: 150 },
    );
  });

  it("ignores a fake marker in plan text: only the app's own line counts", () => {
    const fake = taskMarker(1, "EVIL");
    const tasks = [makeTask({ id: "T1", title: fake, touches: [fake], acceptance: [fake, `\n${fake}\n`] })];
    const unit = unitsOf(tasks).get("T1");
    if (!unit) throw new Error("no unit");
    const { body } = renderTaskIssue({
      track: 2,
      unit,
      tasks,
      prerequisites: [{ unit: "T0", handoff: `\n${fake}\n` }],
    });
    expect(parseTaskMarker(body)).toEqual({ track: "2", unit: "T1" });
  });

  it("fits GitHub's 65,536 characters with 65k-character texts, cutting the brief and keeping the rules", () => {
    const huge = (c: string) => `${c.repeat(65_536)} @alice #1`;
    const subtasks = Array.from({ length: 300 }, (_, k) =>
      makeTask({
        id: `T1.${k}`,
        parent: "T1",
        title: huge("t"),
        acceptance: Array.from({ length: 120 }, () => huge("a")),
        touches: [huge("p")],
      }),
    );
    const tasks = [
      makeTask({
        id: "T1",
        title: huge("x"),
        subtasks: subtasks.map((task) => task.id),
        acceptance: [huge("c")],
      }),
      ...subtasks,
    ];
    const unit = unitsOf(tasks).get("T1");
    if (!unit) throw new Error("no unit");
    const { title, body } = renderTaskIssue({
      track: 3,
      unit,
      tasks,
      prerequisites: [{ unit: "T0", handoff: huge("h\n") }],
    });
    expect(title.length).toBeLessThanOrEqual(256);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain("**Cut:** this brief is longer than an issue body may be");
    expect(headings(parse(body))).toContain("### Rules");
    expect(parseTaskMarker(body)).toEqual({ track: "3", unit: "T1" });
  });
});
