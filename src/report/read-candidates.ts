// The SpawnCandidates section → candidates. `None identified.` (or any text starting with "None") means none.
// At most maxCandidates are read, the first ones, as the engine considers no more; every row past that, and
// every row dropped for a reason, is named in a problem.

import type { Table } from "mdast";
import { bodyRows } from "../plan/markdown/table-cells.js";
import { candidateColumns, looksLikeCandidates, missingColumns } from "./candidate-columns.js";
import { readCandidateRow } from "./read-candidate-row.js";
import { maxCandidates } from "./report-limits.js";
import type { ReportCandidate } from "./report-model.js";
import type { Section } from "./report-sections.js";
import { saysNone, sectionLines } from "./section-lines.js";

export function readCandidates(section: Section | undefined): {
  candidates: ReportCandidate[];
  problems: string[];
} {
  const problems: string[] = [];
  if (!section) {
    problems.push(
      "the report has no SpawnCandidates section; follow-up work it found cannot be spawned (write 'None identified.' when there is none)",
    );
    return { candidates: [], problems };
  }
  const table = section.content.find(
    (node): node is Table => node.type === "table" && looksLikeCandidates(candidateColumns(node)),
  );
  if (!table) {
    if (!saysNone(sectionLines(section.content))) {
      problems.push(
        "the SpawnCandidates section has no table with ID, Subtask and Touches columns; write the table, or 'None identified.' when there is nothing",
      );
    }
    return { candidates: [], problems };
  }
  const columns = candidateColumns(table);
  const rows = bodyRows(table);
  const missing = missingColumns(columns);
  if (missing.length > 0) {
    problems.push(
      `the SpawnCandidates table has no ${missing.join(" or ")} column, so none of its ${rows.length} rows was read (its header must name ID, Subtask and Touches)`,
    );
    return { candidates: [], problems };
  }
  const candidates: ReportCandidate[] = [];
  let index = 0;
  for (; index < rows.length && candidates.length < maxCandidates; index++) {
    const read = readCandidateRow(rows[index] as (typeof rows)[number], columns, index + 1);
    for (const problem of read.problems) problems.push(problem);
    if (read.candidate) candidates.push(read.candidate);
  }
  const left = rows.length - index;
  if (left > 0) {
    problems.push(
      `the SpawnCandidates table has ${rows.length} rows; at most ${maxCandidates} candidates are read per report, so the last ${left} were dropped`,
    );
  }
  return { candidates, problems };
}
