// The schedule benchmark's output as markdown: one table per data set, the goals checked against it, and which
// rules won. Times only as ratios to a baseline measured in the same process.

import type { StgRow } from "./schedule-stg.js";
import type { WorkflowRow } from "./schedule-wfcommons.js";

const goalMean = 1.005;
const goalMax = 1.05;

export function stgReport(rows: readonly StgRow[]): { lines: string[]; goalsMet: boolean } {
  const lines = [
    "## STG 50- and 100-task sets: makespan / best-known length (the optimum where proven), mean / max",
    "",
    "| set | P | graphs | best order | at best-known | below best-known | below opt_lower | b-level pass | FIFO | waves | search time / b-level pass |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.set} | ${row.agents} | ${row.graphs} | ${row.best.text} | ${percent(row.atBestKnown, row.graphs)} | ${row.belowBestKnown} | ${row.belowLower} | ${row.bLevel.text} | ${row.fifo.text} | ${row.waves.text} | ${(row.searchMs / row.passMs).toFixed(0)}× |`,
    );
  }
  const worstMean = Math.max(...rows.map((row) => row.best.mean));
  const worstMax = Math.max(...rows.map((row) => row.best.max));
  const below = rows.reduce((sum, row) => sum + row.belowLower, 0);
  const beaten = rows.filter((row) => !(row.best.mean < row.fifo.mean && row.best.mean < row.waves.mean));
  const searchMs = rows.reduce((sum, row) => sum + row.searchMs, 0);
  const passMs = rows.reduce((sum, row) => sum + row.passMs, 0);
  const goals = [
    [`mean ≤ ${goalMean} on every row (worst ${worstMean.toFixed(4)})`, worstMean <= goalMean],
    [`max ≤ ${goalMax} on every row (worst ${worstMax.toFixed(4)})`, worstMax <= goalMax],
    [`never below opt_lower (${below} schedules below)`, below === 0],
    [
      `mean better than FIFO and waves on every row${beaten.length > 0 ? ` (not on ${beaten.map((row) => `${row.set}/P=${row.agents}`).join(", ")})` : ""}`,
      beaten.length === 0,
    ],
  ] as const;
  lines.push("", "Goals:", ...goals.map(([text, met]) => `- ${text}: ${met ? "met" : "MISSED"}`));
  lines.push(
    "",
    `Search time over all graphs: ${(searchMs / passMs).toFixed(0)}× one b-level pass (each includes building the unit graph).`,
    "",
    `Rules that won: ${ruleCounts(rows)}.`,
  );
  return { lines, goalsMet: goals.every(([, met]) => met) };
}

export function workflowReport(rows: readonly WorkflowRow[]): string[] {
  const lines = [
    "## WfCommons workflow instances: makespan / lower bound max(critical path, work / P), touches on",
    "",
    "| instance | tasks | conflicting pairs | P | best order | b-level pass | FIFO | waves | best / sharper bound | rule |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.name} | ${row.tasks} | ${row.conflicts} | ${row.agents} | ${fixed(row.best)} | ${fixed(row.bLevel)} | ${fixed(row.fifo)} | ${fixed(row.waves)} | ${fixed(row.bestOverSharper)} | ${row.rule} |`,
    );
  }
  if (rows.every((row) => row.conflicts === 0))
    lines.push(
      "",
      "No two tasks of these instances write the same file, so their locks never bind here; the lock rules are held by the engine's property tests (random plans with overlapping touches).",
    );
  const agents = [...new Set(rows.map((row) => row.agents))];
  lines.push(
    "",
    "| P | mean best order | mean b-level pass | mean FIFO | mean waves |",
    "|---|---|---|---|---|",
  );
  for (const count of agents) {
    const group = rows.filter((row) => row.agents === count);
    const mean = (pick: (row: WorkflowRow) => number): string =>
      fixed(group.reduce((sum, row) => sum + pick(row), 0) / group.length);
    lines.push(
      `| ${count} | ${mean((r) => r.best)} | ${mean((r) => r.bLevel)} | ${mean((r) => r.fifo)} | ${mean((r) => r.waves)} |`,
    );
  }
  return lines;
}

function ruleCounts(rows: readonly StgRow[]): string {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const [rule, count] of row.rules) counts.set(rule, (counts.get(rule) ?? 0) + count);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, count]) => `${rule} ${count}`)
    .join(", ");
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`;
}

function fixed(value: number): string {
  return value.toFixed(4);
}
