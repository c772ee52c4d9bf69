// The line-keeping JSON reader agrees with JSON.parse on every text JSON.parse accepts or refuses (besides its
// two limits: nesting depth and repeated keys), and gives each value the line it starts on.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type JsonNode, readJson } from "../../../src/plan/wfcommons/read-json.js";

function plain(node: JsonNode): unknown {
  switch (node.type) {
    case "object":
      return Object.fromEntries([...node.entries].map(([key, entry]) => [key, plain(entry.value)]));
    case "array":
      return node.items.map(plain);
    case "null":
      return null;
    default:
      return node.value;
  }
}

const accepts = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("readJson", () => {
  it("reads every JSON text as JSON.parse does", () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), fc.constantFrom(0, 2, "\t"), (json, indent) => {
        const text = JSON.stringify(JSON.parse(json), null, indent);
        const result = readJson(text);
        if (!("root" in result)) throw new Error(`refused valid JSON: ${result.error}`);
        expect(plain(result.root)).toEqual(JSON.parse(text));
      }),
    );
  });

  it("refuses exactly the texts JSON.parse refuses", () => {
    const pieces = fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      '"a"',
      '"b"',
      "1",
      "-0.5e3",
      "true",
      "nul",
      " ",
      "\n",
      '"\\x"',
      "01",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 20 }).map((p) => p.join("")),
        ),
        (text) => {
          const result = readJson(text);
          // JSON.parse lets a later repeated key win; an instance with one is refused instead.
          if ("error" in result && result.error.endsWith("appears twice in one object")) return;
          expect("root" in result).toBe(accepts(text));
        },
      ),
    );
  });

  it("gives each value and key the line it starts on, for LF and CRLF line ends", () => {
    for (const eol of ["\n", "\r\n"]) {
      const text = ["{", '  "a": [', "    1,", '    {"b": null}', "  ],", '  "c":', '    "x"', "}"].join(eol);
      const result = readJson(text);
      if (!("root" in result) || result.root.type !== "object") throw new Error("not read");
      const a = result.root.entries.get("a");
      const c = result.root.entries.get("c");
      expect([result.root.line, a?.keyLine, c?.keyLine, c?.value.line]).toEqual([1, 2, 6, 7]);
      if (a?.value.type !== "array") throw new Error("a is not a list");
      expect(a.value.items.map((item) => item.line)).toEqual([3, 4]);
    }
  });

  it("reports the line of a syntax error, a repeated key and nesting past its limit", () => {
    expect(readJson('{\n"a": 1\n"b": 2}')).toEqual({
      error: `expected ',' or '}' after a value in an object, found "\\"b\\": 2}"`,
      line: 3,
    });
    expect(readJson('{"a": 1,\n "a": 2}')).toEqual({
      error: 'the key "a" appears twice in one object',
      line: 2,
    });
    expect(readJson(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toEqual({
      error: "the JSON nests more than 64 levels deep",
      line: 1,
    });
    expect(readJson('"abc')).toEqual({ error: "a string is not closed", line: 1 });
  });
});
