import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UnitSpec } from "../../src/engine/track/state.js";
import { renderTaskIssue } from "../../src/render/task-issue.js";
import { parseSpecBlock, specBlock } from "../../src/render/task-issue-spec.js";
import { hostileText } from "./hostile-text.js";
import { htmlNodes, parse } from "./markdown-tree.js";

const spawned = (overrides: Partial<UnitSpec> = {}): UnitSpec => ({
  id: "T-AUTO-01",
  title: "Cache the session lookups",
  taskIds: ["T-AUTO-01"],
  deps: ["T04"],
  touches: ["src/cache/"],
  concurrency: "write-local",
  needsPerson: false,
  taskHours: [2],
  taskCostUsd: [12],
  role: null,
  model: "sonnet",
  autoSpawn: "safe-only",
  gates: [],
  origin: { kind: "spawn", by: "T04", key: "session cache" },
  order: 7,
  ...overrides,
});

describe("the spec block of a spawned unit's task issue", () => {
  it("round-trips any spec, hostile text included, as one hidden HTML line", () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (title, touch, key) => {
        const spec = spawned({
          title: title.slice(0, 2000),
          touches: [touch.slice(0, 2000)],
          origin: { kind: "spawn", by: "T04", key: key.slice(0, 2000) },
        });
        const block = specBlock(spec);
        expect(block).not.toContain("\n");
        expect(block.slice(4, -3)).not.toMatch(/-->|--|<|>/);
        expect(parseSpecBlock(`text\n${block}\n`)).toEqual(spec);
        expect(htmlNodes(parse(`before\n\n${block}\n`))).toEqual([block]);
      }),
      { numRuns: 200 },
    );
  });

  it("is written into spawned units' issues only, and read back from there", () => {
    const body = renderTaskIssue({ track: 12, unit: spawned(), tasks: [], prerequisites: [] }).body;
    expect(parseSpecBlock(body)).toEqual(spawned());
    const planned = renderTaskIssue({
      track: 12,
      unit: spawned({ origin: { kind: "plan" } }),
      tasks: [],
      prerequisites: [],
    }).body;
    expect(parseSpecBlock(planned)).toBeNull();
  });

  it("is not read from inside a line, from a broken or foreign block, or from two blocks that disagree", () => {
    const block = specBlock(spawned());
    expect(parseSpecBlock(`see \`${block}\``)).toBeNull();
    expect(parseSpecBlock(block.replace('"sonnet"', "sonnet"))).toBeNull();
    expect(parseSpecBlock(block.replace('"write\\u002dlocal"', '"root"'))).toBeNull();
    expect(parseSpecBlock(block.replace('"order":7', '"order":7,"extra":1'))).toBeNull();
    expect(parseSpecBlock(`${block}\n${specBlock(spawned({ title: "other" }))}`)).toBeNull();
    expect(parseSpecBlock(`${block}\r\n${block}`)).toEqual(spawned());
    expect(parseSpecBlock(null)).toBeNull();
  });

  it("is only looked for in the first 256 KB of a huge body", () => {
    const block = specBlock(spawned());
    expect(parseSpecBlock(`${"x\n".repeat(200_000)}${block}`)).toBeNull();
    expect(parseSpecBlock(`${block}\n${"x".repeat(1_000_000)}`)).toEqual(spawned());
  });
});
