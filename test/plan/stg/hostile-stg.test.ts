// Broken, hostile and oversized STG input: a clear diagnostic or a result, never an exception or a hang; and
// properties over generated graphs: any DAG written as STG reads back as the same plan.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Diagnostics, formatDiagnostic } from "../../../src/plan/diagnostics.js";
import { parsePlan } from "../../../src/plan/parse-plan.js";
import { extractStg } from "../../../src/plan/stg/extract-stg.js";
import { binaryJunk, hostileText, tokenSoup } from "../../support/hostile-text.js";

const parse = (text: string) => {
  const result = parsePlan(text, { file: "graph.stg" });
  return { ...result, messages: result.diagnostics.map(formatDiagnostic) };
};

/** An STG text for real tasks 1..n with the given predecessors (each smaller), entry and exit added. */
function writeStg(times: number[], preds: number[][]): string {
  const n = times.length;
  const lines = [String(n), "0 0 0"];
  const hasSuccessor = new Set(preds.flat());
  for (let id = 1; id <= n; id++) {
    const own = preds[id - 1] ?? [];
    const listed = own.length > 0 ? own : [0];
    lines.push(`${id} ${times[id - 1]} ${listed.length} ${listed.join(" ")}`);
  }
  const sinks = Array.from({ length: n }, (_, i) => i + 1).filter((id) => !hasSuccessor.has(id));
  lines.push(`${n + 1} 0 ${sinks.length} ${sinks.join(" ")}`);
  return `${lines.join("\n")}\n# generated\n`;
}

describe("hostile STG input", () => {
  it("reports binary junk once, at the first line", () => {
    const { plan, messages } = parse(binaryJunk(5000));
    expect(plan).toBeNull();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^graph\.stg:1: the first line must be the number of tasks/);
  });

  it("stops after 20 errors in a file of a hundred thousand broken lines", () => {
    const text = `5\n${"x y z\n".repeat(100_000)}`;
    const { messages } = parse(text);
    expect(messages).toHaveLength(21);
    expect(messages[20]).toBe("graph.stg:21: stopped reading the STG file after 20 errors");
  });

  it("reads a megabyte-long line of one repeated predecessor with one warning", () => {
    const count = 300_000;
    const text = `1\n0 0 0\n1 4 ${count} ${"0 ".repeat(count)}\n2 0 1 1\n`;
    const { plan, messages } = parse(text);
    expect(messages).toEqual(["graph.stg:3: warning: task 1 lists predecessor 0 more than once"]);
    expect(plan?.tasks.map((t) => [t.id, t.deps])).toEqual([["1", []]]);
  });

  it("quotes only the start of a huge bad value", () => {
    const { messages } = parse(`1\n0 0 0\n1 ${"9".repeat(100_000)} 1 0\n`);
    expect(messages[0]).toBe(
      `graph.stg:3: task 1: processing time "${"9".repeat(40)}…" is not a non-negative whole number`,
    );
  });

  it("reads a 10,000-task chain, the deepest dependency graph of that size", () => {
    const n = 10_000;
    const text = writeStg(
      Array.from({ length: n }, () => 1),
      Array.from({ length: n }, (_, i) => (i === 0 ? [] : [i])),
    );
    const { plan, messages } = parse(text);
    expect(messages).toEqual([]);
    expect(plan?.tasks).toHaveLength(n);
    expect(plan?.tasks[n - 1]?.deps).toEqual([String(n - 1)]);
  });

  it("never throws, and places every diagnostic on a line of the text", () => {
    const lines = tokenSoup(
      fc.oneof(fc.constantFrom("0 0 0", "1 2 1 0", "3", "# c", "", "2 1 2 0 1", "-1 0 0"), fc.string()),
      { maxLength: 12, separator: "\n" },
    );
    fc.assert(
      fc.property(hostileText("binary-ascii", lines), (text) => {
        const diag = new Diagnostics("graph.stg");
        extractStg(text, diag);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const d of diag.items) expect(d.line).toBeLessThanOrEqual(lineCount);
      }),
    );
  });
});

describe("generated graphs", () => {
  const graphs = fc
    .integer({ min: 1, max: 25 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }),
        fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            fc.uniqueArray(fc.integer({ min: 1, max: Math.max(i, 1) }), { maxLength: i }),
          ),
        ),
      ),
    );

  it("read back as the same tasks, dependencies and hours", () => {
    fc.assert(
      fc.property(graphs, ([times, preds]) => {
        const { plan, messages } = parse(writeStg(times, preds));
        expect(messages).toEqual([]);
        expect(plan?.tasks.map((t) => [t.id, [...t.deps].sort(), t.effort.hours])).toEqual(
          times.map((time, i) => [String(i + 1), (preds[i] ?? []).map(String).sort(), time]),
        );
      }),
      { numRuns: 100 },
    );
  });
});
