// Track settings as written → the model's track, with the documented defaults and the default model rates
// merged under the plan's own.

import { defaultModelRates, trackDefaults } from "./defaults.js";
import type { Diagnostics } from "./diagnostics.js";
import type { DraftTrackSettings, Sourced } from "./draft.js";
import { scopePolicies, type Track } from "./model.js";
import { canonicalWord, isNone, parseCount, parseMoney } from "./parse-values.js";

export function normalizeTrack(draft: DraftTrackSettings, fallbackId: string, diag: Diagnostics): Track {
  const count = (
    field: Sourced<string> | undefined,
    name: string,
    min: number,
    max: number,
    fallback: number,
  ) => {
    if (!field || isNone(field.value)) return fallback;
    const value = parseCount(field.value, min, max);
    if (value === null)
      diag.error(field.line, `${name} "${field.value}" must be a whole number from ${min} to ${max}`);
    return value ?? fallback;
  };

  let budgetUsd: number | null = null;
  if (draft.budgetUsd && !isNone(draft.budgetUsd.value)) {
    budgetUsd = parseMoney(draft.budgetUsd.value);
    if (budgetUsd === null) {
      diag.error(
        draft.budgetUsd.line,
        `budget "${draft.budgetUsd.value}" is not an amount in USD (e.g. $25)`,
      );
    }
  }

  let scopePolicy: Track["scopePolicy"] = trackDefaults.scopePolicy;
  if (draft.scopePolicy && !isNone(draft.scopePolicy.value)) {
    const word = canonicalWord(draft.scopePolicy.value);
    if ((scopePolicies as readonly string[]).includes(word)) scopePolicy = word as Track["scopePolicy"];
    else
      diag.error(
        draft.scopePolicy.line,
        `scope policy "${draft.scopePolicy.value}" must be fail, escalate or extend`,
      );
  }

  const modelRates = { ...defaultModelRates };
  for (const [model, written] of Object.entries(draft.modelRates?.value ?? {})) {
    const rate = parseMoney(written);
    if (rate === null) {
      diag.error(draft.modelRates?.line ?? 0, `model rate for "${model}" ("${written}") is not USD per hour`);
    } else modelRates[model] = rate;
  }

  const id = draft.id?.value.trim() || fallbackId;
  return {
    id,
    title: draft.title?.value.trim() || id,
    maxParallel: count(draft.maxParallel, "max parallel agents", 1, 1000, trackDefaults.maxParallel),
    budgetUsd,
    spawnBudget: count(draft.spawnBudget, "spawn budget", 0, 10_000, trackDefaults.spawnBudget),
    retryLimit: count(draft.retryLimit, "retry limit", 0, 100, trackDefaults.retryLimit),
    scopePolicy,
    noProgressLimit: count(
      draft.noProgressLimit,
      "no-progress limit",
      1,
      1000,
      trackDefaults.noProgressLimit,
    ),
    modelRates,
  };
}
