// One row of the SpawnCandidates table → a candidate, or nothing and the reason. A row whose touches leave the
// repository is dropped whole: spawning it with its other touches would lock less than the work writes. A touch
// that is prose makes the candidate name no touches, so the engine runs it alone (the plan's rule for prose).

import type { TableRow } from "mdast";
import { isEmptyCell, splitItems } from "../plan/markdown/split-list.js";
import { cellSegments } from "../plan/markdown/table-cells.js";
import { severities } from "../plan/model.js";
import { parseEffort } from "../plan/parse-effort.js";
import { parseBoolean } from "../plan/parse-values.js";
import type { CandidateColumns, CandidateField } from "./candidate-columns.js";
import { checkTouches } from "./check-touches.js";
import {
  maxAcceptanceChars,
  maxCandidateTouches,
  maxDedupKeyChars,
  maxEffortChars,
  maxIdChars,
  maxTitleChars,
} from "./report-limits.js";
import type { ReportCandidate } from "./report-model.js";
import { capText, cleanLine, quote } from "./report-text.js";

export function readCandidateRow(
  row: TableRow,
  columns: CandidateColumns,
  rowNumber: number,
): { candidate: ReportCandidate | null; problems: string[] } {
  const problems: string[] = [];
  const text = (field: CandidateField): string => {
    const column = columns[field];
    if (!column) return "";
    const joined = cellSegments(row, column.index)
      .map((segment) => segment.text)
      .join("");
    return cleanLine(joined);
  };
  const rawId = text("id");
  let where = `SpawnCandidates row ${rowNumber}${rawId ? ` (${capText(rawId, maxIdChars).text})` : ""}`;
  const capped = (field: CandidateField, name: string, max: number): string | null => {
    const value = text(field);
    if (isEmptyCell(value)) return null;
    const cut = capText(value, max);
    if (cut.cut) problems.push(`${where}: the ${name} is ${value.length} characters long; cut to ${max}`);
    return cut.text;
  };
  if (lonelyBacktick(row)) {
    problems.push(
      `${where}: a cell holds a lone backtick; if it was a code span holding |, write that | as \\| (the columns may have shifted)`,
    );
  }
  const id = capped("id", "ID", maxIdChars);
  const title = capped("title", "subtask", maxTitleChars);
  if (id === null || title === null) {
    problems.push(`${where}: the row has no ${id === null ? "ID" : "subtask"}; the candidate was dropped`);
    return { candidate: null, problems };
  }
  where = `SpawnCandidates row ${rowNumber} (${id})`;

  const touches = readCellTouches(row, columns);
  const checked = checkTouches(touches);
  if (checked.invalid.length > 0) {
    problems.push(`${where}: ${checked.invalid.join("; ")}; the candidate was dropped`);
    return { candidate: null, problems };
  }
  if (checked.paths.length > maxCandidateTouches) {
    problems.push(
      `${where}: it names ${checked.paths.length} touches (at most ${maxCandidateTouches}); the candidate was dropped`,
    );
    return { candidate: null, problems };
  }
  let paths = checked.paths;
  if (checked.prose.length > 0) {
    problems.push(
      `${where}: touch ${quote(checked.prose[0] ?? "")} is not a path, so the candidate names no touches and will run alone`,
    );
    paths = [];
  }

  const effort = capped("effort", "effort", maxEffortChars);
  const effortHours = effort === null ? null : effortHoursOf(effort);
  if (effort !== null && effortHours === null) {
    problems.push(`${where}: effort ${quote(effort)} cannot be read (write S, M, L, XL or hours like 3h)`);
  }
  return {
    candidate: {
      id,
      title,
      touches: paths,
      effort,
      effortHours,
      needsUserInput: readUserInput(text("userInput"), where, problems),
      severity: readSeverity(text("severity"), where, problems),
      dedupKey: capped("dedupKey", "dedup key", maxDedupKeyChars),
      acceptance: capped("acceptance", "acceptance criteria", maxAcceptanceChars),
    },
    problems,
  };
}

/** Code spans are one touch each (`a,b.ts` stays whole); without any, the cell is a comma list. */
function readCellTouches(row: TableRow, columns: CandidateColumns): string[] {
  if (!columns.touches) return [];
  const segments = cellSegments(row, columns.touches.index);
  const code = segments.filter((segment) => segment.code);
  return code.length > 0 ? code.map((segment) => segment.text.trim()) : splitItems(segments);
}

function readUserInput(value: string, where: string, problems: string[]): boolean {
  if (isEmptyCell(value)) return false;
  const parsed = parseBoolean(value);
  if (parsed !== null) return parsed;
  // Unclear means a person decides: a candidate is never auto-spawned on a guess.
  problems.push(`${where}: user input ${quote(value)} is not true or false; read as true`);
  return true;
}

function readSeverity(value: string, where: string, problems: string[]): ReportCandidate["severity"] {
  if (isEmptyCell(value)) return "medium";
  const word = value.toLowerCase();
  const known = severities.find((severity) => severity === word);
  if (known) return known;
  problems.push(`${where}: severity ${quote(value)} is not low, medium, high or critical; read as medium`);
  return "medium";
}

/** A backtick left in a cell's text: a code span that a `|` split in two (`file|intent` unescaped). */
function lonelyBacktick(row: TableRow): boolean {
  return row.children.some((cell) =>
    cell.children.some((node) => node.type === "text" && node.value.includes("`")),
  );
}

/** A candidate's effort in hours by the plan's own rules (`S`, `M (3 hours)`, `90min`); null when unreadable. */
export function effortHoursOf(effort: string): number | null {
  const parsed = parseEffort(effort);
  return "error" in parsed ? null : parsed.hours;
}
