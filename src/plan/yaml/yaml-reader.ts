// Reading values out of the `yaml` package's node tree with their 1-based lines. Every shape problem (a list
// where one value belongs, a mapping where a list belongs) becomes a diagnostic at the value's line, and the
// value is skipped, so one bad field never hides the rest of the plan.

import { type Alias, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap } from "yaml";
import type { Diagnostics } from "../diagnostics.js";
import type { Sourced } from "../draft.js";

export interface YamlEntry {
  /** The key as written. */
  key: string;
  line: number;
  value: unknown;
}

export class YamlReader {
  constructor(
    readonly diag: Diagnostics,
    private readonly lineCounter: LineCounter,
    private readonly lineOffset: number,
    private readonly aliasTargets: ReadonlyMap<Alias, Node>,
  ) {}

  /** The 1-based line a node starts on (in the whole file, offset included), or `fallback`. */
  line(value: unknown, fallback: number): number {
    const range = (value as { range?: unknown } | null)?.range;
    if (!Array.isArray(range) || typeof range[0] !== "number") return fallback;
    return this.lineAt(range[0]);
  }

  lineAt(offset: number): number {
    return this.lineCounter.linePos(offset).line + this.lineOffset;
  }

  /** An alias stands for the node it names; every other value stands for itself. */
  resolve(value: unknown): unknown {
    return isAlias(value) ? this.aliasTargets.get(value) : value;
  }

  /** The entries of a mapping, keys as text; a key that is not a single value is reported and skipped. */
  entries(map: YAMLMap): YamlEntry[] {
    const entries: YamlEntry[] = [];
    for (const pair of map.items) {
      const keyNode = this.resolve(pair.key);
      const line = this.line(pair.key, this.line(map, 0));
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === "object") {
        this.diag.error(line, "a key must be a plain name", "write `name: value`");
        continue;
      }
      entries.push({ key: String(keyNode.value), line, value: pair.value });
    }
    return entries;
  }

  /** The value as written, as text; undefined when empty or not a single value (then reported at `line`). */
  text(value: unknown, what: string, line: number): string | undefined {
    const node = this.resolve(value);
    if (isEmpty(node)) return undefined;
    if (isScalar(node)) return scalarText(node.value, node.source);
    if (isMap(node)) {
      this.diag.error(
        line,
        `${what} must be a single value, not a mapping`,
        "quote the value if it contains `: `",
      );
    } else this.diag.error(line, `${what} must be a single value, not a list`, "write one value");
    return undefined;
  }

  /** A list of single values (a lone value is a one-item list, split at commas when `splitCommas`). */
  list(value: unknown, what: string, line: number, splitCommas = false): Sourced<string>[] | undefined {
    const node = this.resolve(value);
    if (node === null || node === undefined) return undefined;
    if (isScalar(node)) {
      const text = this.text(node, what, line);
      if (text === undefined) return undefined;
      const at = this.line(value, line);
      const items = splitCommas ? text.split(",").map((item) => item.trim()) : [text];
      return items.filter((item) => item !== "").map((item) => ({ value: item, line: at }));
    }
    if (!isSeq(node)) {
      this.diag.error(line, `${what} must be a list, not a mapping`, "write [a, b] or one `- item` per line");
      return undefined;
    }
    const items: Sourced<string>[] = [];
    for (const item of node.items) {
      const at = this.line(item, this.line(value, line));
      const text = this.text(item, `each item of ${what}`, at);
      if (text !== undefined && text.trim() !== "") items.push({ value: text, line: at });
    }
    return items;
  }

  /** The mapping a value holds; undefined when empty, and reported at `line` when it is something else. */
  mapping(value: unknown, what: string, line: number, hint?: string): YAMLMap | undefined {
    const node = this.resolve(value);
    if (isEmpty(node)) return undefined;
    if (isMap(node)) return node;
    this.diag.error(line, `${what} must be a mapping of keys to values`, hint);
    return undefined;
  }
}

/** No value at all: a missing node, `~`, `null` or nothing after the colon. */
export function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** Numbers and booleans keep their spelling (`1.10` stays `1.10`, not `1.1`): the draft holds the plan as written. */
function scalarText(value: unknown, source: string | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof source === "string" && source !== "") return source;
  return String(value);
}
