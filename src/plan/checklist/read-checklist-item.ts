// One checklist item → a draft task: `- [ ] 1. Title` (`[x]` done, `[-]` in progress), its nested task items as
// subtasks, and the lines under it as fields (`_Touches: …_`) or description (every other line, kept as the
// task's acceptance notes).

import type { ListItem, Nodes, PhrasingContent } from "mdast";
import type { Diagnostics } from "../diagnostics.js";
import type { DraftTask, DraftTaskFields, Sourced } from "../draft.js";
import { readFieldLine } from "./checklist-fields.js";
import { type InlineLine, renderInline, splitLines } from "./inline-lines.js";

/** Plain bullets nested deeper than this under an item are not read (hostile nesting stays cheap). */
const maxBulletDepth = 4;
const inProgressMark = /^\[-\](?:\s+|$)/;
const numbered = /^(\d{1,9}(?:\.\d{1,9}){0,5})\.?(?:\s+(.*))?$/s;

/** A task-list item: a GFM checkbox (`checked` is set) or the `[-]` in-progress mark GFM does not know. */
export function isTaskItem(item: ListItem): boolean {
  return item.checked === true || item.checked === false || inProgressMark.test(headText(item));
}

export function readChecklistItem(
  item: ListItem,
  diag: Diagnostics,
  parent: string | null,
): DraftTask | null {
  const line = item.position?.start.line ?? 0;
  const first = item.children[0];
  const lines =
    first?.type === "paragraph" ? splitLines(first.children, first.position?.start.line ?? line) : [];
  let head = lines[0] ? renderInline(lines[0].nodes, "keep").trim() : "";
  const inProgress = inProgressMark.exec(head);
  if (inProgress) head = head.slice(inProgress[0].length);
  const match = numbered.exec(head);
  if (!match) {
    diag.error(
      line,
      `checklist item "${head.slice(0, 60)}" does not start with a task number`,
      parent === null ? "write `- [ ] 1. Title`" : `write \`- [ ] ${parent}.1 Title\``,
    );
    return null;
  }
  const id = match[1] as string;
  const task: DraftTask = { id, line, title: (match[2] ?? "").trim(), fields: {}, subtasks: [] };
  if (item.checked === true) task.fields.status = { value: "DONE", line };
  else if (inProgress) task.fields.status = { value: "DOING", line };

  const body = new ItemBody(task, diag);
  body.readLines(lines.slice(1));
  for (const child of item.children.slice(1)) {
    if (child.type !== "list") {
      body.readBlock(child, 0);
      continue;
    }
    for (const nested of child.children) {
      if (!isTaskItem(nested)) body.readBlock(nested, 0);
      else if (parent !== null) {
        diag.error(
          nested.position?.start.line ?? line,
          `${id}: a subtask cannot have subtasks`,
          `list it under ${parent} instead`,
        );
      } else {
        const subtask = readChecklistItem(nested, diag, id);
        if (subtask) task.subtasks.push(subtask);
      }
    }
  }
  body.finish();
  // The author's order is the safe default: a task that names no dependencies waits for the one before it.
  if (parent === null && !task.fields.deps) task.dependsOnPrevious = true;
  return task;
}

/** The fields and description lines gathered under one item. */
class ItemBody {
  private readonly description: Sourced<string>[] = [];
  private readonly unknown: Sourced<string>[] = [];

  constructor(
    private readonly task: DraftTask,
    private readonly diag: Diagnostics,
  ) {}

  readBlock(node: Nodes, depth: number): void {
    if (node.type === "paragraph") this.readLines(splitLines(node.children, node.position?.start.line ?? 0));
    else if ((node.type === "list" || node.type === "listItem") && depth < maxBulletDepth) {
      for (const child of node.children) this.readBlock(child, depth + 1);
    }
  }

  readLines(lines: readonly InlineLine[]): void {
    for (const { nodes, line } of lines) this.readLine(nodes, line);
  }

  private readLine(nodes: readonly PhrasingContent[], line: number): void {
    const read = readFieldLine(nodes);
    const fields = this.task.fields as Record<string, Sourced<string | string[]> | undefined>;
    if (read.kind === "description") {
      this.description.push({ value: renderInline(nodes, "keep").trim(), line });
    } else if (read.kind === "unknown") {
      this.unknown.push({ value: read.label, line });
    } else if (Array.isArray(read.value)) {
      const existing = fields[read.key];
      if (existing && Array.isArray(existing.value)) existing.value.push(...read.value);
      else fields[read.key] = { value: read.value, line };
    } else if (fields[read.key]) {
      this.diag.warning(
        line,
        `${this.task.id}: a second ${read.key} line is ignored`,
        `line ${fields[read.key]?.line} sets it`,
      );
    } else {
      fields[read.key] = { value: read.value, line };
    }
  }

  finish(): void {
    const first = this.description[0];
    if (first) {
      const acceptance = this.description.map((item) => item.value);
      const fields: DraftTaskFields = this.task.fields;
      fields.acceptance = { value: acceptance, line: first.line };
    }
    if (this.unknown.length > 0) this.task.unknownFields = this.unknown;
  }
}

function headText(item: ListItem): string {
  const first = item.children[0];
  if (first?.type !== "paragraph") return "";
  const head = first.children[0];
  return head?.type === "text" ? head.value : "";
}
