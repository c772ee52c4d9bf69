// Gates and groups are named things a YAML author writes either as a mapping keyed by name
// (`groups: { GROUP_A: {…} }`) or as a list of mappings with a `name` key (`gates: [{ name: Gate-O, … }]`).
// Both spellings yield the same entries.

import { isMap, isSeq } from "yaml";
import { isEmpty, type YamlReader } from "./yaml-reader.js";

export interface NamedEntry {
  name: string;
  line: number;
  /** The entry's value: a mapping, a single value or a list (each section decides what it accepts). */
  value: unknown;
  /** True when the value is the list item's whole mapping, whose `name` key the section must skip. */
  inline: boolean;
}

export function namedEntries(
  reader: YamlReader,
  value: unknown,
  section: string,
  line: number,
): NamedEntry[] {
  const node = reader.resolve(value);
  if (isEmpty(node)) return [];
  if (isMap(node)) {
    return reader
      .entries(node)
      .map((entry) => ({ name: entry.key, line: entry.line, value: entry.value, inline: false }));
  }
  if (!isSeq(node)) {
    reader.diag.error(
      line,
      `${section} must be a mapping by name or a list`,
      `write ${section}: with one \`name: …\` entry per line`,
    );
    return [];
  }
  const entries: NamedEntry[] = [];
  for (const item of node.items) {
    const at = reader.line(item, line);
    const map = reader.mapping(
      item,
      `each item of ${section}`,
      at,
      "write `- name: …` with its fields below it",
    );
    if (!map) continue;
    const nameEntry = reader.entries(map).find((entry) => entry.key === "name");
    const name = nameEntry ? reader.text(nameEntry.value, `${section} name`, nameEntry.line) : undefined;
    if (name === undefined || name.trim() === "") {
      reader.diag.error(at, `an item of ${section} has no name`, "add `name: …`");
      continue;
    }
    entries.push({ name, line: at, value: map, inline: true });
  }
  return entries;
}
