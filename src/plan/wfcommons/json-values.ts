// Values out of a JSON tree with their lines, for the WfCommons reader. A value of the wrong shape (a list where
// one value belongs, an object where a list belongs) is reported at its line and skipped, so one bad field never
// hides the rest of the instance.

import type { Diagnostics } from "../diagnostics.js";
import type { Sourced } from "../draft.js";
import type { JsonEntry, JsonNode } from "./read-json.js";

export type JsonFields = Map<string, JsonEntry>;

const shapes: Record<JsonNode["type"], string> = {
  object: "an object",
  array: "a list",
  string: "a string",
  number: "a number",
  boolean: "true or false",
  null: "null",
};

/** A single value as text (numbers as written); undefined for null or nothing, reported for anything else. */
export function textOf(node: JsonNode | undefined, what: string, diag: Diagnostics): string | undefined {
  if (!node || node.type === "null") return undefined;
  if (node.type === "string") return node.value;
  if (node.type === "number") return node.text;
  if (node.type === "boolean") return String(node.value);
  diag.error(node.line, `${what} must be a single value, not ${shapes[node.type]}`);
  return undefined;
}

/** The non-empty texts of a list (a lone value is a one-item list); empty when absent, reported when an object. */
export function listOf(node: JsonNode | undefined, what: string, diag: Diagnostics): Sourced<string>[] {
  if (!node || node.type === "null") return [];
  if (node.type === "object") {
    diag.error(node.line, `${what} must be a list, not an object`);
    return [];
  }
  if (node.type !== "array") {
    const text = textOf(node, what, diag);
    return text?.trim() ? [{ value: text, line: node.line }] : [];
  }
  const items: Sourced<string>[] = [];
  for (const item of node.items) {
    const text = textOf(item, `each item of ${what}`, diag);
    if (text?.trim()) items.push({ value: text, line: item.line });
  }
  return items;
}

/** The fields of an object; undefined, and reported, when the value is something else. */
export function fieldsOf(
  node: JsonNode | undefined,
  what: string,
  diag: Diagnostics,
): JsonFields | undefined {
  if (!node || node.type === "null") return undefined;
  if (node.type === "object") return node.entries;
  diag.error(node.line, `${what} must be an object, not ${shapes[node.type]}`);
  return undefined;
}
