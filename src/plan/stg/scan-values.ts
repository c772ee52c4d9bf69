// The values of one line of an STG file, read straight from the text: a benchmark reads graphs of thousands of
// tasks and tens of thousands of edges, and splitting every line into strings first costs more than the rest of
// the reading together.

export interface ValueScan {
  /** Each value as a whole number, or NaN when its text is not one. */
  values: number[];
  /** Where each value's text starts and ends in the whole text, to quote a bad one. */
  starts: number[];
  ends: number[];
}

/** Longer digit strings are not task ids or times: they would lose precision as numbers. */
const maxDigits = 15;

/**
 * Fills `scan` with the white-space separated values of `text` between `start` and `end` and returns how many
 * there are. The arrays are reused from line to line, so only the first `count` entries belong to this line.
 */
export function scanValues(text: string, start: number, end: number, scan: ValueScan): number {
  let count = 0;
  let position = start;
  while (position < end) {
    // Control characters and spaces separate values; anything else is part of one.
    while (position < end && text.charCodeAt(position) <= 32) position++;
    if (position >= end) break;
    const from = position;
    let value = 0;
    let valid = true;
    for (; position < end; position++) {
      const code = text.charCodeAt(position);
      if (code <= 32) break;
      const digit = code - 48;
      if (digit >= 0 && digit <= 9) value = value * 10 + digit;
      else valid = false;
    }
    scan.values[count] = valid && position - from <= maxDigits ? value : Number.NaN;
    scan.starts[count] = from;
    scan.ends[count] = position;
    count++;
  }
  return count;
}
