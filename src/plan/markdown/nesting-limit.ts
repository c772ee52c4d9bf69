// The markdown reader stops at 20 levels of block nesting and silently skips what follows, up to the end of the
// enclosing list or quote and often of the whole document (markdown-it's `maxNesting`, which keeps hostile
// nesting cheap). A plan nested that deep would lose tasks without a word, so the extractor looks for a
// container at the last level the reader opens and reports where the reading stopped.

import type { Nodes, Root } from "mdast";

/** Token nesting level of the deepest container markdown-it opens before it gives up (its maxNesting is 20). */
const lastLevel = 19;

const containers: ReadonlySet<string> = new Set(["list", "listItem", "blockquote"]);

/** The line of the first container at the nesting limit, or null when the whole document was read. */
export function findNestingLimit(root: Root): number | null {
  const stack: { node: Nodes; level: number }[] = root.children.map((node) => ({ node, level: 0 })).reverse();
  while (stack.length > 0) {
    const { node, level } = stack.pop() as { node: Nodes; level: number };
    if (!containers.has(node.type)) continue;
    if (level >= lastLevel) return node.position?.start.line ?? 0;
    const children = (node as { children?: Nodes[] }).children ?? [];
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i] as Nodes, level: level + 1 });
  }
  return null;
}
