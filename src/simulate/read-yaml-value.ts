// A YAML text → a plain value for zod, with the line of every value kept by its path, so a schema error can be
// reported as file:line. Syntax errors, alias bombs, deep nesting, huge documents and keys that could reach an
// object's prototype become diagnostics, never exceptions.

import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Diagnostics } from "../plan/diagnostics.js";
import { measureAliases } from "../plan/yaml/measure-aliases.js";
import { pathKey } from "./scenario-paths.js";

/** Scenario text larger than this is refused before parsing (a real scenario is a few kilobytes). */
export const maxScenarioBytes = 1024 * 1024;
/** Deeper than any scenario needs (five levels), far below where a recursive reader could overflow. */
const maxDepth = 32;
/** Values the document may hold once aliases are expanded. */
const maxValues = 100_000;
const maxSyntaxErrors = 20;
const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);

export interface YamlValue {
  value: unknown;
  /** Line of each value (and of each mapping key's entry), by `pathKey` of its path. */
  lines: Map<string, number>;
}

export function readYamlValue(text: string, diag: Diagnostics): YamlValue | null {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxScenarioBytes) {
    diag.error(0, `the scenario is ${bytes.toLocaleString("en-US")} bytes, over the limit of 1 MB`);
    return null;
  }
  if (text.includes("\u0000")) {
    diag.error(0, "the scenario is not text (it contains NUL bytes)", "pass a YAML scenario file");
    return null;
  }
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    diag.error(0, `cannot read the YAML: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  for (const error of doc.errors.slice(0, maxSyntaxErrors)) {
    const message =
      error.code === "RESOURCE_EXHAUSTION"
        ? "the YAML is nested too deeply to read"
        : `YAML syntax: ${error.message.split("\n")[0]}`;
    diag.error(lineAt(error.pos[0]), message);
  }
  if (doc.errors.length > maxSyntaxErrors)
    diag.error(0, `… and ${doc.errors.length - maxSyntaxErrors} more YAML syntax errors`);
  if (doc.errors.length > 0) return null;

  const aliases = measureAliases(doc.contents);
  const lineOf = (node: unknown, fallback: number): number => {
    const range = (node as { range?: unknown } | null)?.range;
    return Array.isArray(range) && typeof range[0] === "number" ? lineAt(range[0]) : fallback;
  };
  if (aliases.selfReference) {
    diag.error(lineOf(aliases.selfReference, 0), "a YAML alias refers to a value that contains it");
    return null;
  }
  if (aliases.expandedSize > maxValues) {
    diag.error(
      aliases.largest ? lineOf(aliases.largest, 0) : 0,
      "the YAML holds too many values once its aliases are expanded (an alias bomb?)",
    );
    return null;
  }

  const lines = new Map<string, number>();
  let failed = false;
  const convert = (raw: unknown, path: readonly (string | number)[], fallback: number): unknown => {
    if (failed) return undefined;
    const node = isAlias(raw) ? (aliases.targets.get(raw) as Node | undefined) : raw;
    const line = lineOf(raw, fallback);
    lines.set(pathKey(path), line);
    if (path.length > maxDepth) {
      diag.error(line, `the scenario is nested more than ${maxDepth} levels deep`);
      failed = true;
      return undefined;
    }
    if (isMap(node)) {
      const entries: [string, unknown][] = [];
      for (const pair of node.items) {
        const key = isAlias(pair.key) ? aliases.targets.get(pair.key) : pair.key;
        const keyLine = lineOf(pair.key, line);
        if (!isScalar(key) || key.value === null || typeof key.value === "object") {
          diag.error(keyLine, "a key must be a plain name", "write `name: value`");
          failed = true;
          return undefined;
        }
        const name = String(key.value);
        if (forbiddenKeys.has(name)) {
          diag.error(keyLine, `"${name}" cannot be used as a key`);
          failed = true;
          return undefined;
        }
        const child = [...path, name];
        const value = convert(pair.value, child, keyLine);
        // The key's line, not the value's: a nested mapping's value starts on the line below.
        lines.set(pathKey(child), keyLine);
        entries.push([name, value]);
      }
      // fromEntries defines own properties, so no key reaches the prototype.
      return Object.fromEntries(entries);
    }
    if (isSeq(node)) return node.items.map((item, k) => convert(item, [...path, k], line));
    if (isScalar(node)) return node.value;
    return null;
  };
  const value = convert(doc.contents, [], 1);
  return failed ? null : { value, lines };
}
