// The generated continuous dispatch plan: a task registry table, plus titles from the Initial Ready Set,
// discoveries from Expected Discoveries and auto-spawn rules from their list. Extraction only: dependencies on
// tasks the table does not list (the sample's T03 → T02) are kept for the normaliser to report.

import type { Diagnostics } from "../diagnostics.js";
import type { DraftTask, Extractor } from "../draft.js";
import { emptyDraft } from "../plan-size.js";
import { setTaskField } from "./apply-task-field.js";
import { extractGates } from "./extract-gates.js";
import { extractTrackSettings } from "./extract-track-settings.js";
import { collapseSpace, nodeText, segmentsText } from "./node-text.js";
import { readMarkdownPlan } from "./read-markdown-plan.js";
import { labelOnly, noteKind, noteKindNames, readNotes, type TaskNote } from "./read-registry-notes.js";
import { readRegistryTable, registryHeaderHint } from "./read-registry-table.js";
import { splitItems } from "./split-list.js";
import { walkTree } from "./walk-tree.js";

export const extractRegistry: Extractor = (text, diag) => {
  const draft = emptyDraft("registry");
  const root = readMarkdownPlan(text, diag);
  if (!root) return draft;

  let tables = 0;
  const notes: TaskNote[] = [];
  let section = "";
  let label = "";
  walkTree(root, (node) => {
    switch (node.type) {
      case "heading":
        section = collapseSpace(nodeText(node));
        label = "";
        return false;
      case "paragraph":
        label = labelOnly(node) ?? label;
        return false;
      case "table": {
        const tasks = readRegistryTable(node, diag);
        if (tasks) {
          tables += 1;
          for (const task of tasks) draft.tasks.push(task);
        }
        return false;
      }
      case "list": {
        const kind = noteKind(section, label);
        if (!kind) return true;
        for (const note of readNotes(node, kind)) notes.push(note);
        return false;
      }
      default:
        return true;
    }
  });

  if (tables === 0)
    diag.error(0, "no task registry table found: expected a continuous dispatch plan", registryHeaderHint);
  applyNotes(draft.tasks, notes, diag);
  for (const task of draft.tasks) task.title ||= task.id;
  draft.track = extractTrackSettings(root, diag);
  draft.gates = extractGates(root);
  return draft;
};

function applyNotes(tasks: DraftTask[], notes: readonly TaskNote[], diag: Diagnostics): void {
  const byId = new Map<string, DraftTask>();
  for (const task of tasks) if (!byId.has(task.id)) byId.set(task.id, task);
  for (const note of notes) {
    const task = byId.get(note.id);
    if (!task) {
      if (tasks.length > 0) {
        diag.warning(
          note.line,
          `${note.id} is listed under ${noteKindNames[note.kind]} but not in the task registry; ignored`,
        );
      }
      continue;
    }
    if (note.kind === "ready") {
      // `(background)` repeats the table's Mode column; it is not part of the title.
      task.title ||= segmentsText(note.segments).replace(/ ?\((?:background|foreground|bg|fg)\)$/i, "");
    } else if (note.kind === "discoveries") {
      if (!task.fields.discoveries) setTaskField(task, "discoveries", splitItems(note.segments), note.line);
    } else if (!task.fields.autoSpawn) {
      const rule = segmentsText(note.segments);
      if (rule !== "") setTaskField(task, "autoSpawn", rule, note.line);
    }
  }
}
