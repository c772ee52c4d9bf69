// Track settings shared by the markdown formats: the H1 title, `**Track:** id`, bold-key lines such as
// `**Budget:** $25` anywhere outside tasks, the template's fenced `Resource Constraints:` YAML, and a
// `| Model | USD per hour |` table. Values stay raw; the normaliser parses them.

import type { Code, Heading, Nodes, Root } from "mdast";
import type { Diagnostics } from "../diagnostics.js";
import type { DraftTrackSettings, Sourced } from "../draft.js";
import { normalizeLabel } from "./field-labels.js";
import { collapseSpace, nodeText, segmentsText } from "./node-text.js";
import { paragraphLines, readBoldField } from "./paragraph-lines.js";
import { readModelRates } from "./read-model-rates.js";
import { isResourceConstraints, readResourceConstraints } from "./read-resource-constraints.js";
import { lineOf, walkTree } from "./walk-tree.js";

type TextSetting = Exclude<keyof DraftTrackSettings, "modelRates">;

const settingsByLabel: Record<string, TextSetting> = {
  track: "id",
  "track id": "id",
  budget: "budgetUsd",
  "cost budget": "budgetUsd",
  "cost limit": "budgetUsd",
  "max parallel agents": "maxParallel",
  "max parallel": "maxParallel",
  "spawn budget": "spawnBudget",
  "retry limit": "retryLimit",
  "scope policy": "scopePolicy",
  "no progress limit": "noProgressLimit",
};

/** `skip` marks subtrees that are not track-level text (task blocks, whose bold keys are task fields). */
export function extractTrackSettings(
  root: Root,
  diag: Diagnostics,
  skip: (node: Nodes) => boolean = () => false,
): DraftTrackSettings {
  const track: DraftTrackSettings = {};
  let heading: Heading | undefined;
  const fences: Code[] = [];
  walkTree(root, (node) => {
    if (skip(node)) return false;
    if (node.type === "heading") {
      if (node.depth === 1 && !heading) heading = node;
      return false;
    }
    if (node.type === "paragraph") {
      // One setting per line: a value never wraps onto the next line of a settings block.
      for (const line of paragraphLines(node)) {
        const field = readBoldField(line);
        const key = field ? settingKey(field.label) : undefined;
        const value = field ? segmentsText(field.segments) : "";
        if (field && key && value !== "") setOnce(track, key, field.label, { value, line: field.line }, diag);
      }
      return false;
    }
    if (node.type === "code") {
      if (isResourceConstraints(node)) fences.push(node);
      return false;
    }
    if (node.type === "table") {
      const rates = track.modelRates ? undefined : readModelRates(node);
      if (rates) track.modelRates = rates;
      return false;
    }
    return true;
  });

  // Bold keys are explicit settings; the YAML block only fills what they left unset.
  for (const fence of fences) {
    const limits = readResourceConstraints(fence, diag);
    if (limits.budgetUsd && !track.budgetUsd) track.budgetUsd = limits.budgetUsd;
    if (limits.maxParallel && !track.maxParallel) track.maxParallel = limits.maxParallel;
  }

  if (heading) {
    const title = collapseSpace(nodeText(heading));
    if (title !== "") track.title = { value: title, line: lineOf(heading) };
    const id = idFromTitle(title);
    if (!track.id && id) track.id = { value: id, line: lineOf(heading) };
  }
  return track;
}

function settingKey(label: string): TextSetting | undefined {
  const normal = normalizeLabel(label);
  return Object.hasOwn(settingsByLabel, normal) ? settingsByLabel[normal] : undefined;
}

function setOnce(
  track: DraftTrackSettings,
  key: TextSetting,
  label: string,
  value: Sourced<string>,
  diag: Diagnostics,
): void {
  const existing = track[key];
  if (existing) {
    diag.warning(
      value.line,
      `"${label}" repeats a setting already given at line ${existing.line}; the first one is used`,
    );
    return;
  }
  track[key] = value;
}

/** `Continuous Dispatch Plan — demo-track` → `demo-track`: the part after the first spaced dash. */
function idFromTitle(title: string): string | undefined {
  const cuts = [" — ", " – ", " - "].map((dash) => title.indexOf(dash)).filter((index) => index >= 0);
  if (cuts.length === 0) return undefined;
  const id = title.slice(Math.min(...cuts) + 3).trim();
  return id === "" ? undefined : id;
}
