// The lists around a task registry that say more about its tasks, one `- **T03**: …` item per task:
// the "Initial Ready Set" (titles: `Implement cache service (background)`), the "Expected Discoveries"
// (`type errors, missing config`) and the "Auto-spawn rules" (`safe-only`). Which list is which comes from
// the label paragraph just before it (`**Auto-spawn rules:**`) or else from the section heading.

import type { List, Paragraph } from "mdast";
import { type Segment, segmentsText } from "./node-text.js";
import { paragraphLines, readBoldField, readStrongHead } from "./paragraph-lines.js";
import { lineOf } from "./walk-tree.js";

export type NoteKind = "ready" | "discoveries" | "autoSpawn";

export interface TaskNote {
  kind: NoteKind;
  id: string;
  line: number;
  segments: Segment[];
}

export const noteKindNames: Record<NoteKind, string> = {
  ready: "Initial Ready Set",
  discoveries: "Expected Discoveries",
  autoSpawn: "Auto-spawn rules",
};

/** The label of a paragraph that is only a bold label (`**Auto-spawn rules:**`), else undefined. */
export function labelOnly(paragraph: Paragraph): string | undefined {
  const lines = paragraphLines(paragraph);
  const first = lines[0];
  const field = lines.length === 1 && first ? readBoldField(first) : undefined;
  return field && segmentsText(field.segments) === "" ? field.label : undefined;
}

export function noteKind(section: string, label: string): NoteKind | undefined {
  if (/auto.?spawn/i.test(label)) return /trigger/i.test(label) ? undefined : "autoSpawn";
  const context = label === "" ? section : label;
  if (/discover/i.test(context)) return "discoveries";
  if (/ready/i.test(context)) return "ready";
  return undefined;
}

export function readNotes(list: List, kind: NoteKind): TaskNote[] {
  const notes: TaskNote[] = [];
  for (const item of list.children) {
    const first = item.children[0];
    const line = first?.type === "paragraph" ? paragraphLines(first)[0] : undefined;
    const head = line ? readStrongHead(line) : undefined;
    if (head && head.id !== "") notes.push({ kind, id: head.id, line: lineOf(item), segments: head.rest });
  }
  return notes;
}
