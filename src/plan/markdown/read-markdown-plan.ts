// The shared front of every markdown extractor: refuse oversized text, parse it, and say where the parser stopped
// reading when the document nests deeper than it follows (what lies past that point would otherwise vanish
// without a word, taking tasks with it).

import type { Root } from "mdast";
import type { Diagnostics } from "../diagnostics.js";
import { fitsSizeLimit } from "../plan-size.js";
import { findNestingLimit } from "./nesting-limit.js";
import { parseMarkdown } from "./parse-markdown.js";

export function readMarkdownPlan(text: string, diag: Diagnostics): Root | null {
  if (!fitsSizeLimit(text, diag)) return null;
  let tree: Root;
  try {
    tree = parseMarkdown(text);
  } catch (error) {
    diag.error(0, `cannot read the markdown: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const stoppedAt = findNestingLimit(tree);
  if (stoppedAt !== null) {
    diag.error(
      stoppedAt,
      "the markdown nests more than 20 levels deep here; what follows it may not be read",
      "flatten the nesting: tasks need two levels, fields and notes a third",
    );
  }
  return tree;
}
