// The report's one-line fields: `**Status:** …`, `**Subtasks done:** T04.1, T04.2` and `**Cost:** $1.23`, read
// from paragraph lines that start with a bold label (the header of the swarm-iosm template stacks them in one
// paragraph). The first of each counts. The free text an agent writes for a person (escalations, handoff notes)
// is skipped: a `**Cost:**` line among an escalation's options is not the report's cost.

import type { Nodes, Root } from "mdast";
import { normalizeLabel } from "../plan/markdown/field-labels.js";
import { type BoldField, paragraphLines, readBoldField } from "../plan/markdown/paragraph-lines.js";
import { walkTree } from "../plan/markdown/walk-tree.js";
import type { Section } from "./report-sections.js";

export type HeaderKey = "status" | "tasksDone" | "cost";

const keysByLabel: Record<string, HeaderKey> = {
  status: "status",
  "report status": "status",
  "task status": "status",
  "subtasks done": "tasksDone",
  "subtasks completed": "tasksDone",
  "completed subtasks": "tasksDone",
  "finished subtasks": "tasksDone",
  "tasks done": "tasksDone",
  cost: "cost",
  "actual cost": "cost",
  "total cost": "cost",
  "cost usd": "cost",
};

export type HeaderFields = Partial<Record<HeaderKey, BoldField>>;

export function readHeaderFields(root: Root, skipped: readonly (Section | undefined)[]): HeaderFields {
  const fields: HeaderFields = {};
  root.children.forEach((child, index) => {
    if (skipped.some((section) => section && index > section.start && index < section.end)) return;
    walkTree(child as Nodes, (node) => {
      if (node.type === "code" || node.type === "table" || node.type === "html") return false;
      if (node.type !== "paragraph") return true;
      for (const line of paragraphLines(node)) {
        const field = readBoldField(line);
        if (!field) continue;
        const label = normalizeLabel(field.label);
        const key = Object.hasOwn(keysByLabel, label) ? keysByLabel[label] : undefined;
        if (key && !fields[key]) fields[key] = field;
      }
      return false;
    });
  });
  return fields;
}
