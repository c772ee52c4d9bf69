// The swarm-iosm `plan.md` format: tasks are checklist items `- [ ] **T03**: title` with bullet fields, under
// `### Phase N — …` headings; the document also carries track settings and gates. Extraction only: values are
// recorded as written with their lines, and the normaliser judges them.

import type { Heading, Nodes } from "mdast";
import type { Extractor } from "../draft.js";
import { emptyDraft } from "../plan-size.js";
import { extractGates } from "./extract-gates.js";
import { extractTrackSettings } from "./extract-track-settings.js";
import { collapseSpace, nodeText } from "./node-text.js";
import { readMarkdownPlan } from "./read-markdown-plan.js";
import { classifyItem, readTaskItem, taskItemHint } from "./read-task-item.js";
import { lineOf, walkTree } from "./walk-tree.js";

export const extractBlocks: Extractor = (text, diag) => {
  const draft = emptyDraft("blocks");
  const root = readMarkdownPlan(text, diag);
  if (!root) return draft;

  const taskItems = new Set<Nodes>();
  let missingIds = 0;
  // The nearest Phase heading, until a heading at the same level or above starts something else.
  let phase: number | undefined;
  let phaseDepth = 0;
  walkTree(root, (node) => {
    if (node.type === "heading") {
      const number = phaseNumber(node);
      if (number !== undefined) {
        phase = number;
        phaseDepth = node.depth;
      } else if (node.depth <= phaseDepth) {
        phase = undefined;
        phaseDepth = 0;
      }
      return false;
    }
    if (node.type !== "listItem") return true;
    const kind = classifyItem(node);
    if (kind === "other") return true;
    taskItems.add(node);
    if (kind === "task") {
      draft.tasks.push(readTaskItem(node, diag, phase));
    } else {
      missingIds += 1;
      diag.error(lineOf(node), "a task item has no id", taskItemHint);
    }
    return false;
  });

  draft.track = extractTrackSettings(root, diag, (node) => taskItems.has(node));
  draft.gates = extractGates(root, (node) => taskItems.has(node));
  if (draft.tasks.length === 0 && missingIds === 0) {
    diag.error(0, "no task blocks found: expected a swarm-iosm plan.md with checklist tasks", taskItemHint);
  }
  return draft;
};

/** `Phase 2 — Implementation` → 2. */
function phaseNumber(heading: Heading): number | undefined {
  const match = /^phase (\d{1,9})\b/i.exec(collapseSpace(nodeText(heading)));
  return match ? Number(match[1]) : undefined;
}
