// Mermaid has no escaping for ids and only entity codes for labels, so plan text is reduced to what each diagram's
// lexer cannot misread. Whatever comes out of here contains no backtick, so it can never close a ```mermaid fence.

import { plainText } from "./markdown-text.js";

/** Longest label printed inside a diagram (the registry table carries the full title). */
export const maxDiagramLabelChars = 60;

/**
 * Maps plan ids to Mermaid-safe node ids: `T03` → `u_T03`. The `u_` prefix keeps ids clear of keywords (`end`,
 * `graph`, `done`, `crit`…) and of a leading digit; ids that differ only in unsafe characters or in case (Mermaid
 * may fold case) get `_2`, `_3`… so two units never share a node.
 */
export function createMermaidIds(): (id: string) => string {
  const assigned = new Map<string, string>();
  const taken = new Set<string>();
  return (id) => {
    const known = assigned.get(id);
    if (known !== undefined) return known;
    const base = `u_${id.slice(0, 60).replace(/[^A-Za-z0-9_]/g, "_")}`;
    let candidate = base;
    for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) candidate = `${base}_${suffix}`;
    taken.add(candidate.toLowerCase());
    assigned.set(id, candidate);
    return candidate;
  };
}

const labelEntities: Record<string, string> = {
  "#": "#35;",
  '"': "#quot;",
  "<": "#lt;",
  ">": "#gt;",
  "&": "#amp;",
  "`": "#96;",
};

/** Text for a flowchart node written as `id["…"]`: quotes, `#`, HTML and backticks become Mermaid entity codes. */
export function flowchartLabel(text: string): string {
  return plainText(text, maxDiagramLabelChars).replace(/[#"<>&`]/g, (char) => labelEntities[char] ?? "");
}

// Gantt lexer rules that win over task text when a line starts with them (jison takes the first matching rule).
const ganttKeywordStart =
  /^(gantt|dateformat\s|inclusiveenddates|topaxis|axisformat\s|tickinterval\s|includes\s|excludes\s|todaymarker\s|weekday\s|weekend\s|title\s|accdescription|acctitle|accdescr|section\s|click\s|call\s|href\s|\d{4}-\d\d-\d\d)/i;

/**
 * Text for a gantt task line `text : id, start, end`. `:` ends the text, `;` ends the statement, `#` and `%` start
 * comments (and `<`, `>` could pass for HTML), so they are dropped; a text that would lex as a keyword or a date is prefixed with `task `.
 */
export function ganttText(text: string): string {
  const cleaned = plainText(text.replace(/[:;#%`<>]/g, " "), maxDiagramLabelChars);
  // Tested with the space that follows the text on the line: `call :` lexes as the `call` keyword too.
  return ganttKeywordStart.test(`${cleaned} `) ? `task ${cleaned}` : cleaned;
}
