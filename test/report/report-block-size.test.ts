import { describe, expect, it } from "vitest";
import { parseReportBlock, renderReportBlock } from "../../src/report/report-block.js";
import { maxBlockChars } from "../../src/report/report-limits.js";
import type { ReportBlock, ReportCandidate } from "../../src/report/report-model.js";
import { smallBlock } from "./report-block-fixture.js";

// Non-ASCII text is written as \u escapes, six characters each: the costliest text a block can hold.
const wide = (length: number) => "é".repeat(length);

const candidate = (index: number, acceptance: string | null): ReportCandidate => ({
  id: `SC-${String(index + 1).padStart(2, "0")}`,
  title: `Follow-up ${index + 1}`,
  touches: [`src/f${index}.ts`],
  effort: "S",
  effortHours: 1,
  needsUserInput: false,
  severity: "low",
  dedupKey: null,
  acceptance,
});

function written(block: ReportBlock): ReportBlock {
  const line = renderReportBlock(block);
  expect(line.length).toBeLessThanOrEqual(maxBlockChars);
  const read = parseReportBlock(line);
  if (!read) throw new Error("the cut block does not read back");
  return read;
}

const cutNotes = (block: ReportBlock) => block.problems.filter((problem) => problem.includes("32 KB"));

describe("the report block's size limit", () => {
  it("leaves a block that fits alone", () => {
    const block = { ...smallBlock, handoff: wide(4000) };
    expect(written(block)).toEqual(block);
  });

  it("cuts the handoff notes first, only as far as needed", () => {
    const candidates = Array.from({ length: 20 }, (_, i) => candidate(i, "a".repeat(1000)));
    const read = written({ ...smallBlock, handoff: wide(4000), spawnCandidates: candidates });
    expect(read.spawnCandidates).toEqual(candidates);
    expect(read.handoff.length).toBeGreaterThan(100);
    expect(read.handoff.length).toBeLessThan(4000);
    expect(read.handoff.endsWith("…")).toBe(true);
    expect(cutNotes(read)).toEqual([
      `the handoff notes were cut from 4000 to ${read.handoff.length} characters to fit the report block's 32 KB`,
    ]);
  });

  it("then the candidates' acceptance texts, from the last candidate up", () => {
    const candidates = Array.from({ length: 20 }, (_, i) => candidate(i, wide(1000)));
    const read = written({ ...smallBlock, handoff: "notes", spawnCandidates: candidates });
    expect(read.handoff).toBe("");
    expect(read.spawnCandidates).toHaveLength(20);
    const kept = read.spawnCandidates.filter((c) => c.acceptance !== null).length;
    expect(kept).toBeGreaterThan(0);
    expect(read.spawnCandidates.slice(0, kept)).toEqual(candidates.slice(0, kept));
    expect(read.spawnCandidates.slice(kept).every((c) => c.acceptance === null)).toBe(true);
    expect(read.escalations).toEqual(smallBlock.escalations);
    expect(read.metrics).toEqual(smallBlock.metrics);
    expect(cutNotes(read)).toEqual([
      "the handoff notes were cut from 5 to 0 characters to fit the report block's 32 KB",
      `the acceptance criteria of the last ${20 - kept} spawn candidates were left out to fit the report block's 32 KB`,
    ]);
  });

  it("then the escalations' questions, keeping their ids and titles, before any metric", () => {
    const escalations = Array.from({ length: 20 }, (_, i) => ({
      id: `E-${i + 1}`,
      title: `Q${i + 1}`,
      question: wide(2000),
    }));
    const read = written({ ...smallBlock, escalations });
    expect(read.escalations.map((e) => e.id)).toEqual(escalations.map((e) => e.id));
    const kept = read.escalations.filter((e) => e.question !== "").length;
    expect(read.escalations.slice(0, kept)).toEqual(escalations.slice(0, kept));
    expect(read.spawnCandidates[0]?.acceptance).toBeNull();
    expect(read.metrics).toEqual(smallBlock.metrics);
    expect(cutNotes(read)).toHaveLength(3);
    expect(cutNotes(read)[2]).toBe(
      `the question texts of the last ${20 - kept} escalations were left out to fit the report block's 32 KB`,
    );
  });

  it("then the metrics, then whole candidates from the end", () => {
    const metrics = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${wide(90)}${i}`, wide(200)]));
    const touches = Array.from({ length: 30 }, (_, j) => `src/${"d".repeat(40)}/${j}.ts`);
    const candidates = Array.from({ length: 20 }, (_, i) => ({
      ...candidate(i, null),
      title: wide(200),
      touches,
    }));
    const read = written({ ...smallBlock, metrics, spawnCandidates: candidates, escalations: [] });
    expect(read.metrics).toEqual({});
    expect(read.spawnCandidates.length).toBeGreaterThan(0);
    expect(read.spawnCandidates.length).toBeLessThan(20);
    expect(read.spawnCandidates).toEqual(candidates.slice(0, read.spawnCandidates.length));
    expect(cutNotes(read)).toEqual([
      "the handoff notes were cut from 16 to 0 characters to fit the report block's 32 KB",
      "50 metrics were left out (the last ones) to fit the report block's 32 KB",
      `${20 - read.spawnCandidates.length} spawn candidates were left out (the last ones) to fit the report block's 32 KB`,
    ]);
  });

  it("cuts what git measured only when everything else is gone, and says so", () => {
    const changedFiles = Array.from({ length: 2000 }, (_, i) => `src/module-${i}/${"n".repeat(40)}.ts`);
    const read = written({ ...smallBlock, changedFiles });
    expect(read.spawnCandidates).toEqual([]);
    expect(read.escalations).toEqual([]);
    expect(read.changedFiles.length).toBeGreaterThan(100);
    expect(read.changedFiles).toEqual(changedFiles.slice(0, read.changedFiles.length));
    expect(cutNotes(read).at(-1)).toBe(
      `${2000 - read.changedFiles.length} changed files were left out (the last ones) to fit the report block's 32 KB`,
    );
  });

  it("brings a block over the schema's caps within them, so it always reads back", () => {
    const read = written({
      ...smallBlock,
      track: "t".repeat(500),
      changedFiles: ["", ...Array.from({ length: 2100 }, (_, i) => `${i}`)],
      costUsd: Number.POSITIVE_INFINITY,
      handoff: "h".repeat(5000),
    });
    expect(read.track).toHaveLength(200);
    expect(read.changedFiles).toHaveLength(2000);
    expect(read.costUsd).toBeNull();
    expect(read.handoff).toHaveLength(4000);
    expect(read.problems).toEqual([
      "1 changed files were not valid; left out",
      "100 changed files over the limit of 2000 were left out",
    ]);
  });
});
