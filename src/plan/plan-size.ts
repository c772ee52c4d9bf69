// The size guard every markdown extractor applies before parsing, with the limit the whole plan parser uses,
// so an extractor called on its own is as safe as parsePlan.

import { maxPlanBytes } from "./defaults.js";
import type { Diagnostics } from "./diagnostics.js";
import type { DraftPlan, PlanFormat } from "./draft.js";

export function fitsSizeLimit(text: string, diag: Diagnostics): boolean {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes <= maxPlanBytes) return true;
  diag.error(
    0,
    `the plan is ${bytes.toLocaleString("en-US")} bytes, over the limit of ${maxPlanBytes / 1024 / 1024} MB`,
    "split it into several tracks",
  );
  return false;
}

export function emptyDraft(format: PlanFormat): DraftPlan {
  return { format, track: {}, tasks: [], gates: [], groups: [] };
}
