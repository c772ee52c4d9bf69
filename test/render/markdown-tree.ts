// Reads rendered markdown back the way GitHub would (CommonMark + GFM), so tests assert on what a reader sees.

import type { Code, Nodes, Root, Table } from "mdast";
import { parseMarkdown } from "../../src/plan/markdown/parse-markdown.js";

export function parse(markdown: string): Root {
  return parseMarkdown(markdown);
}

/** Visible text of a node: text, inline code and link text, with markup removed. */
export function nodeText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "html") return node.value;
  if ("children" in node) return node.children.map((child) => nodeText(child as Nodes)).join("");
  return "";
}

function collect<T extends Nodes>(root: Root, type: T["type"]): T[] {
  const found: T[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === type) found.push(node as T);
    if ("children" in node) for (const child of [...node.children].reverse()) stack.push(child as Nodes);
  }
  return found;
}

export function tables(root: Root): Table[] {
  return collect<Table>(root, "table");
}

export function headings(root: Root): string[] {
  return root.children.flatMap((node) =>
    node.type === "heading" ? [`${"#".repeat(node.depth)} ${nodeText(node)}`] : [],
  );
}

export function mermaidBlocks(root: Root): string[] {
  return collect<Code>(root, "code")
    .filter((code) => code.lang === "mermaid")
    .map((code) => code.value);
}

/** Visible text of every list item, in document order. */
export function listItems(root: Root): string[] {
  return collect<Nodes>(root, "listItem").map((node) => nodeText(node));
}

export function htmlNodes(root: Root): string[] {
  return collect<Nodes>(root, "html").map((node) => nodeText(node));
}

/** The cells' visible text, row by row (header row first). */
export function tableCells(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => nodeText(cell)));
}

export const dispatchPlanHeadings = [
  "## Summary",
  "## Task registry",
  "## Initial ready set",
  "## Lock plan",
  "## Expected discoveries and auto-spawn rules",
  "## Gates and track limits",
  "## Estimated schedule",
  "## Dependency graph",
];
