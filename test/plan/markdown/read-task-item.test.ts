import { describe, expect, it } from "vitest";
import { extractBlocks } from "../../../src/plan/markdown/extract-blocks.js";
import { extract, taskById } from "../../support/extract-draft.js";

describe("extractBlocks on hand-written task blocks", () => {
  it("reads nested checkbox items with ids as ordered subtasks, one level deep", () => {
    const text = [
      "### Phase 1 — Build", // 1
      "",
      "- [ ] **T1**: Parent", // 3
      "  - **Touches:** `src/`",
      "  - [ ] **T1.1**: First step", // 5
      "    - **Touches:** `src/a.ts`",
      "  - [x] **T1.2**: Second step", // 7
      "    - **Depends on:** T1.1",
      "    - [ ] **T1.2.1**: Too deep", // 9
    ].join("\n");
    const { draft, errors } = extract(extractBlocks, text);
    const parent = taskById(draft, "T1");
    expect(parent.subtasks.map((s) => [s.id, s.line, s.title, s.phase])).toEqual([
      ["T1.1", 5, "First step", 1],
      ["T1.2", 7, "Second step", 1],
    ]);
    expect(parent.subtasks[0]?.fields.touches).toEqual({ value: ["src/a.ts"], line: 6 });
    expect(parent.subtasks[1]?.fields.status).toEqual({ value: "DONE", line: 7 });
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [9, "T1.2: a subtask cannot have subtasks of its own"],
    ]);
  });

  it("reads subtasks listed under a Subtasks label", () => {
    const text = "- [ ] **P**: Parent\n  - **Subtasks:**\n    - [ ] **P.1**: One\n    - [ ] **P.2**: Two\n";
    const { draft } = extract(extractBlocks, text);
    expect(taskById(draft, "P").subtasks.map((s) => s.id)).toEqual(["P.1", "P.2"]);
  });

  it("accepts labels in any case, with the colon inside or outside the bold text, and fields without bullets", () => {
    const text = [
      "- [ ] **T7** — Title after a dash",
      "  **OWNER ROLE:** Implementer",
      "  - **Deps**: T1 (soft), T2",
      "  - **touches:** `a,b.ts`, [note, with comma], docs/",
    ].join("\n");
    const { draft } = extract(extractBlocks, text);
    const task = taskById(draft, "T7");
    expect(task.title).toBe("Title after a dash");
    expect(task.fields.role).toEqual({ value: "Implementer", line: 2 });
    expect(task.fields.deps).toEqual({ value: ["T1", "T2"], line: 3 });
    expect(task.fields.touches).toEqual({ value: ["a,b.ts", "[note, with comma]", "docs/"], line: 4 });
  });

  it("lets a Status field override a checked box, and records a checked box alone as DONE", () => {
    const text = "- [x] **A**: a\n  - **Status:** DOING\n- [x] **B**: b\n- [ ] **C**: c\n";
    const { draft } = extract(extractBlocks, text);
    expect(taskById(draft, "A").fields.status).toEqual({ value: "DOING", line: 2 });
    expect(taskById(draft, "B").fields.status).toEqual({ value: "DONE", line: 3 });
    expect(taskById(draft, "C").fields.status).toBeUndefined();
    expect(taskById(draft, "C").title).toBe("c");
  });

  it("hands unknown labels to the normaliser and keeps duplicate ids", () => {
    const text = "- [ ] **T1**: a\n  - **Priority:** high\n  - **Budget:** $9\n- [ ] **T1**: again\n";
    const { draft, diag } = extract(extractBlocks, text);
    expect(taskById(draft, "T1").unknownFields).toEqual([
      { value: "Priority", line: 2 },
      { value: "Budget", line: 3 },
    ]);
    expect(draft.tasks.map((t) => t.line)).toEqual([1, 4]);
    // A bold key inside a task is a task field, never a track setting.
    expect(draft.track.budgetUsd).toBeUndefined();
    expect(diag.items).toEqual([]);
  });

  it("ends a phase at the next heading of the same level, but not at a deeper one", () => {
    const text = [
      "## Phase 2 — Build",
      "#### Stream A",
      "- [ ] **A**: in phase 2",
      "## Appendix",
      "- [ ] **B**: after the phases",
    ].join("\n");
    const { draft } = extract(extractBlocks, text);
    expect(taskById(draft, "A").phase).toBe(2);
    expect(taskById(draft, "B").phase).toBeUndefined();
  });
});
