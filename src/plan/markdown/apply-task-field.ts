// One labelled value (a `**Label:** value` bullet or a registry cell) → the task's canonical field, read by the
// field's shape. Values stay raw: the normaliser parses them and reports bad ones at this line.

import type { Diagnostics } from "../diagnostics.js";
import type { DraftTask, Sourced } from "../draft.js";
import { fieldShape, type TaskFieldKey, taskFieldKey } from "./field-labels.js";
import { type Segment, segmentsText } from "./node-text.js";
import { splitItems, stripParentheticals } from "./split-list.js";

export interface LabelledValue {
  label: string;
  line: number;
  /** The value written after the label. */
  segments: Segment[];
  /** Nested bullet items under the label, one entry each. */
  nested: Segment[][];
}

export function applyTaskField(task: DraftTask, field: LabelledValue, diag: Diagnostics): void {
  const key = taskFieldKey(field.label);
  if (key === "ignored") return;
  if (key === undefined) {
    task.unknownFields ??= [];
    task.unknownFields.push({ value: field.label, line: field.line });
    return;
  }
  const existing = task.fields[key];
  if (existing) {
    diag.warning(
      field.line,
      `${task.id}: "${field.label}" repeats a field already given at line ${existing.line}; the first one is used`,
    );
    return;
  }
  const value = readValue(key, field);
  if (value !== undefined) setTaskField(task, key, value, field.line);
}

export function setTaskField(
  task: DraftTask,
  key: TaskFieldKey,
  value: string | string[],
  line: number,
): void {
  // The shape table guarantees the value's type matches the key; TypeScript cannot follow that through a lookup.
  (task.fields as Record<TaskFieldKey, Sourced<string | string[]>>)[key] = { value, line };
}

function readValue(key: TaskFieldKey, field: LabelledValue): string | string[] | undefined {
  const nonEmpty = (text: string) => text !== "";
  switch (fieldShape(key)) {
    case "text": {
      const text = segmentsText(field.segments) || field.nested.map(segmentsText).filter(nonEmpty).join(", ");
      // An empty scalar is the same as an absent one (a template's blank field); lists keep an explicit [].
      return text === "" ? undefined : text;
    }
    case "list":
      return [...splitItems(field.segments), ...field.nested.flatMap(splitItems)];
    case "ids":
      return [...splitItems(field.segments), ...field.nested.flatMap(splitItems)]
        .map(stripParentheticals)
        .filter(nonEmpty);
    case "entries":
      return [segmentsText(field.segments), ...field.nested.map(segmentsText)].filter(nonEmpty);
  }
}
