// A pre-order walk over an mdast tree in document order, with an explicit stack: plans are hostile input and
// deep nesting must never overflow the call stack.

import type { Nodes } from "mdast";

/** `visit` returns false to skip the node's descendants. */
export function walkTree(root: Nodes, visit: (node: Nodes) => boolean | undefined): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (visit(node) === false || !("children" in node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
}

export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}
