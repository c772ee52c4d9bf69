// The one normal form of every piece of report text, applied by the parser and assumed by the writer, so that a
// report read, written and read again is the same report. A line is plain text: controls and bidirectional
// overrides removed (they can make text read differently from what it is), white space collapsed, trimmed, and no
// zero-width joiner right after `@`, `#`, `GH`, `:` or `www`. Those joiners are what the GitHub-safe escaping
// (render/markdown-text-github.ts) inserts to break mentions and references; removing them on reading undoes it.

import { truncate } from "../render/markdown-text.js";

// The same characters plainText (render/markdown-text.ts) removes, so written text needs no further change.
const invisible = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const whitespace = /\s+/g;
const joiner = "\u200d";
/** What neutraliseReferences puts a joiner after (it looks ahead further; any such joiner goes here). */
const referenceEnds = ["@", "#", ":", "gh", "www"];

/** One line of report text in its normal form (see the top of this file). */
export function cleanLine(text: string): string {
  const flat = text.replace(whitespace, " ").replace(invisible, "").replace(whitespace, " ").trim();
  return flat.includes(joiner) ? dropReferenceJoiners(flat) : flat;
}

/**
 * A linear scan rather than a regex replace: a joiner is dropped when the text kept so far ends with a reference
 * start, so `www‍ww‍` loses both joiners in one pass and the result is stable (reading it again changes nothing).
 */
function dropReferenceJoiners(text: string): string {
  let out = "";
  for (const char of text) {
    if (char === joiner) {
      const tail = out.slice(-3).toLowerCase();
      if (referenceEnds.some((end) => tail.endsWith(end))) continue;
    }
    out += char;
  }
  return out.trim();
}

/** Lines in normal form, blank ones left out. */
export function cleanLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const clean = cleanLine(line);
    if (clean !== "") out.push(clean);
  }
  return out;
}

/** Multi-line text (a summary, a question): its lines in normal form joined by `\n`. */
export function cleanText(text: string): string {
  return cleanLines(text.split("\n")).join("\n");
}

/** The text cut to `max` (marked with `…`), and whether it was cut. */
export function capText(text: string, max: number): { text: string; cut: boolean } {
  return text.length <= max ? { text, cut: false } : { text: truncate(text, max), cut: true };
}

/** `1234` → `1,234`, for messages. */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}

/** A value quoted for a problem message: one line, short, so a hostile value cannot flood the message. */
export function quote(text: string, max = 60): string {
  return `'${truncate(cleanLine(text.length > max * 4 ? text.slice(0, max * 4) : text), max)}'`;
}
