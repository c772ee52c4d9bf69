// The task list of a WfCommons instance, in either shape WfFormat has had: 1.5 and later keep the graph in
// `workflow.specification.tasks` (ids, `outputFiles` as file ids) and the runtimes apart; 1.0–1.4 keep one
// list (`workflow.tasks`, `workflow.jobs` before 1.3) whose tasks refer to each other by name and carry their
// runtime and a `files` list with a `link` of input or output. Unknown fields are ignored: instances carry many
// measurements (command, machines, bytes read) that a plan does not need.

import type { Diagnostics } from "../diagnostics.js";
import type { Sourced } from "../draft.js";
import { fieldsOf, listOf, textOf } from "./json-values.js";
import type { JsonEntry, JsonNode } from "./read-json.js";

export interface WorkflowTask {
  /** The key other tasks refer to it by: the id (1.5), or the name (1.0–1.4). */
  id: string;
  /** The id of a 1.0–1.4 task, which others may also refer to it by. */
  alias: string | undefined;
  line: number;
  name: string | undefined;
  parents: Sourced<string>[];
  parentsLine: number;
  children: Sourced<string>[];
  outputs: Sourced<string>[];
  outputsLine: number;
  /** Seconds as written, on the task itself (1.0–1.4 only). */
  runtime: Sourced<string> | undefined;
}

export type TaskListShape = "specification" | "legacy";

export function readWorkflowTasks(list: JsonNode, shape: TaskListShape, diag: Diagnostics): WorkflowTask[] {
  if (list.type !== "array") {
    diag.error(list.line, "the workflow's tasks must be a list of task objects");
    return [];
  }
  const tasks: WorkflowTask[] = [];
  for (const item of list.items) {
    if (item.type !== "object") {
      diag.error(item.line, "each task must be an object with an id");
      continue;
    }
    const fields = item.entries;
    const text = (key: string) => textOf(fields.get(key)?.value, key, diag)?.trim() || undefined;
    const name = text("name");
    const written = text("id");
    const id = shape === "legacy" ? (name ?? written) : (written ?? name);
    if (id === undefined) {
      diag.error(item.line, "a task has neither an id nor a name", "give every task an id");
      continue;
    }
    const lineOf = (entry: JsonEntry | undefined) => entry?.keyLine ?? item.line;
    const outputs =
      shape === "legacy"
        ? legacyOutputs(fields.get("files"), id, diag)
        : listOf(fields.get("outputFiles")?.value, `${id}: outputFiles`, diag);
    const runtimeEntry = fields.get("runtimeInSeconds") ?? fields.get("runtime");
    const runtime = shape === "legacy" ? textOf(runtimeEntry?.value, `${id}: runtime`, diag) : undefined;
    tasks.push({
      id,
      alias: shape === "legacy" && written !== id ? written : undefined,
      line: item.line,
      name,
      parents: listOf(fields.get("parents")?.value, `${id}: parents`, diag),
      parentsLine: lineOf(fields.get("parents")),
      children: listOf(fields.get("children")?.value, `${id}: children`, diag),
      outputs,
      outputsLine: lineOf(fields.get(shape === "legacy" ? "files" : "outputFiles")),
      runtime: runtime === undefined ? undefined : { value: runtime, line: lineOf(runtimeEntry) },
    });
  }
  return tasks;
}

/** The files a 1.0–1.4 task writes: its `files` entries whose link is `output`, with their path when given. */
function legacyOutputs(entry: JsonEntry | undefined, id: string, diag: Diagnostics): Sourced<string>[] {
  if (!entry || entry.value.type === "null") return [];
  if (entry.value.type !== "array") {
    diag.error(entry.keyLine, `${id}: files must be a list`);
    return [];
  }
  const outputs: Sourced<string>[] = [];
  for (const item of entry.value.items) {
    const file = fieldsOf(item, `${id}: each of its files`, diag);
    if (!file) continue;
    const value = (key: string) => textOf(file.get(key)?.value, `${id}: file ${key}`, diag)?.trim();
    if (value("link")?.toLowerCase() !== "output") continue;
    const name = value("name");
    if (!name) diag.error(item.line, `${id}: an output file has no name`);
    else outputs.push({ value: `${value("path") ?? ""}${name}`, line: item.line });
  }
  return outputs;
}
