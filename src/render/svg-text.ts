// Plan text inside SVG. Ids and titles are hostile: they may hold markup, entity lookalikes, control characters
// (which XML 1.0 forbids even as character references, so escaping alone cannot save them), lone surrogates and
// 10,000-character runs. Everything a chart prints passes through `cleanText`, then `escapeXml`.

const replacement = "\ufffd";
const ellipsis = "…";

const xmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes the five markup characters; safe both in text content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => xmlEscapes[char] ?? "");
}

// Line breaks mean nothing inside one SVG text line; U+0085, U+2028 and U+2029 are line breaks too.
const spaceRuns = /[\t\n\v\f\r \u0085\u2028\u2029]+/g;
// Not XML 1.0 characters (C0 controls, U+FFFE, U+FFFF, lone surrogates), C1 controls, and the bidi embedding,
// override and isolate controls, which would let one label display reversed over its neighbours.
const unprintable = new RegExp(
  "[\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\ufffe\\uffff]" +
    "|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]",
  "g",
);

const surrogate = /[\ud800-\udfff]/;

function clean(text: string): string {
  const line = text.replace(unprintable, replacement).replace(spaceRuns, " ");
  return line.slice(line.startsWith(" ") ? 1 : 0, line.endsWith(" ") ? -1 : line.length);
}

/** The UTF-16 index after the first `count` code points of `text`, or -1 when it has no more than `count`. */
function indexAfter(text: string, count: number): number {
  if (text.length <= count) return -1;
  // Without surrogate pairs, code points are UTF-16 units.
  if (!surrogate.test(text)) return count;
  let index = 0;
  for (let seen = 0; seen < count; seen++) {
    if (index >= text.length) return -1;
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return index >= text.length ? -1 : index;
}

/**
 * Text reduced to one printable line of at most `maxChars` code points: whitespace runs become one space (none
 * at either end), unprintable characters become U+FFFD, and a longer text keeps `maxChars - 1` code points and
 * ends with `…`.
 */
export function cleanText(text: string, maxChars: number): string {
  // Cleaning a prefix gives a prefix of the cleaned text (give or take its last character), so a 10,000-character
  // title is cleaned only as far as the cut; a prefix that collapses below that (long space runs) falls back.
  const window = 4 * maxChars + 8;
  let cleaned = clean(text.length > window ? text.slice(0, window) : text);
  if (text.length > window && indexAfter(cleaned, maxChars + 1) === -1) cleaned = clean(text);
  if (indexAfter(cleaned, maxChars) === -1) return cleaned;
  const kept = cleaned.slice(0, Math.max(0, indexAfter(cleaned, maxChars - 1)));
  return `${kept.replace(/ $/, "")}${ellipsis}`;
}

function charWidth(char: string, fontSize: number): number {
  return ((char.codePointAt(0) ?? 0) >= 0x1100 ? 1 : 0.62) * fontSize;
}

/**
 * A generous estimate of the width of cleaned text in a generic sans-serif face: the real font is the viewer's,
 * so layout errs wide. Wide scripts and emoji (from U+1100 up) count a full em.
 */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += charWidth(char, fontSize);
  return width;
}

/** Cleaned text cut (with `…`) to fit `room` pixels by `textWidth`; empty when not even one character fits. */
export function fitText(text: string, room: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= room) return text;
  const budget = room - charWidth(ellipsis, fontSize);
  let used = 0;
  let kept = "";
  for (const char of text) {
    used += charWidth(char, fontSize);
    if (used > budget) break;
    kept += char;
  }
  kept = kept.trimEnd();
  return kept === "" ? "" : `${kept}${ellipsis}`;
}

/** A coordinate with at most two decimals and never `-0`, so equal inputs print byte-identical output. */
export function coordinate(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? "0" : String(rounded);
}
