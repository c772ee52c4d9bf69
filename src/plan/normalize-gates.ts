// Gates as written → the model's gates: a target (`N/A` or `skip` means the gate is listed but not evaluated)
// and the task a gap spawns (the plan's trigger, else a documented default per IOSM gate).

import { defaultGateFixes, effortHours } from "./defaults.js";
import type { Diagnostics } from "./diagnostics.js";
import type { DraftGate } from "./draft.js";
import type { Gate } from "./model.js";
import { normalizeTouches } from "./normalize-touches.js";
import { parseEffort } from "./parse-effort.js";
import { isNone } from "./parse-values.js";

export function normalizeGates(drafts: readonly DraftGate[], diag: Diagnostics): Gate[] {
  const gates: Gate[] = [];
  const seen = new Map<string, number>();
  for (const draft of drafts) {
    const name = draft.name.trim();
    if (name === "") {
      diag.error(draft.line, "a gate has no name");
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      diag.error(draft.line, `duplicate gate "${name}" (first defined at line ${first})`);
      continue;
    }
    seen.set(name, draft.line);
    const skip =
      isNone(draft.target) || /^skip(ped)?$/i.test(draft.target.trim()) || /^skip$/i.test(draft.status ?? "");

    let effort = effortHours.M as number;
    if (draft.fix?.effort) {
      const parsed = parseEffort(draft.fix.effort);
      if ("error" in parsed) diag.error(draft.fix.line, `${name} fix task: ${parsed.error}`);
      else effort = parsed.hours;
    }
    const touches = normalizeTouches(draft.fix?.touches ?? []);
    for (const error of touches.errors)
      diag.error(draft.fix?.line ?? draft.line, `${name} fix task: ${error}`);

    gates.push({
      name,
      target: draft.target.trim(),
      skip,
      current: draft.current?.trim() || null,
      status: draft.status?.trim() || null,
      fix: {
        title: draft.fix?.title.trim() || defaultGateFixes[name] || `Close the ${name} gap`,
        role: draft.fix?.role?.trim() || null,
        touches: touches.paths,
        effortHours: effort,
      },
      source: { file: diag.file, line: draft.line },
    });
  }
  return gates;
}
