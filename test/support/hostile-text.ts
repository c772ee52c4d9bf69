// Hostile input shared by the parsers' tests: a fixed run of binary junk, and generated text that is either
// random code units or the format's own tokens glued together (the near misses a parser is most likely to trip
// on).

import fc from "fast-check";

/** `length` control and Latin-1 characters (never NUL), the same for every run. */
export function binaryJunk(length: number): string {
  return Array.from({ length }, (_, i) => String.fromCharCode(1 + ((i * 7919) % 250))).join("");
}

/** Up to `maxLength` of the tokens in any order, joined by `separator`. */
export function tokenSoup(
  tokens: fc.Arbitrary<string>,
  { maxLength, separator = "" }: { maxLength: number; separator?: string },
): fc.Arbitrary<string> {
  return fc.array(tokens, { maxLength }).map((parts) => parts.join(separator));
}

/** Random text of the given code units, or any of the `formatted` texts. */
export function hostileText(
  unit: "binary" | "binary-ascii",
  ...formatted: fc.Arbitrary<string>[]
): fc.Arbitrary<string> {
  return fc.oneof(fc.string({ unit }), ...formatted);
}
