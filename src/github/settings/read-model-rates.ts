// `modelRates`: model → USD per agent-hour, merged over the default rate table. Each rate is read on its own:
// a bad one keeps the default rate for that model (or none) and the others apply.

import { defaultModelRates } from "../../plan/defaults.js";
import { parseMoney } from "../../plan/parse-values.js";
import { boundedEntries, isMapping } from "./mapping.js";
import { describeValue, pathOf, type SettingsProblems } from "./settings-problem.js";
import { forbiddenKeys, settingsLimits as limits, modelRateSchema, nameSchema } from "./settings-schema.js";

const example = "e.g. `modelRates: { sonnet: 6, my-model: 2.5 }`";

export function readModelRates(value: unknown, problems: SettingsProblems): Record<string, number> {
  const rates: Record<string, number> = { ...defaultModelRates };
  if (value === null || value === undefined) return rates;
  if (!isMapping(value)) {
    const got = describeValue(value);
    problems.add(
      "modelRates",
      `expected a mapping of model names to USD per hour, got ${got}; using the defaults`,
      example,
    );
    return rates;
  }
  const { entries, extra } = boundedEntries(value, limits.models);
  if (extra > 0) {
    problems.add(
      "modelRates",
      `at most ${limits.models} models; the last ${extra} are ignored`,
      "list fewer models",
    );
  }
  for (const [model, rate] of entries) {
    const path = pathOf("modelRates", model);
    if (!nameSchema.safeParse(model).success) {
      problems.add(path, "is not a usable model name; ignored", "name the model as plans do, e.g. sonnet");
      continue;
    }
    const parsed = modelRateSchema.safeParse(rate);
    if (parsed.success) {
      rates[model] = parsed.data;
      continue;
    }
    const kept = Object.hasOwn(defaultModelRates, model)
      ? `keeping the default ${defaultModelRates[model]}`
      : "ignored";
    const quoted = typeof rate === "string" && parseMoney(rate) !== null ? " (write the number alone)" : "";
    problems.add(
      path,
      `expected USD per agent-hour from 0 to ${limits.modelRate}, got ${describeValue(rate)}${quoted}; ${kept}`,
      `e.g. \`${model.length <= 40 ? model : "model"}: 6\``,
    );
  }
  return rates;
}

/**
 * The rates one track uses: the repository's table, with the plan's own rates over it. A plan's table already
 * holds the defaults, so only the plan's rates that differ from a default count as the plan's own.
 */
export function trackModelRates(
  planRates: Readonly<Record<string, number>>,
  repoRates: Readonly<Record<string, number>>,
): Record<string, number> {
  const rates: Record<string, number> = { ...repoRates };
  for (const [model, rate] of Object.entries(planRates)) {
    if (forbiddenKeys.has(model)) continue;
    if (!Object.hasOwn(defaultModelRates, model) || defaultModelRates[model] !== rate) rates[model] = rate;
  }
  return rates;
}
