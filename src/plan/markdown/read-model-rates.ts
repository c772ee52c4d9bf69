// A `| Model | USD per hour |` table: the plan's own hourly rates, overriding the defaults model by model.

import type { Table } from "mdast";
import type { Sourced } from "../draft.js";
import { bodyRows, cellText, tableColumns } from "./table-cells.js";
import { lineOf } from "./walk-tree.js";

const ratePattern = /\busd\b|\brate\b|per hour|\$/;

/** Undefined when the table is not a model-rate table (a task registry also has a Model column). */
export function readModelRates(table: Table): Sourced<Record<string, string>> | undefined {
  const columns = tableColumns(table);
  const model = columns.find((column) => column.label === "model");
  const rate = columns.find((column) => ratePattern.test(column.label));
  if (!model || !rate || columns.some((column) => column.label === "task")) return undefined;
  const entries: [string, string][] = [];
  for (const row of bodyRows(table)) {
    const name = cellText(row, model.index);
    if (name !== "") entries.push([name, cellText(row, rate.index)]);
  }
  // fromEntries defines own properties, so a model named `__proto__` cannot touch the prototype.
  return { value: Object.fromEntries(entries), line: lineOf(table) };
}
