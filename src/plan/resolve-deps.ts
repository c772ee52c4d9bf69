// Dependencies as written → task ids, across the whole plan: `None`, task ids, group names (a dependency on a
// group is one on each of its tasks: groups never create barriers), `All Phase 2-3 tasks`, and the checklist
// rule that a top-level task without a Depends line waits for the previous one. Every unknown or forbidden
// dependency is reported at the line it was written on.

import type { Diagnostics } from "./diagnostics.js";
import type { DraftTask, Sourced } from "./draft.js";
import type { Task } from "./model.js";
import { isNone } from "./parse-values.js";
import { suggest } from "./suggest.js";

export interface PlanEntry {
  task: Task;
  draft: DraftTask;
}

export interface Group {
  name: string;
  line: number;
  members: string[];
  deps: Sourced<string[]> | null;
}

const phasePattern = /^all\s+phases?\s+(\d+)(?:\s*(?:-|–|to)\s*(\d+))?(?:\s+tasks?)?$/i;

/** Unknown dependencies get a suggestion for the first few only; the rest are still reported. */
const maxSuggestions = 50;

export function resolveDeps(
  entries: readonly PlanEntry[],
  groups: Map<string, Group>,
  diag: Diagnostics,
): void {
  const byId = new Map(entries.map((entry) => [entry.task.id, entry.task]));
  const knownNames = [...byId.keys(), ...groups.keys()];
  let suggestions = 0;
  let previousTop: Task | null = null;

  for (const { task, draft } of entries) {
    const written: Sourced<string>[] = (draft.fields.deps?.value ?? []).map((value) => ({
      value,
      line: draft.fields.deps?.line ?? draft.line,
    }));
    const group = task.group ? groups.get(task.group) : undefined;
    for (const value of group?.deps?.value ?? [])
      written.push({ value, line: group?.deps?.line ?? draft.line });

    const deps: string[] = [];
    const add = (id: string, line: number): void => {
      const target = byId.get(id);
      if (!target) return;
      const problem = forbidden(task, target, byId);
      if (problem) diag.error(line, problem.message, problem.hint);
      else if (!deps.includes(id)) deps.push(id);
    };

    if (task.parent === null && draft.dependsOnPrevious && !draft.fields.deps && previousTop) {
      deps.push(previousTop.id);
    }
    for (const { value, line } of written) {
      const token = value.trim();
      if (isNone(token)) continue;
      const phases = phasePattern.exec(token);
      if (phases) {
        const low = Number(phases[1]);
        const high = phases[2] === undefined ? low : Number(phases[2]);
        const members = entries.filter(
          (e) =>
            e.task.parent === null &&
            e.draft.phase !== undefined &&
            e.draft.phase >= low &&
            e.draft.phase <= high,
        );
        if (members.length === 0)
          diag.error(line, `${task.id}: "${token}" names no tasks (no task is in those phases)`);
        for (const member of members) if (member.task.id !== task.id) add(member.task.id, line);
        continue;
      }
      if (byId.has(token)) {
        add(token, line);
        continue;
      }
      const named = groups.get(token);
      if (named) {
        for (const member of named.members) if (member !== task.id) add(member, line);
        continue;
      }
      const others = () => knownNames.filter((name) => name !== task.id);
      const guess = suggestions++ < maxSuggestions ? suggest(token, others()) : null;
      diag.error(
        line,
        `${task.id} depends on unknown task "${token}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
        "add that task to the plan, or remove the dependency",
      );
    }
    task.deps = deps;
    if (task.parent === null) previousTop = task;
  }
}

function forbidden(
  task: Task,
  target: Task,
  byId: Map<string, Task>,
): { message: string; hint?: string } | null {
  if (target.id === task.id) return { message: `${task.id} depends on itself` };
  if (target.parent !== null && target.parent !== task.id && target.parent !== task.parent) {
    return {
      message: `${task.id} depends on ${target.id}, a subtask of ${target.parent}`,
      hint: `subtasks are dispatched with their unit: depend on ${target.parent} instead`,
    };
  }
  if (target.parent === task.id) {
    return { message: `${task.id} depends on its own subtask ${target.id}` };
  }
  if (task.parent !== null && target.id === task.parent) {
    return { message: `subtask ${task.id} depends on its own unit ${target.id}` };
  }
  if (task.parent !== null && target.parent === task.parent) {
    // Subtasks run in their written order, so only an earlier sibling can be waited for.
    const order = byId.get(task.parent)?.subtasks ?? [];
    if (order.indexOf(target.id) > order.indexOf(task.id)) {
      return {
        message: `subtask ${task.id} depends on ${target.id}, which runs after it (subtasks run in order)`,
      };
    }
  }
  return null;
}
