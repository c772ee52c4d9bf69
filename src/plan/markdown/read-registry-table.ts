// The task registry table of a generated continuous dispatch plan:
//   | Task | Role | Model | Concurrency | Mode | Effort | Deps | Touches |
// Columns are matched by header name in any order; Task, Deps and Touches are required, Title, Status and Cost
// (and any other task-field label) are optional. An effort cell may carry the task's explicit cost:
// `M (3 hours) ($0.132)` → effort `M (3 hours)`, cost `$0.132`.

import type { Table } from "mdast";
import type { Diagnostics } from "../diagnostics.js";
import type { DraftTask } from "../draft.js";
import { applyTaskField, setTaskField } from "./apply-task-field.js";
import { fieldShape, type TaskFieldKey, taskFieldKey } from "./field-labels.js";
import { collapseSpace } from "./node-text.js";
import { isEmptyCell } from "./split-list.js";
import { bodyRows, cellSegments, cellText, type TableColumn, tableColumns } from "./table-cells.js";
import { lineOf } from "./walk-tree.js";

export const registryHeaderHint =
  "a task registry is a table whose header names its columns: | Task | Role | Model | Concurrency | Mode | Effort | Deps | Touches |";

const idLabels = new Set(["task", "task id", "id"]);

interface FieldColumn extends TableColumn {
  key: TaskFieldKey;
}

/**
 * The table's tasks; undefined when the table is not a task registry (a risk register also has a Task column,
 * but no task-field columns). A registry missing a required column gives an error and no tasks.
 */
export function readRegistryTable(table: Table, diag: Diagnostics): DraftTask[] | undefined {
  const columns = tableColumns(table);
  const idColumn = columns.find((column) => idLabels.has(column.label));
  if (!idColumn) return undefined;
  const titleColumn = columns.find((column) => column.label === "title");
  const fields: FieldColumn[] = [];
  const unknown: TableColumn[] = [];
  for (const column of columns) {
    if (column === idColumn || column === titleColumn) continue;
    const key = taskFieldKey(column.header);
    if (key === undefined) unknown.push(column);
    else if (key !== "ignored") fields.push({ ...column, key });
  }
  if (fields.length === 0) return undefined;

  const line = lineOf(table);
  const missing = (["deps", "touches"] as const).filter(
    (key) => !fields.some((column) => column.key === key),
  );
  if (missing.length > 0) {
    const names = missing.map((key) => (key === "deps" ? "Deps" : "Touches")).join(" and ");
    diag.error(line, `the task registry table has no ${names} column`, registryHeaderHint);
    return [];
  }
  for (const column of unknown) {
    diag.warning(line, `column "${column.header}" of the task registry is not a task field; ignored`);
  }

  const tasks: DraftTask[] = [];
  for (const row of bodyRows(table)) {
    const rowLine = lineOf(row);
    const id = cellText(row, idColumn.index);
    if (id === "") {
      diag.error(
        rowLine,
        "a task registry row has no task id",
        "put the task's id (e.g. T03) in the Task column",
      );
      continue;
    }
    const task: DraftTask = { id, line: rowLine, title: "", fields: {}, subtasks: [] };
    if (titleColumn) task.title = cellText(row, titleColumn.index);
    let costInEffort: string | undefined;
    for (const column of fields) {
      const segments = cellSegments(row, column.index);
      const text = collapseSpace(segments.map((segment) => segment.text).join(""));
      if (isEmptyCell(text)) {
        // A dash in a list column means "none"; in a text column, "not given".
        if (fieldShape(column.key) !== "text") setTaskField(task, column.key, [], rowLine);
        continue;
      }
      if (column.key === "effort" && !task.fields.effort) {
        const split = splitEffortCost(text);
        costInEffort = split.cost;
        setTaskField(task, "effort", split.effort, rowLine);
        continue;
      }
      applyTaskField(task, { label: column.header, line: rowLine, segments, nested: [] }, diag);
    }
    // A Cost column is the more explicit of the two.
    if (costInEffort && !task.fields.cost) setTaskField(task, "cost", costInEffort, rowLine);
    tasks.push(task);
  }
  return tasks;
}

/** `M (3 hours) ($0.132)` → `M (3 hours)` and `$0.132`; a cell without a trailing `($…)` is all effort. */
export function splitEffortCost(text: string): { effort: string; cost?: string } {
  const open = text.lastIndexOf("(");
  if (!text.endsWith(")") || open < 0) return { effort: text };
  const inner = text.slice(open + 1, -1).trim();
  if (!/^\$ ?\d[\d,]*(\.\d+)?$/.test(inner)) return { effort: text };
  return { effort: text.slice(0, open).trim(), cost: inner };
}
