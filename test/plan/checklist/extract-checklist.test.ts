// What a checklist plan's author can write and what the draft holds: item marks, ids, field lines in their
// spellings, description lines, subtasks, the Track line, and which lists hold tasks.

import { describe, expect, it } from "vitest";
import { extractChecklist } from "../../../src/plan/checklist/extract-checklist.js";
import { at, extract as extractWith } from "../../support/extract-draft.js";

const extract = (...lines: string[]) => extractWith(extractChecklist, lines.join("\n"));

describe("extractChecklist", () => {
  it("maps [x] to DONE, [X] to DONE, [-] to DOING and [ ] to no status", () => {
    const { draft } = extract("- [x] 1. a", "- [X] 2. b", "- [-] 3. c", "- [ ] 4. d");
    expect(draft.tasks.map((t) => [t.id, t.title, t.fields.status])).toEqual([
      ["1", "a", at("DONE", 1)],
      ["2", "b", at("DONE", 2)],
      ["3", "c", at("DOING", 3)],
      ["4", "d", undefined],
    ]);
  });

  it("accepts ids with or without a trailing dot and keeps code spans in titles", () => {
    const { draft } = extract(
      "- [ ] 1 First",
      "- [ ] 2. Run `npm test`",
      "  - [ ] 2.1. Nested dotted",
      "- [ ] 3.",
    );
    expect(draft.tasks.map((t) => [t.id, t.title])).toEqual([
      ["1", "First"],
      ["2", "Run `npm test`"],
      ["3", ""],
    ]);
    expect(draft.tasks[1]?.subtasks.map((s) => [s.id, s.title])).toEqual([["2.1", "Nested dotted"]]);
  });

  it("reads every field label in its emphasised and bold spellings", () => {
    const { draft, said } = extract(
      "- [ ] 1. Everything",
      "  - _Requirements: 1.1, 1.2_",
      "  - *Depends on: None*",
      "  - _Touches:_ `src/a,b.ts`, src/c/",
      "  - **Effort:** L (4-6 hours)",
      "  - _Role: backend-engineer_",
      "  - _Model: opus_",
      "  - _Concurrency: write-shared_",
      "  - _Needs user input: yes_",
      "  - _Mode: FG_",
      "  - _Cost: $1.50_",
      "  - _Auto-spawn: none_",
      "  - _Severity: high_",
      "  - _Gates: Gate-O, Gate-S_",
      "  - _Artifacts: docs/a.md_",
      "  - _Expected discoveries: missing fixtures_",
    );
    expect(said).toEqual([]);
    expect(draft.tasks[0]?.fields).toEqual({
      requirements: at(["1.1", "1.2"], 2),
      deps: at(["None"], 3),
      touches: at(["src/a,b.ts", "src/c/"], 4),
      effort: at("L (4-6 hours)", 5),
      role: at("backend-engineer", 6),
      model: at("opus", 7),
      concurrency: at("write-shared", 8),
      needsUserInput: at("yes", 9),
      mode: at("FG", 10),
      cost: at("$1.50", 11),
      autoSpawn: at("none", 12),
      severity: at("high", 13),
      gates: at(["Gate-O", "Gate-S"], 14),
      artifacts: at(["docs/a.md"], 15),
      discoveries: at(["missing fixtures"], 16),
    });
    expect(draft.tasks[0]?.dependsOnPrevious).toBeUndefined();
  });

  it("keeps glob stars inside an emphasised Touches line", () => {
    const { draft } = extract("- [ ] 1. Globs", "  - _Touches: src/**/*.ts, `tests/**`_");
    expect(draft.tasks[0]?.fields.touches?.value).toEqual(["src/**/*.ts", "tests/**"]);
  });

  it("keeps description lines, bold or not, as acceptance notes in order", () => {
    const { draft } = extract(
      "- [ ] 1. Title",
      "  Continues the item's paragraph",
      "  - Plain bullet with [a link](https://example.com)",
      "  - **Property 2: Ordering**",
      "    - Nested note",
      "  - _Touches: a.ts_",
    );
    expect(draft.tasks[0]?.fields.acceptance).toEqual(
      at(
        [
          "Continues the item's paragraph",
          "Plain bullet with [a link](https://example.com)",
          "**Property 2: Ordering**",
          "Nested note",
        ],
        2,
      ),
    );
  });

  it("reads fields written on the lines right under the item, without bullets", () => {
    const { draft } = extract("- [ ] 2. Title", "  _Depends on: 1_", "  _Touches: a.ts_");
    expect(draft.tasks[0]?.fields).toEqual({ deps: at(["1"], 2), touches: at(["a.ts"], 3) });
  });

  it("joins repeated list fields and keeps the first of a repeated single value", () => {
    const { draft, said } = extract(
      "- [ ] 1. Twice",
      "  - _Touches: a.ts_",
      "  - _Touches: b.ts_",
      "  - _Role: first_",
      "  - _Role: second_",
    );
    expect(draft.tasks[0]?.fields.touches).toEqual(at(["a.ts", "b.ts"], 2));
    expect(draft.tasks[0]?.fields.role).toEqual(at("first", 4));
    expect(said).toEqual(["5: warning: 1: a second role line is ignored"]);
  });

  it("puts unknown emphasised labels in unknownFields and other emphasised lines in the notes", () => {
    const { draft } = extract("- [ ] 1. Title", "  - _Priority: high_", "  - _just emphasis_");
    expect(draft.tasks[0]?.unknownFields).toEqual([at("Priority", 2)]);
    expect(draft.tasks[0]?.fields.acceptance).toEqual(at(["*just emphasis*"], 3));
  });

  it("marks top-level tasks without a Depends line as depending on the previous one, never subtasks", () => {
    const { draft } = extract(
      "- [ ] 1. a",
      "  - [ ] 1.1 b",
      "- [ ] 2. c",
      "  - _Depends on: 1_",
      "- [ ] 3. d",
    );
    expect(draft.tasks.map((t) => [t.id, t.dependsOnPrevious])).toEqual([
      ["1", true],
      ["2", undefined],
      ["3", true],
    ]);
    expect(draft.tasks[0]?.subtasks[0]?.dependsOnPrevious).toBeUndefined();
  });

  it("reads the track title from the first H1 and the id from a Track line", () => {
    const { draft } = extract(
      "# Plan: *Big* one",
      "",
      "**Track:** `big-one`",
      "",
      "# Second H1",
      "- [ ] 1. a",
    );
    expect(draft.track).toEqual({ title: at("Plan: Big one", 1), id: at("big-one", 3) });
    expect(extract("**Track**: t-2", "- [ ] 1. a").draft.track).toEqual({ id: at("t-2", 1) });
    expect(extract("**Feature:** x", "**Track:** t-3", "- [ ] 1. a").draft.track).toEqual({
      id: at("t-3", 2),
    });
  });

  it("reads the other track settings outside the task list, as the markdown formats do", () => {
    const { draft } = extract(
      "**Budget:** $25",
      "**Max parallel agents:** 6",
      "",
      "- [ ] 1. a",
      "  - **Budget:** not a track setting inside a task",
    );
    expect(draft.track).toEqual({ budgetUsd: at("$25", 1), maxParallel: at("6", 2) });
  });

  it("leaves the track id unset without a Track line", () => {
    expect(extract("# Title", "- [ ] 1. a").draft.track.id).toBeUndefined();
  });

  it("takes tasks only from task lists and ignores other lists", () => {
    const { draft, said } = extract(
      "- note one",
      "- note two",
      "",
      "1. ordered",
      "",
      "# T",
      "",
      "- [ ] 1. task",
    );
    expect(draft.tasks.map((t) => t.id)).toEqual(["1"]);
    expect(said).toEqual([]);
  });

  it("accepts the other bullet characters", () => {
    const { draft } = extract("* [ ] 1. star", "", "+ [x] 2. plus", "  + [ ] 2.1 nested");
    expect(draft.tasks.map((t) => [t.id, t.subtasks.map((s) => s.id)])).toEqual([
      ["1", []],
      ["2", ["2.1"]],
    ]);
  });
});
