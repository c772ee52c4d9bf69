// A paragraph's source lines as separate inline runs, and the `**Label:** value` shape read from one of them.
// Plans stack several fields in one paragraph (`**Feature:** …` then `**Track:** …` on the next line), which
// markdown joins into a single paragraph; splitting at line ends recovers each field with its own line.

import type { Nodes, Paragraph, PhrasingContent, Strong } from "mdast";
import { collapseSpace, nodeText, type Segment, toSegments } from "./node-text.js";
import { lineOf } from "./walk-tree.js";

export interface InlineLine {
  line: number;
  nodes: PhrasingContent[];
}

/** `**Label:** value` or `**Label**: value`: the label without its colon, the value as segments. */
export interface BoldField {
  label: string;
  line: number;
  segments: Segment[];
}

export function paragraphLines(paragraph: Paragraph): InlineLine[] {
  const lines: InlineLine[] = [];
  let lineNo = lineOf(paragraph);
  let current: InlineLine = { line: lineNo, nodes: [] };
  const next = () => {
    lines.push(current);
    lineNo += 1;
    current = { line: lineNo, nodes: [] };
  };
  for (const node of paragraph.children) {
    lineNo = Math.max(lineNo, lineOf(node));
    if (current.nodes.length === 0) current.line = lineNo;
    if (node.type === "break") {
      next();
    } else if (node.type === "text" && node.value.includes("\n")) {
      const pieces = node.value.split("\n");
      pieces.forEach((piece, index) => {
        if (index > 0) next();
        if (piece !== "") current.nodes.push({ type: "text", value: piece });
      });
    } else {
      current.nodes.push(node);
    }
  }
  lines.push(current);
  return lines.filter((line) => line.nodes.length > 0);
}

/** The strong node a line starts with (after white space), and what follows it. */
function leadingStrong(
  nodes: readonly PhrasingContent[],
): { strong: Strong; rest: PhrasingContent[] } | undefined {
  let index = 0;
  while (index < nodes.length) {
    const node = nodes[index] as PhrasingContent;
    if (node.type !== "text" || node.value.trim() !== "") break;
    index += 1;
  }
  const strong = nodes[index];
  if (strong?.type !== "strong") return undefined;
  return { strong, rest: nodes.slice(index + 1) };
}

export function readBoldField(line: InlineLine): BoldField | undefined {
  const lead = leadingStrong(line.nodes);
  if (!lead) return undefined;
  let label = collapseSpace(nodeText(lead.strong));
  let segments = toSegments(lead.rest as Nodes[]);
  if (label.endsWith(":")) {
    label = label.slice(0, -1).trimEnd();
  } else {
    const first = segments[0];
    if (!first || first.code || !/^\s*:/.test(first.text)) return undefined;
    segments = [{ text: first.text.replace(/^\s*:/, ""), code: false }, ...segments.slice(1)];
  }
  return label === "" ? undefined : { label, line: line.line, segments };
}

/** `**T03**: title` → id `T03` and the segments after the separator; undefined when no strong text leads. */
export function readStrongHead(line: InlineLine): { id: string; rest: Segment[] } | undefined {
  const lead = leadingStrong(line.nodes);
  if (!lead) return undefined;
  const id = collapseSpace(nodeText(lead.strong)).replace(/:$/, "").trimEnd();
  const rest = toSegments(lead.rest as Nodes[]);
  const first = rest[0];
  if (first && !first.code) rest[0] = { text: first.text.replace(/^\s*[:—–-]?\s*/, ""), code: false };
  return { id, rest };
}

/**
 * Every field in a run of lines. A line that is not a field continues the field before it (a value wrapped onto
 * the next line); lines before the first field are returned as `other`.
 */
export function readFieldLines(lines: readonly InlineLine[]): { fields: BoldField[]; other: InlineLine[] } {
  const fields: BoldField[] = [];
  const other: InlineLine[] = [];
  for (const line of lines) {
    const field = readBoldField(line);
    const last = fields[fields.length - 1];
    if (field) fields.push(field);
    else if (last) {
      // A loop, not push(...spread): a hostile line can hold more nodes than a call may take arguments.
      last.segments.push({ text: " ", code: false });
      for (const segment of toSegments(line.nodes as Nodes[])) last.segments.push(segment);
    } else other.push(line);
  }
  return { fields, other };
}
