// The SpawnCandidates table's columns, matched by header name in any order:
//   | ID | Subtask | Touches | Effort | User Input | Severity | Dedup Key | Accept Criteria |
// ID, Subtask and Touches are required; the rest have defaults (effort unknown, no user input, severity medium,
// no dedup key, no acceptance criteria). The swarm-iosm examples leave out Dedup Key, so nothing may depend on
// the column order.

import type { Table } from "mdast";
import { type TableColumn, tableColumns } from "../plan/markdown/table-cells.js";

export type CandidateField =
  | "id"
  | "title"
  | "touches"
  | "effort"
  | "userInput"
  | "severity"
  | "dedupKey"
  | "acceptance";

const fieldsByLabel: Record<string, CandidateField> = {
  id: "id",
  "sc id": "id",
  "candidate id": "id",
  candidate: "id",
  subtask: "title",
  title: "title",
  task: "title",
  description: "title",
  finding: "title",
  "follow up": "title",
  touches: "touches",
  files: "touches",
  paths: "touches",
  effort: "effort",
  estimate: "effort",
  "user input": "userInput",
  "needs user input": "userInput",
  "needs input": "userInput",
  severity: "severity",
  "dedup key": "dedupKey",
  dedup: "dedupKey",
  "dedupe key": "dedupKey",
  "accept criteria": "acceptance",
  "acceptance criteria": "acceptance",
  acceptance: "acceptance",
};

const required: readonly CandidateField[] = ["id", "title", "touches"];
const headers: Record<CandidateField, string> = {
  id: "ID",
  title: "Subtask",
  touches: "Touches",
  effort: "Effort",
  userInput: "User Input",
  severity: "Severity",
  dedupKey: "Dedup Key",
  acceptance: "Accept Criteria",
};

export type CandidateColumns = Partial<Record<CandidateField, TableColumn>>;

export function candidateColumns(table: Table): CandidateColumns {
  const columns: CandidateColumns = {};
  for (const column of tableColumns(table)) {
    const field = Object.hasOwn(fieldsByLabel, column.label) ? fieldsByLabel[column.label] : undefined;
    if (field && !columns[field]) columns[field] = column;
  }
  return columns;
}

/** The required columns the table lacks, by their template names. */
export function missingColumns(columns: CandidateColumns): string[] {
  return required.filter((field) => !columns[field]).map((field) => headers[field]);
}

/** Whether the table is meant as a candidates table at all (a stray table in the section is not). */
export function looksLikeCandidates(columns: CandidateColumns): boolean {
  return Object.keys(columns).length >= 2;
}
