// Plan text (titles, ids, touches, roles) is hostile: it must never open a block, close a fence, add a table cell,
// smuggle raw HTML or run to megabytes on one line. Every piece of plan text goes through one of these functions.

/** Longest piece of plan text printed inline; longer text is cut with `…` (the full text stays in `--json`). */
export const maxInlineChars = 200;

// C0/C1 controls and the bidirectional overrides that can make text read differently from what it is.
const invisible = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const whitespace = /\s+/g;
// Punctuation that can start inline markup, raw HTML, an entity, a table cell break or (on GitHub) inline math.
const markdownPunctuation = /[\\`*_[\]<>|~$&]/g;

/** One line of plain text: controls removed, whitespace (newlines included) collapsed, cut at `maxChars`. */
export function plainText(text: string, maxChars = maxInlineChars): string {
  // Whitespace first: newlines and tabs are controls too, and must become spaces rather than vanish.
  const flat = text.replace(whitespace, " ").replace(invisible, "").trim();
  return truncate(flat, maxChars);
}

/** Cuts at `maxChars` UTF-16 units without splitting a surrogate pair, marking the cut with `…`. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Plan text as inline markdown that renders literally (safe inside a list item, a heading or a table cell). */
export function escapeInline(text: string, maxChars = maxInlineChars): string {
  return plainText(text, maxChars).replace(markdownPunctuation, "\\$&");
}

/** An id as inline markdown: ids are short, and one that is only invisible characters must still show up. */
export function escapeId(id: string): string {
  return escapeInline(id, 60) || "(blank id)";
}

/**
 * Plan text as a code span (`` `src/a.ts` ``). The fence is one backtick longer than any run inside, so a path with
 * backticks cannot close it early. In a GFM table a `|` must be escaped even inside a code span (GFM splits cells
 * before it parses inlines), while outside a table the backslash would show, hence `inTable`.
 */
export function codeSpan(text: string, options: { inTable?: boolean; maxChars?: number } = {}): string {
  let content = plainText(text, options.maxChars ?? maxInlineChars);
  if (content === "") return "(empty)";
  if (options.inTable) {
    // `\|` cannot be written inside a code span in a table (the cell splitter eats the backslash): show it as text.
    if (content.includes("\\|")) return escapeInline(content);
    content = content.replaceAll("|", "\\|");
  }
  let longestRun = 0;
  for (const run of content.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = "`".repeat(longestRun + 1);
  const padded = content.startsWith("`") || content.endsWith("`") ? ` ${content} ` : content;
  return `${fence}${padded}${fence}`;
}

/** Escaped items joined with `, `, at most `maxItems` of them, then `… N more`. */
export function inlineList(
  items: readonly string[],
  format: (item: string) => string,
  maxItems = 20,
): string {
  const shown = items.slice(0, maxItems).map(format);
  if (items.length > maxItems) shown.push(`… ${items.length - maxItems} more`);
  return shown.join(", ");
}

/**
 * A GFM table; an empty cell is written as a single space so the row keeps its cell count. Cell text must already
 * be escaped (escapeInline, or codeSpan with inTable), which guarantees no `|` or newline adds a cell or ends the row.
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string =>
    `| ${header.map((_, index) => cells[index] || " ").join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)];
}
