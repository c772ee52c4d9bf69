// The `groups:` section of a YAML plan → raw groups. A group names a set of tasks (listed here, or by each
// task's `group:`) and the dependencies every member gets; a dependency on a group means one on each of its
// tasks. Groups never create barriers: each member still starts the moment its own dependencies are done.

import { isSeq } from "yaml";
import type { DraftGroup } from "../draft.js";
import { namedEntries } from "./named-entries.js";
import { canonicalKey, commaListKeys, groupKeys } from "./yaml-keys.js";
import type { YamlReader } from "./yaml-reader.js";

export function extractYamlGroups(reader: YamlReader, value: unknown, line: number): DraftGroup[] {
  const groups: DraftGroup[] = [];
  for (const entry of namedEntries(reader, value, "groups", line)) {
    const group: DraftGroup = { name: entry.name, line: entry.line, tasks: [] };
    groups.push(group);
    if (isSeq(reader.resolve(entry.value))) {
      // `GROUP_A: [T1, T2]`: the short form, members only.
      group.tasks = reader.list(entry.value, `${entry.name} tasks`, entry.line) ?? [];
      continue;
    }
    const map = reader.mapping(
      entry.value,
      `group ${entry.name}`,
      entry.line,
      "write tasks: and deps: below it, or a list of task ids",
    );
    for (const field of map ? reader.entries(map) : []) {
      const key = canonicalKey(field.key, groupKeys);
      if (key === null || (key === "name" && !entry.inline)) {
        reader.diag.warning(
          field.line,
          `${entry.name}: unknown group field "${field.key}" ignored`,
          `known: ${groupKeys.join(", ")}`,
        );
      } else if (key === "tasks") {
        group.tasks = reader.list(field.value, `${entry.name}.tasks`, field.line, true) ?? [];
      } else if (key === "deps") {
        const deps = reader.list(field.value, `${entry.name}.deps`, field.line, commaListKeys.has("deps"));
        if (deps) group.deps = { value: deps.map((item) => item.value), line: field.line };
      } else if (key !== "name") {
        // title and description: for people reading the plan; checked for shape only.
        reader.text(field.value, `${entry.name}.${key}`, field.line);
      }
    }
  }
  return groups;
}
