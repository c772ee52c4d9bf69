// Comma lists as plans write them: `a.py`, `b/`, [note, with comma], Gate-M (contracts, data). Only commas at
// the top level split; a code span, a [bracketed note] or a (parenthetical) stays whole. Linear scans, no
// regex backtracking: values are hostile input.

import { collapseSpace, type Segment } from "./node-text.js";

export function splitItems(segments: readonly Segment[]): string[] {
  const items: string[] = [];
  let current = "";
  let depth = 0;
  for (const segment of segments) {
    if (segment.code) {
      current += segment.text;
      continue;
    }
    let start = 0;
    const text = segment.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === "(" || ch === "[") depth += 1;
      else if ((ch === ")" || ch === "]") && depth > 0) depth -= 1;
      else if (ch === "," && depth === 0) {
        items.push(current + text.slice(start, i));
        current = "";
        start = i + 1;
      }
    }
    current += text.slice(start);
  }
  items.push(current);
  return items.map(collapseSpace).filter((item) => item !== "");
}

/** `T00 (if brownfield)` → `T00`; nested and unclosed parentheses are removed to the end. */
export function stripParentheticals(text: string): string {
  let out = "";
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") {
      if (depth === 0) out += text.slice(start, i);
      depth += 1;
    } else if (ch === ")" && depth > 0) {
      depth -= 1;
      if (depth === 0) start = i + 1;
    }
  }
  if (depth === 0) out += text.slice(start);
  return collapseSpace(out);
}

/** A table cell that says "nothing here" with a dash, or says nothing. */
export function isEmptyCell(text: string): boolean {
  return /^[-—–]?$/.test(text.trim());
}
