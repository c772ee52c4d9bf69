// How long each task ran, from `workflow.execution.tasks[]` (WfFormat 1.5 and later): the measured runtime is
// the best effort estimate a benchmark has. Entries are matched to the specification's tasks by id.

import type { Diagnostics } from "../diagnostics.js";
import type { Sourced } from "../draft.js";
import { fieldsOf, textOf } from "./json-values.js";
import type { JsonNode } from "./read-json.js";

export interface Runtimes {
  /** Task id → seconds as written, with their line. */
  byId: Map<string, Sourced<string>>;
  /** Ids listed more than once, with the line of the later entry; the first entry counts. */
  repeated: Sourced<string>[];
}

export function readRuntimes(execution: JsonNode, diag: Diagnostics): Runtimes {
  const runtimes: Runtimes = { byId: new Map(), repeated: [] };
  const list = fieldsOf(execution, "workflow.execution", diag)?.get("tasks")?.value;
  if (!list || list.type === "null") return runtimes;
  if (list.type !== "array") {
    diag.error(list.line, "workflow.execution.tasks must be a list");
    return runtimes;
  }
  for (const item of list.items) {
    if (item.type !== "object") {
      diag.error(item.line, "each entry of workflow.execution.tasks must be an object with an id");
      continue;
    }
    const id = textOf(item.entries.get("id")?.value, "id", diag)?.trim();
    if (!id) {
      diag.error(item.line, "an entry of workflow.execution.tasks has no id");
      continue;
    }
    const entry = item.entries.get("runtimeInSeconds");
    const seconds = textOf(entry?.value, `${id}: runtimeInSeconds`, diag);
    if (seconds === undefined || !entry) continue;
    if (runtimes.byId.has(id)) runtimes.repeated.push({ value: id, line: item.line });
    else runtimes.byId.set(id, { value: seconds, line: entry.keyLine });
  }
  return runtimes;
}
