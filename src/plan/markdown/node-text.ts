// Inline mdast content as text. Values keep the difference between code spans and plain text because list
// splitting treats a code span as one opaque item (a comma inside `a,b.ts` is part of the path).

import type { Nodes } from "mdast";

/** A run of inline text; `code` when it came from a code span (already unwrapped). */
export interface Segment {
  text: string;
  code: boolean;
}

/** Plain text of a node and its descendants, iteratively (hostile nesting must not exhaust the stack). */
export function nodeText(node: Nodes): string {
  let out = "";
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    switch (current.type) {
      case "text":
      case "inlineCode":
      case "code":
        out += current.value;
        break;
      case "break":
        out += "\n";
        break;
      case "image":
        out += current.alt ?? "";
        break;
      default:
        // Raw HTML is dropped: it is never a value a plan means, and hostile markup must not leak into titles.
        if ("children" in current) {
          for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
        }
    }
  }
  return out;
}

export function toSegments(nodes: readonly Nodes[]): Segment[] {
  return nodes.map((node) =>
    node.type === "inlineCode" ? { text: node.value, code: true } : { text: nodeText(node), code: false },
  );
}

/** The segments as one value: white space collapsed, trimmed. */
export function segmentsText(segments: readonly Segment[]): string {
  return collapseSpace(segments.map((segment) => segment.text).join(""));
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
