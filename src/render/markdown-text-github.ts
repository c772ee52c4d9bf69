// What the app writes into issues is read by GitHub, not only by a markdown renderer: `@name` notifies a person or a
// team, and `#12`, `GH-12`, `owner/repo#12` or an issue URL adds a "mentioned this" event to that issue (in any
// repository the text names). Plan and agent text must do neither, so on top of the markdown escaping every such
// start gets a zero-width joiner: the text reads the same, and GitHub's reference scanner no longer matches it.
// Code spans need none of this (GitHub does not scan them), so touches stay copyable there.

import { codeSpan, escapeId, escapeInline, maxInlineChars, plainText, truncate } from "./markdown-text.js";

const joiner = "\u200d";

// `@` before a user or team name; `#` (also `owner/repo#`) and `GH-` before a number; URL and `www.` autolinks.
const references = /@(?=[A-Za-z0-9])|#(?=\d)|\bGH(?=-\d)|:(?=\/\/)|\bwww(?=\.)/gi;

/** Inserts a zero-width joiner into every mention, issue reference and autolink start, so none of them fires. */
export function neutraliseReferences(text: string): string {
  return text.replace(references, `$&${joiner}`);
}

/**
 * At most a few times the length that will show: plainText scans its whole input, and a report may hold a
 * megabyte where 200 characters are shown. A cut here keeps its `…` even where collapsed whitespace makes the
 * rest fit.
 */
export function clip(text: string, maxChars: number): string {
  let cap = maxChars * 4 + 256;
  if (text.length <= cap) return text;
  const last = text.charCodeAt(cap - 1);
  if (last >= 0xd800 && last <= 0xdbff) cap -= 1;
  return `${text.slice(0, cap)}…`;
}

/** Plan or agent text as inline markdown for an issue body: literal markup, no mention, no cross-reference. */
export function issueInline(text: string, maxChars = maxInlineChars): string {
  return neutraliseReferences(escapeInline(clip(text, maxChars), maxChars));
}

/** An id for an issue body (see escapeId): never blank, never a mention or a reference. */
export function issueId(id: string): string {
  return neutraliseReferences(escapeId(clip(id, 60)));
}

/** A path or other literal as a code span (see codeSpan); GitHub scans no code for mentions or references. */
export function issueCode(text: string, options: { inTable?: boolean; maxChars?: number } = {}): string {
  const maxChars = options.maxChars ?? maxInlineChars;
  const clipped = clip(text, maxChars);
  // In a table a `\|` cannot sit in a code span, so codeSpan shows it as escaped text, which GitHub does scan.
  if (options.inTable && plainText(clipped, maxChars).includes("\\|")) return issueInline(clipped, maxChars);
  return codeSpan(clipped, options);
}

// What makes a line a heading, a list item or a setext underline when it starts the line or a list item's text.
const blockStart = /^(#|[-+=]|\d{1,9}(?=[.)]))/;

/**
 * Text that starts a block (a list item's text, a paragraph): issueInline, plus a backslash before a leading `#`,
 * `-`, `+` or `=`, and before the `.` or `)` of a leading number, so `# x` or `1. x` stays a line of text.
 */
export function issueBlockText(text: string, maxChars?: number): string {
  const inline = issueInline(text, maxChars);
  const match = blockStart.exec(inline);
  if (match === null) return inline;
  const lead = match[0];
  return /^\d/.test(lead) ? `${lead}\\${inline.slice(lead.length)}` : `\\${inline}`;
}

/**
 * Plain text for an issue title: one line, no controls, no mention or reference, at most `maxChars` long. Titles
 * show markdown literally (except code spans), so nothing is backslash-escaped here.
 */
export function issueTitleText(text: string, maxChars: number): string {
  // Neutralised before the cut, so the cut can only drop a joiner's reference, never leave one live.
  return truncate(neutraliseReferences(plainText(clip(text, maxChars), maxChars + 1)), maxChars);
}
