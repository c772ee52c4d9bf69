// A section's content as lines of plain text, the form summaries, questions and handoff notes take in the
// structured report. Each paragraph, heading, list item, table row and code line becomes one line; list items
// keep their bullet (`- `, `2. `, `- [x] `) so a list still reads as one. A paragraph's wrapped lines are joined,
// as markdown shows them, except where a line starts with a bold label (`**Question:** …` under `**Context:**
// …`). Raw HTML is dropped (nodeText does the same), and the walk uses an explicit stack because hostile nesting
// must not exhaust the call stack.

import type { Nodes, Paragraph } from "mdast";
import { nodeText } from "../plan/markdown/node-text.js";
import { paragraphLines, readBoldField } from "../plan/markdown/paragraph-lines.js";
import { cleanLine } from "./report-text.js";

interface Work {
  node: Nodes;
  /** What the node's first line starts with: a list item's bullet. */
  lead: string;
}

export function sectionLines(nodes: readonly Nodes[]): string[] {
  const lines: string[] = [];
  const push = (text: string) => {
    const line = cleanLine(text);
    if (line !== "") lines.push(line);
  };
  const stack: Work[] = [];
  const pushAll = (children: readonly Nodes[], lead: string) => {
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i] as Nodes, lead: i === 0 ? lead : "" });
  };
  pushAll(nodes, "");
  while (stack.length > 0) {
    const { node, lead } = stack.pop() as Work;
    switch (node.type) {
      case "paragraph": {
        let current = lead;
        paragraphLines(node).forEach((line, index) => {
          const text = nodeText({ type: "paragraph", children: line.nodes } satisfies Paragraph);
          if (index > 0 && readBoldField(line)) {
            push(current);
            current = text;
          } else current = index === 0 ? current + text : `${current} ${text}`;
        });
        push(current);
        break;
      }
      case "heading":
        push(lead + nodeText(node));
        break;
      case "code":
        node.value.split("\n").forEach((line, index) => {
          push(index === 0 ? lead + line : line);
        });
        break;
      case "table":
        node.children.forEach((row, index) => {
          const cells = row.children.map((cell) => cleanLine(nodeText(cell)));
          push((index === 0 ? lead : "") + cells.join(" | "));
        });
        break;
      case "list":
        for (let i = node.children.length - 1; i >= 0; i--) {
          const item = node.children[i];
          if (!item) continue;
          const bullet = node.ordered ? `${(node.start ?? 1) + i}. ` : "- ";
          const box =
            item.checked === null || item.checked === undefined ? "" : item.checked ? "[x] " : "[ ] ";
          stack.push({ node: item, lead: bullet + box });
        }
        break;
      case "listItem":
      case "blockquote":
        if (node.children.length === 0) push(lead);
        else pushAll(node.children, lead);
        break;
      default:
        // Raw HTML, thematic breaks and the like carry no text a person wrote for the report.
        break;
    }
  }
  return lines;
}

/** "None identified.", "None", "N/A", "No escalations needed": a section empty on purpose, not unreadable. */
export function saysNone(lines: readonly string[]): boolean {
  const first = lines[0];
  if (first === undefined) return true;
  const words = first
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ");
  if (words[0] === "none" || (words[0] === "n" && words[1] === "a")) return true;
  return words[0] === "no" && words.length <= 5;
}
