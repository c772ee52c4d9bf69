import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UnitSpec } from "../../src/engine/track/state.js";
import { maxIssueBodyChars, renderTaskIssue } from "../../src/render/task-issue.js";
import { parseTaskMarker } from "../../src/render/task-issue-marker.js";
import { parseSpecBlock, specBlock } from "../../src/render/task-issue-spec.js";
import { spawnedSpec } from "../support/unit-specs.js";
import { hostileText } from "./hostile-text.js";
import { htmlNodes, parse } from "./markdown-tree.js";

const spawned = (overrides: Partial<UnitSpec> = {}): UnitSpec =>
  spawnedSpec("T-AUTO-01", {
    title: "Cache the session lookups",
    taskHours: [2],
    taskCostUsd: [12],
    ...overrides,
  });

const idArb = hostileText.filter((text) => text.length > 0);
// Zero, tiny and large amounts; -0 is written as 0, which is the same amount.
const amountArb = fc
  .oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom(0, 1e-7, 2.5e-12, 1e21))
  .map((value) => value + 0);
const specArb: fc.Arbitrary<UnitSpec> = fc
  .record({
    id: idArb,
    title: hostileText,
    tasks: fc.array(fc.tuple(idArb, amountArb, amountArb), { minLength: 1, maxLength: 3 }),
    deps: fc.array(idArb, { maxLength: 3 }),
    touches: fc.array(hostileText, { maxLength: 3 }),
    concurrency: fc.constantFrom("read-only", "write-local", "write-shared"),
    needsPerson: fc.boolean(),
    role: fc.option(hostileText),
    model: hostileText,
    autoSpawn: fc.constantFrom("none", "safe-only", "all"),
    gates: fc.array(hostileText, { maxLength: 2 }),
    origin: fc.oneof(
      fc.constant({ kind: "plan" as const }),
      fc.record({ kind: fc.constant("spawn" as const), by: idArb, key: hostileText }),
      fc.record({ kind: fc.constant("gate" as const), gate: hostileText }),
    ),
    order: fc.nat(),
  })
  .map(({ tasks, ...rest }) => ({
    ...rest,
    taskIds: tasks.map(([id]) => id),
    taskHours: tasks.map(([, hours]) => hours),
    taskCostUsd: tasks.map(([, , cost]) => cost),
  }));

