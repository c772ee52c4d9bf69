// WfCommons tasks → draft tasks: dependencies from both ends of each edge (instances may declare an edge only as
// a parent or only as a child), effort hours from the measured seconds, and touches from the files a task writes
// (write-local), none making it read-only. Unknown parents are left to the normaliser, which reports them at
// their line like any plan's unknown dependency.

import type { Diagnostics } from "../diagnostics.js";
import type { DraftTask, Sourced } from "../draft.js";
import { isNone } from "../parse-values.js";
import type { Runtimes } from "./read-runtimes.js";
import type { WorkflowTask } from "./read-workflow-tasks.js";
import { secondsToHours } from "./seconds-to-hours.js";

/** The model's limit on a task id. */
const maxIdLength = 100;
/** Repeated problems of one kind are reported this many times, then summarised. */
const maxReported = 20;

export function linkWorkflowTasks(
  tasks: readonly WorkflowTask[],
  /** Null for a 1.0–1.4 instance, whose tasks carry their own runtime. */
  runtimes: Runtimes | null,
  diag: Diagnostics,
): DraftTask[] {
  const refs = new Map<string, string>();
  for (const task of tasks) if (!refs.has(task.id)) refs.set(task.id, task.id);
  for (const task of tasks) if (task.alias && !refs.has(task.alias)) refs.set(task.alias, task.id);

  const childOf = new Map<string, string[]>();
  const unknownChildren = cappedErrors(diag, "more tasks list unknown children");
  for (const task of tasks) {
    for (const child of task.children) {
      const target = refs.get(child.value.trim());
      if (target === undefined)
        unknownChildren(child.line, `${task.id} lists unknown child "${child.value}"`);
      else {
        const parents = childOf.get(target);
        if (parents) parents.push(task.id);
        else childOf.set(target, [task.id]);
      }
    }
  }
  unknownChildren.done();

  const missing: WorkflowTask[] = [];
  const drafts: DraftTask[] = [];
  const longIds = cappedErrors(diag, "more task ids are too long");
  for (const task of tasks) {
    if (task.id.length > maxIdLength) {
      const id = task.id.slice(0, 40);
      longIds(task.line, `task id "${id}…" is ${task.id.length} characters long (at most ${maxIdLength})`);
      continue;
    }
    const deps = new Set(task.parents.map((parent) => refs.get(parent.value.trim()) ?? parent.value));
    for (const parent of childOf.get(task.id) ?? []) deps.add(parent);
    const runtime = runtimes ? runtimes.byId.get(task.id) : task.runtime;
    if (!runtime) missing.push(task);
    const effort = runtime ? effortOf(task.id, runtime, diag) : undefined;
    drafts.push({
      id: task.id,
      line: task.line,
      title: task.name ?? "",
      fields: {
        // A task that writes files is write-local because it has touches; declaring it would add a second
        // warning to the error of a touch that is not a path.
        ...(task.outputs.length === 0 ? { concurrency: { value: "read-only", line: task.line } } : {}),
        ...(deps.size > 0 ? { deps: { value: [...deps], line: task.parentsLine } } : {}),
        ...(task.outputs.length > 0
          ? { touches: { value: task.outputs.map((file) => asTouch(file.value)), line: task.outputsLine } }
          : {}),
        ...(effort ? { effort } : {}),
      },
      subtasks: [],
    });
  }
  longIds.done();
  warnMissing(missing, diag);
  if (runtimes) warnUnmatched(tasks, runtimes, diag);
  return drafts;
}

/**
 * A file id as a touch that stays a file: plans write `None`, `-`, `read-only` or `[a note]` to say a task writes
 * nothing, but here they are file names (the blast instances write a file called `None`). `./` keeps them
 * paths; the normaliser drops it again.
 */
function asTouch(file: string): string {
  const name = file.trim();
  if (name === "") return file;
  return isNone(name) || /^read[- ]?only$/i.test(name) || /^\[.*\]$/.test(name) ? `./${name}` : file;
}

function effortOf(id: string, runtime: Sourced<string>, diag: Diagnostics): Sourced<string> | undefined {
  const text = runtime.value.trim();
  const seconds = /^[0-9.eE+-]+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return { value: secondsToHours(seconds), line: runtime.line };
  diag.error(runtime.line, `${id}: runtime "${runtime.value}" is not a non-negative number of seconds`);
  return undefined;
}

function warnMissing(missing: readonly WorkflowTask[], diag: Diagnostics): void {
  const first = missing[0];
  if (!first) return;
  const which =
    missing.length === 1 ? `task ${first.id} has` : `${missing.length} tasks (first: ${first.id}) have`;
  diag.warning(
    first.line,
    `${which} no measured runtime, so the plan's default effort applies`,
    "WfFormat 1.5 keeps runtimes in workflow.execution.tasks[].runtimeInSeconds, 1.0–1.4 on each task",
  );
}

function warnUnmatched(tasks: readonly WorkflowTask[], runtimes: Runtimes, diag: Diagnostics): void {
  const ids = new Set(tasks.map((task) => task.id));
  const unmatched = [...runtimes.byId].filter(([id]) => !ids.has(id));
  const [firstId, firstRuntime] = unmatched[0] ?? [];
  if (firstId !== undefined && firstRuntime) {
    const which = unmatched.length === 1 ? `"${firstId}"` : `${unmatched.length} ids (first: "${firstId}")`;
    diag.warning(firstRuntime.line, `workflow.execution lists ${which} that no specified task has; ignored`);
  }
  const repeated = runtimes.repeated[0];
  if (repeated) {
    diag.warning(
      repeated.line,
      `workflow.execution lists ${repeated.value} more than once; the first entry counts`,
    );
  }
}

/** Reports the first few problems of a kind at their lines, then one line with how many more there were. */
function cappedErrors(diag: Diagnostics, more: string) {
  let count = 0;
  const add = (line: number, message: string): void => {
    count += 1;
    if (count <= maxReported) diag.error(line, message);
  };
  return Object.assign(add, {
    done: () => {
      if (count > maxReported) diag.error(0, `… and ${count - maxReported} ${more}`);
    },
  });
}
