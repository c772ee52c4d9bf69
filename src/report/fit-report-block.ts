// The block cut to its size limit (maxBlockChars for the whole line). What goes first is what the app needs
// least: the handoff notes, then candidates' acceptance texts, escalations' question texts, metrics, then whole
// candidates from the end; only a block still too large (thousands of changed files) loses escalations,
// problems, files outside the touches, changed files and subtask ids. Each cut keeps as much as fits (a binary
// search over how much to keep) and is named in the block's problems, so the app and a person see what is missing.

import { truncate } from "../render/markdown-text.js";
import { blockLine } from "./block-line.js";
import { clampReportBlock } from "./clamp-report-block.js";
import { maxBlockChars } from "./report-limits.js";
import type { ReportBlock } from "./report-model.js";

interface Cut {
  /** How many units there are to keep (characters, items); 0 when the cut would change nothing. */
  size(block: ReportBlock): number;
  keep(block: ReportBlock, kept: number): ReportBlock;
  /** What the cut from `before` to `after` left out, for the block's problems. */
  note(before: ReportBlock, after: ReportBlock): string;
}

const why = "to fit the report block's 32 KB";

const keepItems = <
  K extends "spawnCandidates" | "escalations" | "problems" | "scopeViolations" | "changedFiles" | "tasksDone",
>(
  key: K,
  name: string,
): Cut => ({
  size: (block) => block[key].length,
  keep: (block, kept) => ({ ...block, [key]: block[key].slice(0, kept) }),
  note: (before, after) =>
    `${before[key].length - after[key].length} ${name} were left out (the last ones) ${why}`,
});

/** One past the last item that still has the part a cut removes. */
const lastWith = <T>(items: readonly T[], has: (item: T) => boolean): number => {
  for (let i = items.length - 1; i >= 0; i--) if (has(items[i] as T)) return i + 1;
  return 0;
};

const cuts: Cut[] = [
  {
    size: (block) => block.handoff.length,
    keep: (block, kept) => ({ ...block, handoff: kept === 0 ? "" : truncate(block.handoff, kept) }),
    note: (before, after) =>
      `the handoff notes were cut from ${before.handoff.length} to ${after.handoff.length} characters ${why}`,
  },
  {
    size: (block) => lastWith(block.spawnCandidates, (candidate) => candidate.acceptance !== null),
    keep: (block, kept) => ({
      ...block,
      spawnCandidates: block.spawnCandidates.map((c, i) => (i < kept ? c : { ...c, acceptance: null })),
    }),
    note: (before, after) => {
      const lost = before.spawnCandidates.filter(
        (c, i) => c.acceptance !== after.spawnCandidates[i]?.acceptance,
      );
      return `the acceptance criteria of the last ${lost.length} spawn candidates were left out ${why}`;
    },
  },
  {
    size: (block) => lastWith(block.escalations, (escalation) => escalation.question !== ""),
    keep: (block, kept) => ({
      ...block,
      escalations: block.escalations.map((e, i) => (i < kept ? e : { ...e, question: "" })),
    }),
    note: (before, after) => {
      const lost = before.escalations.filter((e, i) => e.question !== after.escalations[i]?.question);
      return `the question texts of the last ${lost.length} escalations were left out ${why}`;
    },
  },
  {
    size: (block) => Object.keys(block.metrics).length,
    keep: (block, kept) => ({
      ...block,
      metrics: Object.fromEntries(Object.entries(block.metrics).slice(0, kept)),
    }),
    note: (before, after) =>
      `${Object.keys(before.metrics).length - Object.keys(after.metrics).length} metrics were left out (the last ones) ${why}`,
  },
  keepItems("spawnCandidates", "spawn candidates"),
  keepItems("escalations", "escalations"),
  keepItems("problems", "problems"),
  keepItems("scopeViolations", "files outside the touches"),
  keepItems("changedFiles", "changed files"),
  keepItems("tasksDone", "subtask ids"),
];

const fits = (block: ReportBlock) => blockLine(block).length <= maxBlockChars;

/** The block within the schema's caps and the size limit, with a note in `problems` for every cut. */
export function fitReportBlock(input: ReportBlock): ReportBlock {
  const clamped = clampReportBlock(input);
  const notes = clamped.notes;
  const withNotes = (block: ReportBlock, extra: string[] = []) => ({
    ...block,
    problems: [...block.problems, ...notes, ...extra],
  });
  let block = clamped.block;
  if (fits(withNotes(block))) return withNotes(block);
  for (const cut of cuts) {
    const size = cut.size(block);
    if (size === 0) continue;
    const before = block;
    const trial = (kept: number) => {
      const after = cut.keep(before, kept);
      return withNotes(after, [cut.note(before, after)]);
    };
    // The largest amount kept that fits; 0 when even that does not, and the next cut goes on from there.
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(trial(middle))) low = middle;
      else high = middle - 1;
    }
    block = cut.keep(before, low);
    notes.push(cut.note(before, block));
    if (fits(withNotes(block))) return withNotes(block);
  }
  return withNotes(block);
}
