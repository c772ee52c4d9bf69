// GFM tables by header name: columns are found by their (normalised) header text, in any order.

import type { Nodes, Table, TableRow } from "mdast";
import { normalizeLabel } from "./field-labels.js";
import { collapseSpace, nodeText, type Segment, segmentsText, toSegments } from "./node-text.js";

export interface TableColumn {
  index: number;
  /** As written, for messages. */
  header: string;
  /** Lower case, dashes and underscores as spaces: `Auto-spawn` → `auto spawn`. */
  label: string;
}

export function tableColumns(table: Table): TableColumn[] {
  const header = table.children[0]?.children ?? [];
  return header.map((cell, index) => {
    const text = collapseSpace(nodeText(cell));
    return { index, header: text, label: normalizeLabel(text) };
  });
}

export function bodyRows(table: Table): TableRow[] {
  return table.children.slice(1);
}

export function cellSegments(row: TableRow, index: number): Segment[] {
  return toSegments((row.children[index]?.children ?? []) as Nodes[]);
}

export function cellText(row: TableRow, index: number): string {
  return segmentsText(cellSegments(row, index));
}
