// A track issue's body → the plan the engine runs, with the repository's settings applied: the settings'
// parallelism replaces the plan's when set, a plan without a budget takes the settings' default, and the
// settings' model rates stand under the plan's own (costs the plan did not state are estimated again with them).
// Problems carry lines of the issue body, and a plan larger than a track may hold is refused before any issue
// is created, with a message that says what to do.

import { dispatchUnits } from "../../engine/units.js";
import type { Diagnostic } from "../../plan/diagnostics.js";
import type { Plan } from "../../plan/model.js";
import { parsePlan } from "../../plan/parse-plan.js";
import { modelRate } from "../../plan/resolve-model.js";
import { trackModelRates } from "../settings/read-model-rates.js";
import type { RepoSettings } from "../settings/settings-schema.js";

/** GitHub allows 100 sub-issues per parent, and a track creates one task issue per dispatch unit. */
export const maxTrackUnits = 100;

export type TrackPlanResult =
  | { ok: true; plan: Plan; warnings: Diagnostic[] }
  | { ok: false; problems: Diagnostic[] };

/** How diagnostics name the place: the issue body, whose lines they count. */
export const issueBodyFile = "issue body";

export function readTrackPlan(body: string, settings: RepoSettings): TrackPlanResult {
  const parsed = parsePlan(body, { file: issueBodyFile });
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  const warnings = parsed.diagnostics.filter((d) => d.severity === "warning");
  if (parsed.plan === null || errors.length > 0) return { ok: false, problems: [...errors, ...warnings] };
  const units = dispatchUnits(parsed.plan).length;
  if (units > maxTrackUnits) {
    return {
      ok: false,
      problems: [
        {
          severity: "error",
          file: issueBodyFile,
          line: 0,
          message:
            `this plan has ${units.toLocaleString("en-US")} dispatch units; a track holds at most ` +
            `${maxTrackUnits} (GitHub allows ${maxTrackUnits} sub-issues per issue, and creating more task ` +
            "issues at once would run into GitHub's limits on content creation)",
          hint: "split the plan into several track issues, e.g. one per phase, each depending on work the earlier ones merged",
        },
      ],
    };
  }
  return { ok: true, plan: withSettings(parsed.plan, settings), warnings };
}

export function withSettings(plan: Plan, settings: RepoSettings): Plan {
  const modelRates = trackModelRates(plan.track.modelRates, settings.modelRates);
  return {
    ...plan,
    track: {
      ...plan.track,
      maxParallel: settings.maxParallel ?? plan.track.maxParallel,
      budgetUsd: plan.track.budgetUsd ?? settings.budgetUsd,
      modelRates,
    },
    tasks: plan.tasks.map((task) =>
      task.costExplicit
        ? task
        : { ...task, costUsd: task.effort.hours * modelRate(task.model, modelRates).rate },
    ),
  };
}
