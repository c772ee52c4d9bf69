// Which lines of a comment are command lines: a line whose first character (after spaces or tabs) is `/`
// followed by a word of letters and then white space or the line's end, in a paragraph that GitHub shows as
// plain text. The block structure comes from the project's one markdown parser, so code blocks (fenced or
// indented), HTML blocks and comments, headings and tables never hold a command, and nothing inside a block
// quote does (a quote repeats someone else's words; a line right under a quote without a blank line between is
// part of that quote, as GitHub shows it). Paragraphs in list items count, but only their lines that start with
// `/`: the bullet line `- /dispatch` starts with `-`, a continuation line under it may be a command.
//
// Inside a paragraph the source line must start with `/` *and* the rendered text must start that line with the
// same `/word`: this drops lines that begin inside a multi-line code span or inline HTML comment, and `\/word` or
// `&#47;word` escapes (the way to write a slash word that is not a command).

import type { Nodes, Paragraph, PhrasingContent } from "mdast";
import { parseMarkdown } from "../../plan/markdown/parse-markdown.js";

export interface CommandLine {
  /** 1-based line in the body. */
  line: number;
  /** The word after the slash, as written. */
  word: string;
  /** What follows the word on its line, trimmed (a hard-break backslash at the end dropped). */
  rest: string;
  /** The last line of its paragraph: an answer may continue up to there. */
  paragraphEnd: number;
}

// Longer words are never commands (the longest is 8 letters), so a hostile run of letters is not scanned further.
const commandStart = /^[ \t]*\/([A-Za-z]{1,32})(?=\s|$)/;
// Stands for inline code, HTML, images: content that never starts a command line.
const opaque = "\uFFFC";

/** `lines` is `text` split on "\n" (the caller normalised line endings). */
export function commandLines(text: string, lines: readonly string[]): CommandLine[] {
  const found: CommandLine[] = [];
  for (const paragraph of plainParagraphs(parseMarkdown(text).children)) {
    const first = (paragraph.position?.start.line ?? 1) - 1;
    const last = Math.min((paragraph.position?.end.line ?? 1) - 1, lines.length - 1);
    const shown = renderedLines(paragraph.children);
    // A multi-line code span or HTML comment shows fewer lines than its source; an entity newline shows more.
    // A shown line maps to a source line no more than that difference away, in order.
    const fewer = Math.max(0, last - first + 1 - shown.length);
    const more = Math.max(0, shown.length - (last - first + 1));
    let next = first;
    for (let k = 0; k < shown.length; k++) {
      const word = commandStart.exec(shown[k] as string)?.[1];
      if (word === undefined) continue;
      const from = Math.max(next, first + k - more);
      const to = Math.min(last, first + k + fewer);
      for (let j = from; j <= to; j++) {
        const source = commandStart.exec(lines[j] as string);
        if (source?.[1] !== word) continue;
        const rest = (lines[j] as string).slice(source[0].length);
        found.push({ line: j + 1, word, rest: withoutHardBreak(rest), paragraphEnd: last + 1 });
        next = j + 1;
        break;
      }
    }
  }
  return found;
}

/** Paragraphs outside block quotes, in document order (lists are walked; quotes, code, HTML, tables are not). */
function plainParagraphs(top: readonly Nodes[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  // An explicit stack: the parser caps nesting, but a walk that cannot overflow needs no such promise.
  const stack: Nodes[] = [...top].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === "paragraph") paragraphs.push(node);
    else if (node.type === "list" || node.type === "listItem") {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return paragraphs;
}

/** The paragraph's text as shown, one string per shown line; inline code and HTML become one opaque mark. */
function renderedLines(children: readonly PhrasingContent[]): string[] {
  let text = "";
  const stack: PhrasingContent[] = [...children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as PhrasingContent;
    if (node.type === "text") text += node.value;
    else if (node.type === "break") text += "\n";
    else if ("children" in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as PhrasingContent);
    } else text += opaque;
  }
  return text.split("\n");
}

function withoutHardBreak(rest: string): string {
  return rest.trim().replace(/\\$/, "").trimEnd();
}
