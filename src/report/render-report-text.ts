// Agent text as markdown that renders literally on GitHub and reads back as the same text (report-text.ts's
// normal form): every line through the project's issue-safe escaping, so no mention, reference, link, HTML or
// markup survives, and each line its own paragraph, so no line can join, start or end a block.

import { renderTable } from "../render/markdown-text.js";
import { issueBlockText, issueCode, issueInline } from "../render/markdown-text-github.js";
import { maxTouchChars } from "./report-limits.js";

/**
 * Multi-line text as blocks: a line starting with `- ` as a list item (consecutive ones as one list), every other
 * line as its own paragraph. The empty text is nothing. A line that would read back differently as an item (a
 * task box `[x]`, which the parser takes apart) stays a paragraph.
 */
export function textParagraphs(text: string, maxChars: number): string[] {
  if (text === "") return [];
  const out: string[] = [];
  let inList = false;
  for (const line of text.split("\n")) {
    const item = line.startsWith("- ") ? line.slice(2) : null;
    if (item !== null && item !== "" && !/^\[[ xX]\]/.test(item)) {
      out.push(`- ${issueBlockText(item, maxChars)}`);
      inList = true;
      continue;
    }
    if (inList) out.push("");
    out.push(issueBlockText(line, maxChars), "");
    inList = false;
  }
  if (inList) out.push("");
  return out;
}

/**
 * Inline text for a heading. A heading drops a trailing run of `#` after a space (its optional closing
 * sequence), so a trailing `#` is escaped to keep it.
 */
export function headingInline(text: string, maxChars: number): string {
  return issueInline(text, maxChars).replace(/#+$/, (run) => `\\${run}`);
}

/** Paths as a bullet list of code spans (GitHub scans no code for mentions, so paths stay copyable). */
export function pathList(paths: readonly string[]): string[] {
  if (paths.length === 0) return ["None", ""];
  return [...paths.map((path) => `- ${issueCode(path, { maxChars: maxTouchChars })}`), ""];
}

/** Paths in a table cell, or `-` for none. */
export function pathCell(paths: readonly string[]): string {
  if (paths.length === 0) return "-";
  return paths.map((path) => issueCode(path, { inTable: true, maxChars: maxTouchChars })).join(", ");
}

/** A cell for text that may be absent (`-` reads back as absent). */
export function optionalCell(text: string | null, maxChars: number): string {
  return text === null ? "-" : issueInline(text, maxChars);
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [...renderTable(header, rows), ""];
}