describe("the spec block of a spawned unit's task issue", () => {
  it("round-trips any spec as one plain-ASCII line that nothing in it can end early", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const block = specBlock(spec);
        expect(block).toMatch(/^<!-- swarm-dispatch:spec v1 \{[\x20-\x7e]*\} -->$/);
        expect(block.slice(4, -3)).not.toMatch(/--|<|>|&/);
        expect(parseSpecBlock(`text\r\n${block}\r\nmore`)).toEqual(spec);
        // Invisible: GitHub's parser sees one HTML node and nothing else.
        const tree = parse(block);
        expect(tree.children.map((node) => node.type)).toEqual(["html"]);
        expect(htmlNodes(tree)).toEqual([block]);
      }),
      { numRuns: 300 },
    );
  });

  it("is written after the marker of every unit, whatever its text", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const unit = { ...spec, origin: { kind: "spawn" as const, by: "T04", key: spec.title } };
        const { body } = renderTaskIssue({ track: 12, unit, tasks: [], prerequisites: [] });
        expect(parseSpecBlock(body)).toEqual(unit);
        expect(parseTaskMarker(body)?.unit).toBe(spec.id);
        const lines = body.trimEnd().split("\n");
        expect(lines.slice(-2)).toEqual([
          expect.stringMatching(/^<!-- swarm-dispatch:task /),
          specBlock(unit),
        ]);
        expect(htmlNodes(parse(body))).toEqual(expect.arrayContaining([specBlock(unit)]));
      }),
      { numRuns: 100 },
    );
    const gate = spawned({ origin: { kind: "gate", gate: "Gate-T" } });
    expect(
      parseSpecBlock(renderTaskIssue({ track: 3, unit: gate, tasks: [], prerequisites: [] }).body),
    ).toEqual(gate);
    const planned = spawned({ origin: { kind: "plan" } });
    const body = renderTaskIssue({ track: 12, unit: planned, tasks: [], prerequisites: [] }).body;
    expect(parseSpecBlock(body)).toEqual(planned);
  });

  it("is not read from inside a line, from a code span, or from a line holding a second comment", () => {
    const block = specBlock(spawned());
    for (const body of [
      `see \`${block}\``,
      `text ${block}`,
      ` ${block}`,
      `${block} trailing`,
      `> ${block}`,
      `- ${block}`,
      block.replace(" -->", " --> <!-- x -->"),
      block.replace("v1", "v2"),
    ])
      expect(parseSpecBlock(body)).toBeNull();
  });

  it("refuses a block that is broken, foreign or not a unit", () => {
    const block = specBlock(spawned());
    for (const edit of [
      (text: string) => text.replace('"sonnet"', "sonnet"),
      (text: string) => text.replace('"write\\u002dlocal"', '"root"'),
      (text: string) => text.replace('"order":7', '"order":7,"extra":1'),
      (text: string) => text.replace('"order":7', '"order":7,"__proto__":{"x":1}'),
      (text: string) => text.replace(',"order":7', ""),
      (text: string) => text.replace('"taskHours":[2]', '"taskHours":[2,1]'),
      (text: string) => text.replace('"taskCostUsd":[12]', '"taskCostUsd":[-12]'),
      (text: string) => text.replace('"order":7', '"order":1.5'),
      (text: string) => text.replace('"kind":"spawn"', '"kind":"person"'),
      (text: string) => text.replace('"id":"T\\u002dAUTO\\u002d01"', '"id":""'),
    ]) {
      const edited = edit(block);
      expect(edited).not.toBe(block);
      expect(parseSpecBlock(edited)).toBeNull();
    }
    expect(parseSpecBlock(null)).toBeNull();
    expect(parseSpecBlock(undefined)).toBeNull();
  });

  it("answers null for two blocks that disagree, and the unit for one written twice", () => {
    const block = specBlock(spawned());
    expect(parseSpecBlock(`${block}\n${specBlock(spawned({ title: "other" }))}`)).toBeNull();
    expect(parseSpecBlock(`${block}\r\n\r\n${block}`)).toEqual(spawned());
    // A broken second block does not hide the first.
    expect(parseSpecBlock(`${block}\n${block.replace("{", "[")}`)).toEqual(spawned());
  });

  it("is only looked for in the first 262,144 characters of a body", () => {
    const block = specBlock(spawned());
    expect(parseSpecBlock(`${"x".repeat(262_144 - block.length - 1)}\n${block}`)).toEqual(spawned());
    expect(parseSpecBlock(`${"x".repeat(262_144 - block.length)}\n${block}`)).toBeNull();
    expect(parseSpecBlock(`${"x\n".repeat(200_000)}${block}`)).toBeNull();
    expect(parseSpecBlock(`${block}\n${"x".repeat(1_000_000)}`)).toEqual(spawned());
  });

  it("counts against the body's room, and is left out when it could never fit", () => {
    const long = spawned({
      title: "y".repeat(200),
      touches: Array.from({ length: 900 }, (_, k) => `src/f${k}.ts`),
    });
    const full = renderTaskIssue({ track: 12, unit: long, tasks: [], prerequisites: [] }).body;
    const room = full.length - 3_000;
    const { body } = renderTaskIssue({ track: 12, unit: long, tasks: [], prerequisites: [] }, room);
    expect(body.length).toBeLessThanOrEqual(room);
    expect(body).toContain("**Cut:**");
    expect(parseSpecBlock(body)).toEqual(long);
    const huge = spawned({ touches: Array.from({ length: 5_000 }, (_, k) => `src/dir/file-${k}.ts`) });
    const cut = renderTaskIssue({ track: 12, unit: huge, tasks: [], prerequisites: [] }).body;
    expect(cut.length).toBeLessThanOrEqual(maxIssueBodyChars);
    expect(parseSpecBlock(cut)).toBeNull();
    expect(parseTaskMarker(cut)).toEqual({ track: "12", unit: "T-AUTO-01" });
  });
});
