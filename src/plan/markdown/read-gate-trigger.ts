// One auto-spawn trigger line: `Gate-I gap → spawn "improve clarity" tasks` names the gate and the task its
// gap spawns. Only the title is written in this form; role, touches and effort keep the normaliser's defaults.

import type { ListItem } from "mdast";
import { collapseSpace, nodeText } from "./node-text.js";

export interface GateTrigger {
  gate: string;
  title: string;
}

// Applied to one already-collapsed line (single spaces), so no run of white space can make it backtrack.
const triggerPattern = /^(\S+) gaps? ?(?:→|->|=>|⟶) ?(?:spawn )?(.*)$/i;
const quotedPattern = /["“]([^"“”]+)["”]/;

export function readGateTrigger(item: ListItem): GateTrigger | undefined {
  const first = item.children[0];
  if (first?.type !== "paragraph") return undefined;
  const match = triggerPattern.exec(collapseSpace(nodeText(first)));
  if (!match) return undefined;
  const rest = (match[2] ?? "").trim();
  const title = (quotedPattern.exec(rest)?.[1] ?? rest).trim().replace(/\.$/, "");
  return title === "" ? undefined : { gate: match[1] as string, title };
}
