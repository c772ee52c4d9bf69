// The checklist plan format: a markdown task list whose top-level items are numbered tasks (`- [ ] 1. Title`)
// and whose nested task items are their ordered subtasks (`- [ ] 1.1 Title`), with `_Label: value_` field lines.
// Read from the one markdown parser's tree; only task lists (lists with checkbox items) at the top of the
// document hold tasks. Track settings (the H1 title, `**Track:** id`, `**Budget:** $25`, …) are read as in
// the other markdown formats.

import type { List, Nodes } from "mdast";
import type { Diagnostics } from "../diagnostics.js";
import type { DraftPlan } from "../draft.js";
import { extractTrackSettings } from "../markdown/extract-track-settings.js";
import { readMarkdownPlan } from "../markdown/read-markdown-plan.js";
import { isTaskItem, readChecklistItem } from "./read-checklist-item.js";

export function extractChecklist(text: string, diag: Diagnostics): DraftPlan {
  const draft: DraftPlan = { format: "checklist", track: {}, tasks: [], gates: [], groups: [] };
  const tree = readMarkdownPlan(text, diag);
  if (!tree) return draft;
  draft.track = extractTrackSettings(tree, diag, isTaskList);
  for (const node of tree.children) {
    if (isTaskList(node)) readTaskList(node, draft, diag);
  }
  return draft;
}

function isTaskList(node: Nodes): node is List {
  return node.type === "list" && node.children.some(isTaskItem);
}

function readTaskList(list: List, draft: DraftPlan, diag: Diagnostics): void {
  for (const item of list.children) {
    if (!isTaskItem(item)) {
      diag.warning(
        item.position?.start.line ?? 0,
        "a list item without a checkbox in the task list is ignored",
        "write `- [ ] N. Title` for a task, or indent the line under a task",
      );
      continue;
    }
    const task = readChecklistItem(item, diag, null);
    if (task) draft.tasks.push(task);
  }
}
