// Properties: any text gives a draft or diagnostics (never an exception), and any plan written out by a YAML
// library reads back with the same ids, titles, touches and dependencies, in order, at increasing lines.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { Diagnostics } from "../../../src/plan/diagnostics.js";
import { extractYaml } from "../../../src/plan/yaml/extract-yaml.js";
import { hostileText, tokenSoup } from "../../support/hostile-text.js";

const fragments = tokenSoup(
  fc.constantFrom(
    "tasks:",
    "- ",
    "  ",
    "id: ",
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "\n",
    "'",
    '"',
    "#",
    "!!",
    "? ",
    "|",
    ">",
  ),
  { maxLength: 60 },
);

describe("extractYaml properties", () => {
  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(hostileText("binary", fragments), (text) => {
        const diag = new Diagnostics("plan.yaml");
        const draft = extractYaml(text, diag);
        expect(draft.format).toBe("yaml");
        for (const item of diag.items) expect(item.line).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("reads back a written-out plan", () => {
    const task = fc.record({
      title: fc.string(),
      touches: fc.array(
        fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ""),
        { maxLength: 4 },
      ),
      deps: fc.array(fc.stringMatching(/^T\d{1,3}$/), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 8 }), (tasks) => {
        const plan = { tasks: tasks.map((t, index) => ({ id: `T${index}`, ...t })) };
        const diag = new Diagnostics("plan.yaml");
        const draft = extractYaml(stringify(plan), diag);
        expect(diag.items).toEqual([]);
        expect(
          draft.tasks.map((t) => ({
            id: t.id,
            title: t.title,
            touches: t.fields.touches?.value ?? [],
            deps: t.fields.deps?.value ?? [],
          })),
        ).toEqual(plan.tasks);
        const lines = draft.tasks.map((t) => t.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        expect(new Set(lines).size).toBe(lines.length);
      }),
    );
  });
});
