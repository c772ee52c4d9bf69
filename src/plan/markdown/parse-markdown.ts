// The one place markdown becomes an mdast tree (CommonMark + GFM tables and task-list items), with line
// positions so every extractor can report 1-based lines.
//
// Tokenising is done by markdown-it, not micromark: measured on these machines, micromark with
// mdast-util-from-markdown reads about 50 KB/s and grows quadratically with list length (an 880 KB task list took
// six minutes), while markdown-it is linear at over 1 MB/s and caps nesting. tokens-to-mdast.ts rebuilds the
// standard mdast tree from its tokens; a test compares that tree with micromark's on real plans.

import MarkdownIt from "markdown-it";
import type { Root } from "mdast";
import { tokensToMdast } from "./tokens-to-mdast.js";

// The CommonMark preset caps block nesting at 20 levels (deeper input is read as text, never recursed into),
// which keeps 1,000-deep hostile nesting linear. Tables and strikethrough are the GFM parts plans use.
const markdown = new MarkdownIt("commonmark").enable(["table", "strikethrough"]);

export function parseMarkdown(text: string): Root {
  return tokensToMdast(markdown.parse(text, {}), text);
}
