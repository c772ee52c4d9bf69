// WfCommons workflow instances (WfFormat JSON: real scientific workflow traces) as plans, so `simulate` and the
// schedule benchmark run them through the same pipeline as every plan. A task's measured runtime becomes its
// effort, the files it writes its touches; the instance's name titles the track.

import type { Diagnostics } from "../diagnostics.js";
import type { DraftPlan } from "../draft.js";
import { emptyDraft, fitsSizeLimit } from "../plan-size.js";
import { fieldsOf, type JsonFields, textOf } from "./json-values.js";
import { linkWorkflowTasks } from "./link-workflow-tasks.js";
import { readJson } from "./read-json.js";
import { type Runtimes, readRuntimes } from "./read-runtimes.js";
import { readWorkflowTasks, type WorkflowTask } from "./read-workflow-tasks.js";

const formatHint = "see https://github.com/wfcommons/WfFormat";

export function extractWfcommons(text: string, diag: Diagnostics): DraftPlan {
  const draft = emptyDraft("wfcommons");
  if (!fitsSizeLimit(text, diag)) return draft;
  const json = readJson(text);
  if ("error" in json) {
    diag.error(json.line, `JSON syntax: ${json.error}`);
    return draft;
  }
  const top = fieldsOf(json.root, "a WfCommons instance", diag);
  if (!top) return draft;

  const name = top.get("name");
  const title = textOf(name?.value, "name", diag)?.trim();
  if (name && title) draft.track.title = { value: title, line: name.keyLine };

  const workflowEntry = top.get("workflow");
  if (!workflowEntry || workflowEntry.value.type === "null") {
    diag.error(workflowEntry?.keyLine ?? json.root.line, "the instance has no workflow object", formatHint);
    return draft;
  }
  const workflow = fieldsOf(workflowEntry.value, "workflow", diag);
  if (!workflow) return draft;
  const read = readTasks(workflow, workflowEntry.keyLine, diag);
  if (read) draft.tasks = linkWorkflowTasks(read.tasks, read.runtimes, diag);
  return draft;
}

/** WfFormat 1.5 and later: `specification` and `execution`; 1.0–1.4: `tasks` (or `jobs`) with runtimes inline. */
function readTasks(
  workflow: JsonFields,
  line: number,
  diag: Diagnostics,
): { tasks: WorkflowTask[]; runtimes: Runtimes | null } | null {
  const specification = workflow.get("specification");
  if (!specification) {
    const legacy = workflow.get("tasks") ?? workflow.get("jobs");
    if (!legacy) {
      diag.error(line, "the workflow has neither a specification nor a tasks list", formatHint);
      return null;
    }
    return { tasks: readWorkflowTasks(legacy.value, "legacy", diag), runtimes: null };
  }
  const tasksEntry = fieldsOf(specification.value, "workflow.specification", diag)?.get("tasks");
  if (!tasksEntry) {
    diag.error(specification.keyLine, "workflow.specification has no tasks list", formatHint);
    return null;
  }
  const tasks = readWorkflowTasks(tasksEntry.value, "specification", diag);
  // Without an execution section every task lacks a runtime, which the linker reports once for all of them.
  const execution = workflow.get("execution");
  const runtimes = execution ? readRuntimes(execution.value, diag) : { byId: new Map(), repeated: [] };
  return { tasks, runtimes };
}
