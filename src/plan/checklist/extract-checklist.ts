// The checklist plan format: a markdown task list whose top-level items are numbered tasks (`- [ ] 1. Title`)
// and whose nested task items are their ordered subtasks (`- [ ] 1.1 Title`), with `_Label: value_` field lines.
// Read from the one markdown parser's tree; only task lists (lists with checkbox items) at the top of the
// document hold tasks. Track settings (the H1 title, `**Track:** id`, `**Budget:** $25`, …) are read as in
// the other markdown formats.

import type { List, Nodes } from "mdast";
import { maxPlanBytes } from "../defaults.js";
import type { Diagnostics } from "../diagnostics.js";
import type { DraftPlan } from "../draft.js";
import { extractTrackSettings } from "../markdown/extract-track-settings.js";
import { parseMarkdown } from "../markdown/parse-markdown.js";
import { findNestingLimit } from "./nesting-limit.js";
import { isTaskItem, readChecklistItem } from "./read-checklist-item.js";

export function extractChecklist(text: string, diag: Diagnostics): DraftPlan {
  const draft: DraftPlan = { format: "checklist", track: {}, tasks: [], gates: [], groups: [] };
  if (Buffer.byteLength(text, "utf8") > maxPlanBytes) {
    diag.error(
      0,
      `the checklist plan is larger than ${maxPlanBytes / 1024 / 1024} MB`,
      "split it into several tracks",
    );
    return draft;
  }
  let tree: ReturnType<typeof parseMarkdown>;
  try {
    tree = parseMarkdown(text);
  } catch (error) {
    diag.error(0, `cannot read the markdown: ${error instanceof Error ? error.message : String(error)}`);
    return draft;
  }
  const stoppedAt = findNestingLimit(tree);
  if (stoppedAt !== null) {
    diag.error(
      stoppedAt,
      "the markdown nests more than 20 levels deep here; what follows it may not be read",
      "flatten the nesting: tasks need two levels, fields and notes a third",
    );
  }
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
