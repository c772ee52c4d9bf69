// Broken and hostile checklists (fixtures/plans/broken/checklist-*.md and generated input): the expected
// diagnostics at the expected lines, and never an exception.

import { describe, expect, it } from "vitest";
import { extractChecklist } from "../../../src/plan/checklist/extract-checklist.js";
import { maxPlanBytes } from "../../../src/plan/defaults.js";
import { extract as extractWith, readFixture } from "../../support/extract-draft.js";

const extract = (text: string) => extractWith(extractChecklist, text, "plan.md");
const fixture = (name: string) => readFixture(`broken/${name}`);

const nestingError = "the markdown nests more than 20 levels deep here; what follows it may not be read";

describe("extractChecklist on broken plans", () => {
  it("reports items that are not numbered tasks and reads the rest", () => {
    const { draft, said } = extract(fixture("checklist-unnumbered.md"));
    expect(said).toEqual([
      '7: error: checklist item "Write the docs" does not start with a task number',
      '9: error: checklist item "Add tests for it" does not start with a task number',
      "11: error: 2.1: a subtask cannot have subtasks",
      '12: error: checklist item "Refactor without a number" does not start with a task number',
      "13: warning: a list item without a checkbox in the task list is ignored",
    ]);
    expect(draft.tasks.map((t) => [t.id, t.line, t.subtasks.map((s) => s.id)])).toEqual([
      ["1", 5, []],
      ["2", 8, ["2.1"]],
      ["3", 14, []],
    ]);
  });

  it("says where 1,000-deep nesting stops the reader", () => {
    const { draft, said } = extract(fixture("checklist-deep-nesting.md"));
    expect(said).toEqual([
      `5: error: ${nestingError}`,
      "5: warning: a list item without a checkbox in the task list is ignored",
    ]);
    expect(draft.tasks.map((t) => t.id)).toEqual(["1"]);
  });

  it("reports a 1,000-deep indented task list at the first level the reader does not open", () => {
    const lines = Array.from(
      { length: 1000 },
      (_, depth) => `${"  ".repeat(depth)}- [ ] ${depth + 1}. level`,
    );
    const { draft, said } = extract(lines.join("\n"));
    expect(said).toEqual([`10: error: ${nestingError}`, "3: error: 2: a subtask cannot have subtasks"]);
    expect(draft.tasks.map((t) => [t.id, t.subtasks.map((s) => s.id)])).toEqual([["1", ["2"]]]);
  });

  it("reads a nine-level list without a nesting error", () => {
    const lines = Array.from({ length: 9 }, (_, depth) => `${"  ".repeat(depth)}- [ ] ${depth + 1}. level`);
    expect(extract(lines.join("\n")).said).toEqual(["3: error: 2: a subtask cannot have subtasks"]);
  });

  it("finds no tasks in binary junk and does not throw", () => {
    const { draft, said } = extract(fixture("checklist-junk.md"));
    expect(draft.tasks).toEqual([]);
    expect(said).toEqual([]);
  });

  it("refuses input over the plan size limit before parsing it", () => {
    const { draft, said } = extract("- [ ] 1. x\n".repeat(Math.ceil(maxPlanBytes / 11) + 1));
    expect(said).toEqual([
      expect.stringMatching(/^0: error: the plan is [0-9,]+ bytes, over the limit of 5 MB$/),
    ]);
    expect(draft.tasks).toEqual([]);
  });

  it("reads a huge line and deeply nested emphasis within the limit", () => {
    const title = "word ".repeat(400_000).trim();
    expect(extract(`- [ ] 1. ${title}`).draft.tasks[0]?.title).toBe(title);
    const nested = `${"*_".repeat(5000)}x${"_*".repeat(5000)}`;
    const { draft, said } = extract(`- [ ] 1. Title\n  - ${nested}`);
    expect(said).toEqual([]);
    expect(draft.tasks[0]?.fields.acceptance?.value[0]).toContain("x");
  });

  it("reads a task with 40,000 lazy continuation lines", () => {
    const { draft } = extract(`- [ ] 1. Title\n${"more\n".repeat(40_000)}`);
    expect(draft.tasks[0]?.fields.acceptance?.value).toHaveLength(40_000);
  });
});
