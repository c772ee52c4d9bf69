// The field lines of a checklist item: an emphasised `_Label: value_` line (or `_Label:_ value`) under the item.
// Labels are matched loosely (case, spaces, dashes); a bold `**Label:** value` line counts only for a known
// label, since bold lines such as `**Property 1: …**` are description.

import type { PhrasingContent } from "mdast";
import type { DraftTaskFields } from "../draft.js";
import { renderInline } from "./inline-lines.js";

type FieldKey = Exclude<keyof DraftTaskFields, "status" | "group">;

/** Label (lower case, single spaces) → the draft field it fills. */
const labels: Record<string, FieldKey> = {
  requirements: "requirements",
  requirement: "requirements",
  "depends on": "deps",
  depends: "deps",
  dependencies: "deps",
  deps: "deps",
  touches: "touches",
  effort: "effort",
  role: "role",
  "owner role": "role",
  model: "model",
  concurrency: "concurrency",
  "needs user input": "needsUserInput",
  mode: "mode",
  cost: "cost",
  "auto spawn": "autoSpawn",
  severity: "severity",
  gates: "gates",
  artifacts: "artifacts",
  discoveries: "discoveries",
  "expected discoveries": "discoveries",
};

/** Fields whose value is a comma-separated list. */
const listKeys: ReadonlySet<FieldKey> = new Set([
  "requirements",
  "deps",
  "touches",
  "gates",
  "artifacts",
  "discoveries",
]);

export type FieldLine =
  | { kind: "field"; key: FieldKey; value: string | string[] }
  | { kind: "unknown"; label: string }
  | { kind: "description" };

export function readFieldLine(nodes: readonly PhrasingContent[]): FieldLine {
  const content = nodes.filter((node) => !(node.type === "text" && node.value.trim() === ""));
  const first = content[0];
  if (!first || (first.type !== "emphasis" && first.type !== "strong")) return { kind: "description" };
  const split =
    content.length === 1 ? splitLabel(first.children) : labelOnly(first.children, content.slice(1));
  if (!split) return { kind: "description" };
  const label = split.label.toLowerCase().replace(/[\s_-]+/g, " ");
  const key = Object.hasOwn(labels, label) ? labels[label] : undefined;
  if (key === undefined)
    return first.type === "emphasis" ? { kind: "unknown", label: split.label } : { kind: "description" };
  return {
    kind: "field",
    key,
    value: listKeys.has(key) ? splitList(split.value) : renderInline(split.value, "unwrap").trim(),
  };
}

interface Labelled {
  label: string;
  value: PhrasingContent[];
}

const labelPattern = /^\s*([A-Za-z][A-Za-z _-]{0,40}?)\s*:\s*/;

/** `_Label: value_`: the label is the start of the run's first text. */
function splitLabel(children: readonly PhrasingContent[]): Labelled | null {
  const [head, ...rest] = children;
  const match = head?.type === "text" ? labelPattern.exec(head.value) : null;
  if (head?.type !== "text" || !match) return null;
  const remainder = head.value.slice(match[0].length);
  return {
    label: match[1] as string,
    value: [...(remainder ? [{ ...head, value: remainder }] : []), ...rest],
  };
}

/** `_Label:_ value`: the run is the label alone and the value follows it. */
function labelOnly(children: readonly PhrasingContent[], after: PhrasingContent[]): Labelled | null {
  const match = /^\s*([A-Za-z][A-Za-z _-]{0,40}?)\s*:\s*$/.exec(renderInline(children, "unwrap"));
  return match ? { label: match[1] as string, value: after } : null;
}

/** Comma-separated items; a code span is one item even if it holds a comma (`a,b.ts` is one path). */
function splitList(nodes: readonly PhrasingContent[]): string[] {
  const items: string[] = [""];
  for (const node of nodes) {
    if (node.type !== "text") {
      items[items.length - 1] += renderInline([node], "unwrap");
      continue;
    }
    node.value.split(",").forEach((piece, index) => {
      if (index > 0) items.push("");
      items[items.length - 1] += piece;
    });
  }
  return items.map((item) => item.trim()).filter((item) => item !== "");
}
