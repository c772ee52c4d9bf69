// One task block: `- [ ] **T03**: title` with bullet fields (`- **Owner role:** Implementer-A`) and, under it,
// checkbox items with their own ids as ordered subtasks. Everything is read from the mdast list item.

import type { List, ListItem, Nodes } from "mdast";
import type { Diagnostics } from "../diagnostics.js";
import type { DraftTask } from "../draft.js";
import { applyTaskField } from "./apply-task-field.js";
import { normalizeLabel } from "./field-labels.js";
import { type Segment, segmentsText, toSegments } from "./node-text.js";
import { type InlineLine, paragraphLines, readFieldLines, readStrongHead } from "./paragraph-lines.js";
import { lineOf } from "./walk-tree.js";

export const taskItemHint =
  "a task is a checklist item like `- [ ] **T01**: Title` with nested fields such as `- **Touches:** src/a.ts`";

/** task: a checkbox item led by a strong id · missing-id: a checkbox item with fields but no id · other. */
export type ItemKind = "task" | "missing-id" | "other";

export function classifyItem(item: ListItem): ItemKind {
  if (typeof item.checked !== "boolean") return "other";
  const head = firstLines(item)[0];
  const id = head ? readStrongHead(head)?.id : undefined;
  if (id) return "task";
  if (id === "") return "missing-id";
  const hasFields = item.children.some(
    (child) => child.type === "list" && child.children.some((sub) => fieldLinesOf(sub).fields.length > 0),
  );
  return hasFields ? "missing-id" : "other";
}

export function readTaskItem(
  item: ListItem,
  diag: Diagnostics,
  phase: number | undefined,
  isSubtask = false,
): DraftTask {
  const [head, ...more] = firstLines(item);
  const strong = head ? readStrongHead(head) : undefined;
  const id = strong?.id ?? "";
  const task: DraftTask = {
    id,
    line: lineOf(item),
    title: segmentsText(strong?.rest ?? []) || id,
    fields: {},
    subtasks: [],
  };
  if (phase !== undefined) task.phase = phase;
  const context: Context = { task, diag, phase, isSubtask };

  // Fields may also be written as plain lines under the head, without bullets.
  for (const field of readFieldLines(more).fields) applyTaskField(task, { ...field, nested: [] }, diag);
  for (const child of item.children.slice(1)) {
    if (child.type === "paragraph") {
      for (const field of readFieldLines(paragraphLines(child)).fields)
        applyTaskField(task, { ...field, nested: [] }, diag);
    } else if (child.type === "list") {
      readFieldList(child, context);
    }
  }
  if (item.checked === true && !task.fields.status) task.fields.status = { value: "DONE", line: task.line };
  return task;
}

interface Context {
  task: DraftTask;
  diag: Diagnostics;
  phase: number | undefined;
  isSubtask: boolean;
}

function readFieldList(list: List, context: Context): void {
  const { task, diag } = context;
  for (const item of list.children) {
    const kind = classifyItem(item);
    if (kind === "task") {
      if (context.isSubtask) {
        diag.error(
          lineOf(item),
          `${task.id}: a subtask cannot have subtasks of its own`,
          "make it a subtask of the parent task",
        );
      } else {
        task.subtasks.push(readTaskItem(item, diag, context.phase, true));
      }
      continue;
    }
    if (kind === "missing-id") {
      diag.error(lineOf(item), "a task item has no id", taskItemHint);
      continue;
    }
    const { fields, other } = fieldLinesOf(item);
    const last = fields[fields.length - 1];
    if (!last) {
      const text = segmentsText(toSegments((other[0]?.nodes ?? []) as Nodes[]));
      if (text !== "") {
        diag.warning(
          lineOf(item),
          `${task.id}: "${preview(text)}" is not a field; ignored`,
          "write fields as `- **Label:** value`",
        );
      }
      continue;
    }
    for (const field of fields) {
      if (field !== last) applyTaskField(task, { ...field, nested: [] }, diag);
    }
    const nestedLists = item.children.filter((child): child is List => child.type === "list");
    if (normalizeLabel(last.label) === "subtasks") {
      for (const nested of nestedLists) readFieldList(nested, context);
      continue;
    }
    applyTaskField(task, { ...last, nested: nestedLists.flatMap(nestedEntries) }, diag);
  }
}

/** The leading paragraph's lines, or none when the item starts with something else. */
function firstLines(item: ListItem): InlineLine[] {
  const first = item.children[0];
  return first?.type === "paragraph" ? paragraphLines(first) : [];
}

function fieldLinesOf(item: ListItem) {
  return readFieldLines(firstLines(item));
}

/** Each nested bullet's leading paragraph is one entry (`Acceptance:` with a list of criteria). */
function nestedEntries(list: List): Segment[][] {
  return list.children.flatMap((item) => {
    const first = item.children[0];
    return first?.type === "paragraph" ? [toSegments(first.children as Nodes[])] : [];
  });
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
