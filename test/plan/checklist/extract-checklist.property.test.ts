// Properties: any text gives a draft or diagnostics (never an exception), and any numbered checklist written
// out line by line reads back with the same ids, marks, subtasks and lines.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractChecklist } from "../../../src/plan/checklist/extract-checklist.js";
import { Diagnostics } from "../../../src/plan/diagnostics.js";
import { hostileText, tokenSoup } from "../../support/hostile-text.js";

const fragments = tokenSoup(
  fc.constantFrom(
    "- ",
    "  ",
    "[ ] ",
    "[x] ",
    "[-] ",
    "1. ",
    "1.1 ",
    "_",
    "*",
    "**",
    "`",
    "> ",
    "\n",
    "Touches: ",
    "#",
  ),
  { maxLength: 80 },
);

const mark = fc.constantFrom(" ", "x", "-");
const title = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}[A-Za-z]$/);
const task = fc.record({ mark, title, subtasks: fc.array(fc.record({ mark, title }), { maxLength: 3 }) });

describe("extractChecklist properties", () => {
  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(hostileText("binary", fragments), (text) => {
        const diag = new Diagnostics("plan.md");
        expect(extractChecklist(text, diag).format).toBe("checklist");
      }),
    );
  });

  it("reads back a written-out checklist", () => {
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 8 }), (tasks) => {
        const lines: string[] = [];
        const expected = tasks.map((t, index) => {
          const id = String(index + 1);
          lines.push(`- [${t.mark}] ${id}. ${t.title}`);
          const line = lines.length;
          const subtasks = t.subtasks.map((s, subIndex) => {
            lines.push(`  - [${s.mark}] ${id}.${subIndex + 1} ${s.title}`);
            return {
              id: `${id}.${subIndex + 1}`,
              line: lines.length,
              title: s.title,
              status: status(s.mark, lines.length),
            };
          });
          return { id, line, title: t.title, status: status(t.mark, line), subtasks };
        });
        const diag = new Diagnostics("plan.md");
        const draft = extractChecklist(lines.join("\n"), diag);
        expect(diag.items).toEqual([]);
        const read = draft.tasks.map((t) => ({
          id: t.id,
          line: t.line,
          title: t.title,
          status: t.fields.status,
          subtasks: t.subtasks.map((s) => ({
            id: s.id,
            line: s.line,
            title: s.title,
            status: s.fields.status,
          })),
        }));
        expect(read).toEqual(expected);
        expect(draft.tasks.every((t) => t.dependsOnPrevious === true)).toBe(true);
      }),
    );
  });
});

function status(mark: string, line: number) {
  if (mark === "x") return { value: "DONE", line };
  if (mark === "-") return { value: "DOING", line };
  return undefined;
}
