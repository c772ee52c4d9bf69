// Metrics: a `## Metrics` table (`| Metric | Value |`) and/or a JSON object in a code block under "Performance
// Metrics" (the swarm-iosm template's appendix) or "Metrics". A value that is a plain decimal is a number, anything
// else short text; nested values are refused. The first value of a name counts, at most maxMetrics of them.

import type { Code, RootContent, Table } from "mdast";
import { nodeText } from "../plan/markdown/node-text.js";
import { bodyRows, tableColumns } from "../plan/markdown/table-cells.js";
import { readPlainNumber } from "./plain-number.js";
import { maxMetricNameChars, maxMetrics, maxMetricTextChars } from "./report-limits.js";
import type { SectionIndex } from "./report-sections.js";
import { capText, cleanLine, quote } from "./report-text.js";

/** How a metric's text reads: a number when it is a plain decimal, else the text (as the parser stores it). */
export function metricValue(text: string): number | string {
  return readPlainNumber(text) ?? text;
}

export function readMetrics(sections: SectionIndex): {
  metrics: Record<string, number | string>;
  problems: string[];
} {
  const found = new Map<string, number | string>();
  const problems: string[] = [];
  let dropped = 0;
  const add = (rawName: string, value: unknown) => {
    const name = capText(cleanLine(rawName), maxMetricNameChars).text;
    if (name === "" || found.has(name)) return;
    if (!isMetricName(name)) {
      problems.push(`metric ${quote(name)} has a name no object may hold; it was left out`);
      return;
    }
    const read = readValue(value);
    if (read === null) {
      problems.push(`metric ${quote(name)} is not a number or short text; it was left out`);
    } else if (found.size >= maxMetrics) {
      dropped += 1;
    } else {
      if (read.cut)
        problems.push(`metric ${quote(name)}: its text was cut to ${maxMetricTextChars} characters`);
      found.set(name, read.value);
    }
  };
  const nodes = [...(sections.metrics?.content ?? []), ...(sections.performanceMetrics?.content ?? [])];
  for (const node of nodes) {
    if (node.type === "table") readTable(node, add);
    else if (isJson(node)) readJson(node, add, problems);
  }
  if (dropped > 0) problems.push(`${dropped} more metrics were dropped (at most ${maxMetrics} per report)`);
  // fromEntries, not assignment: a metric called `__proto__` must stay a metric.
  return { metrics: Object.fromEntries(found), problems };
}

/** `__proto__` is refused: as an object key it would not be a metric (JSON schemas drop it, assignment re-parents). */
export function isMetricName(name: string): boolean {
  return name !== "__proto__";
}

function readValue(value: unknown): { value: number | string; cut: boolean } | null {
  if (typeof value === "number") return Number.isFinite(value) ? { value: value + 0, cut: false } : null;
  if (typeof value === "boolean") return { value: String(value), cut: false };
  if (typeof value !== "string") return null;
  const text = cleanLine(value);
  if (text === "") return null;
  // A number first: a long plain decimal (1e200 written out) is a number, not text to cut.
  const number = readPlainNumber(text);
  if (number !== null) return { value: number, cut: false };
  const capped = capText(text, maxMetricTextChars);
  return { value: metricValue(capped.text), cut: capped.cut };
}

function readTable(table: Table, add: (name: string, value: unknown) => void): void {
  const columns = tableColumns(table);
  const name = columns.find((column) => ["metric", "name"].includes(column.label));
  const value = columns.find((column) => ["value", "current", "result"].includes(column.label));
  if (!name || !value) return;
  for (const row of bodyRows(table)) {
    const cell = (index: number) =>
      nodeText({ type: "tableCell", children: row.children[index]?.children ?? [] });
    add(cell(name.index), cell(value.index));
  }
}

function isJson(node: RootContent): node is Code {
  return node.type === "code" && (node.lang === "json" || node.value.trimStart().startsWith("{"));
}

function readJson(code: Code, add: (name: string, value: unknown) => void, problems: string[]): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(code.value);
  } catch {
    problems.push("the metrics code block is not valid JSON; it was not read");
    return;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    problems.push("the metrics code block is not a JSON object of names and values; it was not read");
    return;
  }
  for (const [name, value] of Object.entries(parsed)) add(name, value);
}
