// Touches Planned and Touches Actual. The template gives each its own heading with a code block, one path per
// line; real reports draw a "Files Touched" tree instead, or list `path` code spans under Created / Modified /
// Deleted. Without a Touches Actual heading, everything under Files Touched except its Touches Planned part is
// what the agent says it changed. Only paths found reliably count: code blocks (lines and trees) and list items
// that start with a code span or are a single word; prose around them is ignored.

import type { List, Nodes, RootContent } from "mdast";
import { nodeText } from "../plan/markdown/node-text.js";
import { readFileTree } from "./read-file-tree.js";
import { contentWithout, type SectionIndex } from "./report-sections.js";

export interface TouchItems {
  planned: string[] | null;
  actual: string[] | null;
}

export function readTouchItems(sections: SectionIndex): TouchItems {
  const planned = sections.touchesPlanned ? touchItems(sections.touchesPlanned.content) : null;
  let actual: string[] | null = null;
  if (sections.touchesActual) actual = touchItems(sections.touchesActual.content);
  else if (sections.filesTouched)
    actual = touchItems(contentWithout(sections.filesTouched, [sections.touchesPlanned]));
  return { planned, actual };
}

export function touchItems(nodes: readonly RootContent[]): string[] {
  const items: string[] = [];
  for (const node of nodes) {
    // Loops, not push(...spread): a hostile code block can hold more lines than a call may take arguments.
    const found =
      node.type === "code" ? readFileTree(node.value) : node.type === "list" ? listItems(node) : [];
    for (const item of found) items.push(item);
  }
  return items;
}

function listItems(list: List): string[] {
  const items: string[] = [];
  for (const item of list.children) {
    const first = item.children[0];
    if (first?.type !== "paragraph") continue;
    const lead = first.children.find((node) => node.type !== "text" || node.value.trim() !== "");
    if (lead?.type === "inlineCode") {
      items.push(lead.value);
      continue;
    }
    const text = (nodeText(first as Nodes).split("\n")[0] ?? "").trim();
    if (text !== "" && !/\s/.test(text)) items.push(text);
  }
  return items;
}
