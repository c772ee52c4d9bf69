// Which plan format a text is written in. Detection looks for each format's signature line; the parsing itself
// is done by each format's extractor with a real parser. A YAML plan may also sit in a fenced ```yaml block of a
// markdown document (a plan posted in an issue), found with the markdown parser. The two benchmark graph formats
// are told by their file name or their first lines: `.stg` (STG task graphs) and WfCommons JSON instances.

import type { Code } from "mdast";
import type { PlanFormat } from "./draft.js";
import { parseMarkdown } from "./markdown/parse-markdown.js";

export interface Detected {
  format: PlanFormat;
  /** The text the extractor reads (the fence's content for YAML in markdown) and its line offset. */
  text: string;
  lineOffset: number;
}

const yamlTopLevel = /^(track|tasks|gates|groups)\s*:/m;
const taskBlock = /^\s*[-*+]\s+\[[ xX-]\]\s+\*\*[^*\n]+\*\*\s*:/m;
const registryHeader = /^\s*\|?\s*Task\s*\|.*\|\s*Deps\s*\|/im;
const checklistItem = /^\s*[-*+]\s+\[[ xX-]\]\s+\d+(\.\d+)*\.?\s/m;
/** An STG file's first two lines: the task count, then the dummy entry node `0 0 0`. */
const stgStart = /^\s*\d+[ \t]*\r?\n[ \t]*0[ \t]+0[ \t]+0[ \t]*(\r?\n|$)/;
/** A WfCommons instance that JSON.parse refuses still gets the WfCommons reader, whose errors name the line. */
const workflowKey = /"workflow"\s*:\s*\{/;

/**
 * `.yaml`, `.yml` and `.json` files hold YAML (JSON is YAML) whatever their text looks like; detection reads a
 * `.json` file as a WfCommons instance first when it is one.
 */
export function isYamlFile(file: string): boolean {
  return /\.(ya?ml|json)$/i.test(file);
}

export function detectFormat(text: string, file: string): Detected | null {
  if (/\.stg$/i.test(file)) return { format: "stg", text, lineOffset: 0 };
  if ((/\.json$/i.test(file) || /^\s*\{/.test(text)) && isWfCommonsInstance(text)) {
    return { format: "wfcommons", text, lineOffset: 0 };
  }
  if (isYamlFile(file)) return { format: "yaml", text, lineOffset: 0 };
  if (stgStart.test(text)) return { format: "stg", text, lineOffset: 0 };
  // A fenced YAML plan first: its `tasks:` line would otherwise make the whole text look like YAML.
  if (/^\s*(```|~~~)\s*ya?ml/im.test(text)) {
    const fence = yamlFence(text);
    if (fence) return fence;
  }
  if (/^\s*\{/.test(text) || (yamlTopLevel.test(text) && !/^#{1,6}\s/m.test(text))) {
    return { format: "yaml", text, lineOffset: 0 };
  }
  if (taskBlock.test(text)) return { format: "blocks", text, lineOffset: 0 };
  if (registryHeader.test(text)) return { format: "registry", text, lineOffset: 0 };
  if (checklistItem.test(text)) return { format: "checklist", text, lineOffset: 0 };
  return null;
}

/** Only the fenced YAML of a markdown document, when the document has one holding `tasks:`. */
export function yamlFence(text: string): Detected | null {
  const tree = parseMarkdown(text);
  for (const node of tree.children) {
    if (node.type !== "code") continue;
    const code = node as Code;
    if (!/^ya?ml$/i.test(code.lang ?? "") || !/^tasks\s*:/m.test(code.value)) continue;
    // The fence's first content line is the line after the opening fence.
    return { format: "yaml", text: code.value, lineOffset: code.position?.start.line ?? 0 };
  }
  return null;
}

/** JSON whose top level has a `workflow` object holding `specification` (WfFormat 1.5+) or `tasks`/`jobs` (1.0–1.4). */
export function isWfCommonsInstance(text: string): boolean {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return workflowKey.test(text);
  }
  const workflow = isObject(root) ? root.workflow : undefined;
  return isObject(workflow) && ("specification" in workflow || "tasks" in workflow || "jobs" in workflow);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
