// Hostile plan text for property tests: what a plan author (or an attacker) can put in a title, id or path.

import fc from "fast-check";

/** Strings built from the characters that break markdown, tables and terminals, mixed with arbitrary code points. */
export const hostileText = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      ...Array.from("|`\n\r\t<>-#:;%\\*_[]~$&\"' a1😀\u0000\u0007\u202e\u2028"),
      "\ud800",
      "```",
      "-->",
      "<script>",
    ),
    maxLength: 40,
  }),
  fc.string({ unit: "binary", maxLength: 40 }),
);
