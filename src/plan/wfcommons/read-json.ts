// JSON with the line of every value, for WfCommons instances. The `yaml` package reads JSON with lines too, but
// at about a microsecond a byte (two seconds for a 1.6 MB instance, seven at the plan size limit); this reader
// keeps JSON.parse's grammar and runs in milliseconds. It stops at the first syntax error, with its line, and
// refuses nesting deeper than any instance needs instead of overflowing the stack.

export type JsonNode = { line: number } & (
  | { type: "object"; entries: Map<string, JsonEntry> }
  | { type: "array"; items: JsonNode[] }
  | { type: "string"; value: string }
  | { type: "number"; value: number; text: string }
  | { type: "boolean"; value: boolean }
  | { type: "null" }
);

export interface JsonEntry {
  keyLine: number;
  value: JsonNode;
}

export type JsonResult = { root: JsonNode } | { error: string; line: number };

/** WfFormat nests about seven levels deep; a hostile text may nest a million. */
const maxDepth = 64;
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonSyntaxError extends Error {}

export function readJson(text: string): JsonResult {
  let position = 0;
  let line = 1;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message);
  };
  const skipSpace = (): void => {
    for (; position < text.length; position++) {
      const code = text.charCodeAt(position);
      if (code === 10) line++;
      else if (code === 13) {
        if (text.charCodeAt(position + 1) !== 10) line++;
      } else if (code !== 32 && code !== 9) return;
    }
  };
  const describe = (): string => {
    if (position >= text.length) return "the end of the text";
    const snippet = text.slice(position, position + 12).split(/[\r\n]/, 1)[0];
    return snippet ? JSON.stringify(snippet) : "a line break";
  };

  const readString = (): string => {
    const start = ++position;
    let escaped = false;
    for (; position < text.length; position++) {
      const code = text.charCodeAt(position);
      if (code === 34) break;
      if (code < 32) fail("a string holds a line break or control character (write it as \\n or \\u00XX)");
      if (code === 92) {
        escaped = true;
        position++;
      }
    }
    if (position >= text.length) fail("a string is not closed");
    const end = position++;
    if (!escaped) return text.slice(start, end);
    try {
      return JSON.parse(text.slice(start - 1, end + 1)) as string;
    } catch {
      return fail("a string holds an invalid escape");
    }
  };

  const readValue = (depth: number): JsonNode => {
    skipSpace();
    const at = line;
    const code = text.charCodeAt(position);
    if (code === 123 || code === 91) {
      if (depth >= maxDepth) fail(`the JSON nests more than ${maxDepth} levels deep`);
      return code === 123 ? readObject(depth + 1, at) : readArray(depth + 1, at);
    }
    if (code === 34) return { line: at, type: "string", value: readString() };
    for (const word of ["true", "false", "null"] as const) {
      if (!text.startsWith(word, position)) continue;
      position += word.length;
      return word === "null"
        ? { line: at, type: "null" }
        : { line: at, type: "boolean", value: word === "true" };
    }
    numberPattern.lastIndex = position;
    const match = numberPattern.exec(text);
    if (!match) return fail(`expected a value, found ${describe()}`);
    position += match[0].length;
    return { line: at, type: "number", value: Number(match[0]), text: match[0] };
  };

  const readObject = (depth: number, at: number): JsonNode => {
    position++;
    const entries = new Map<string, JsonEntry>();
    skipSpace();
    if (text.charCodeAt(position) === 125) {
      position++;
      return { line: at, type: "object", entries };
    }
    for (;;) {
      skipSpace();
      if (text.charCodeAt(position) !== 34) fail(`expected a "quoted" key, found ${describe()}`);
      const keyLine = line;
      const key = readString();
      if (entries.has(key)) fail(`the key "${key.slice(0, 40)}" appears twice in one object`);
      skipSpace();
      if (text.charCodeAt(position) !== 58) fail(`expected ':' after the key "${key.slice(0, 40)}"`);
      position++;
      entries.set(key, { keyLine, value: readValue(depth) });
      skipSpace();
      const next = text.charCodeAt(position++);
      if (next === 125) return { line: at, type: "object", entries };
      if (next !== 44) {
        position--;
        fail(`expected ',' or '}' after a value in an object, found ${describe()}`);
      }
    }
  };

  const readArray = (depth: number, at: number): JsonNode => {
    position++;
    const items: JsonNode[] = [];
    skipSpace();
    if (text.charCodeAt(position) === 93) {
      position++;
      return { line: at, type: "array", items };
    }
    for (;;) {
      items.push(readValue(depth));
      skipSpace();
      const next = text.charCodeAt(position++);
      if (next === 93) return { line: at, type: "array", items };
      if (next !== 44) {
        position--;
        fail(`expected ',' or ']' after a value in a list, found ${describe()}`);
      }
    }
  };

  try {
    const root = readValue(0);
    skipSpace();
    if (position < text.length) fail(`unexpected ${describe()} after the JSON value`);
    return { root };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: error.message, line };
    throw error;
  }
}
