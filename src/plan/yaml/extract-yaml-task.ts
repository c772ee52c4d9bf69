// One task mapping of a YAML plan → a draft task: each known key into its canonical field with the key's line,
// unknown keys into `unknownFields` (the normaliser warns), `subtasks` one level deep.

import { isSeq } from "yaml";
import type { DraftTask, DraftTaskFields, Sourced } from "../draft.js";
import { canonicalKey, commaListKeys, taskListKeys, taskScalarKeys } from "./yaml-keys.js";
import { isEmpty, type YamlReader } from "./yaml-reader.js";

const taskKeys = ["id", "title", "subtasks", ...taskScalarKeys, ...taskListKeys] as const;
type ScalarKey = (typeof taskScalarKeys)[number];
type ListKey = (typeof taskListKeys)[number];

/** The tasks of a `tasks:` (or `subtasks:`) list; items that are not tasks are reported and skipped. */
export function extractYamlTasks(
  reader: YamlReader,
  value: unknown,
  line: number,
  parent?: string,
): DraftTask[] {
  const what = parent === undefined ? "tasks" : `${parent}: subtasks`;
  const node = reader.resolve(value);
  if (isEmpty(node)) return [];
  if (!isSeq(node)) {
    reader.diag.error(
      line,
      `${what} must be a list of tasks`,
      "write each task as `- id: T1` with its fields below",
    );
    return [];
  }
  const tasks: DraftTask[] = [];
  for (const item of node.items) {
    const task = extractYamlTask(reader, item, reader.line(item, line), parent);
    if (task) tasks.push(task);
  }
  return tasks;
}

function extractYamlTask(
  reader: YamlReader,
  value: unknown,
  line: number,
  parent?: string,
): DraftTask | null {
  const kind = parent === undefined ? "task" : `subtask of ${parent}`;
  const hint = "write `- id: T1` with the task's fields below it";
  if (isEmpty(reader.resolve(value))) {
    reader.diag.error(line, `empty ${kind}`, hint);
    return null;
  }
  const map = reader.mapping(value, `a ${kind}`, line, hint);
  if (!map) return null;
  const entries = reader.entries(map);
  const idEntry = entries.find((entry) => canonicalKey(entry.key, taskKeys) === "id");
  const id = idEntry ? reader.text(idEntry.value, `${kind} id`, idEntry.line) : undefined;
  if (idEntry && id === undefined && !isEmpty(reader.resolve(idEntry.value))) return null;
  if (!id?.trim()) {
    reader.diag.error(line, `a ${kind} has no id`, "add `id: …` (for example `id: T1`)");
    return null;
  }

  const task: DraftTask = { id: id.trim(), line, title: "", fields: {}, subtasks: [] };
  const unknown: Sourced<string>[] = [];
  for (const entry of entries) {
    const key = canonicalKey(entry.key, taskKeys);
    if (key === "id") continue;
    if (key === null) unknown.push({ value: entry.key, line: entry.line });
    else if (key === "title") task.title = reader.text(entry.value, `${id}: title`, entry.line) ?? "";
    else if (key === "subtasks") {
      if (parent === undefined) task.subtasks = extractYamlTasks(reader, entry.value, entry.line, id);
      else
        reader.diag.error(
          entry.line,
          `${id}: a subtask cannot have subtasks`,
          `list them under ${parent} instead`,
        );
    } else if (isListKey(key)) {
      const items = reader.list(entry.value, `${id}: ${key}`, entry.line, commaListKeys.has(key));
      if (items) task.fields[key] = { value: items.map((item) => item.value), line: entry.line };
    } else {
      const text = reader.text(entry.value, `${id}: ${key}`, entry.line);
      if (text !== undefined)
        (task.fields as Record<ScalarKey, Sourced<string>>)[key] = { value: text, line: entry.line };
    }
  }
  if (unknown.length > 0) task.unknownFields = unknown;
  return task;
}

function isListKey(key: string): key is ListKey & keyof DraftTaskFields {
  return (taskListKeys as readonly string[]).includes(key);
}
