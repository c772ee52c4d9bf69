// The repository settings from `.github/swarm-dispatch.yml`, as Probot's `context.config` hands them over (the
// parsed YAML, or null when there is no file). Never throws: a bad field falls back to its default and a problem
// says which field and what to write instead, so a typo in one setting cannot stop a track.

import { suggest } from "../../plan/suggest.js";
import { boundedEntries, isMapping } from "./mapping.js";
import { readAlwaysAllowed } from "./read-always-allowed.js";
import { readGates } from "./read-gates.js";
import { readModelRates } from "./read-model-rates.js";
import { type ScalarName, scalarFields } from "./scalar-fields.js";
import { describeValue, pathOf, type SettingsProblem, SettingsProblems } from "./settings-problem.js";
import {
  defaultSettings,
  type RepoSettings,
  scalarSchemas,
  settingNames,
  settingsFile,
} from "./settings-schema.js";

export interface SettingsResult {
  settings: RepoSettings;
  problems: SettingsProblem[];
}

/** Keys read at all; a file with more is not a settings file anyone wrote by hand. */
const maxKeys = 200;

export function readSettings(raw: unknown): SettingsResult {
  const settings = defaultSettings();
  const problems = new SettingsProblems();
  if (raw === null || raw === undefined) return { settings, problems: problems.list() };
  if (!isMapping(raw)) {
    problems.add(
      "",
      `${settingsFile} holds ${describeValue(raw)}, not settings; using the defaults`,
      example,
    );
    return { settings, problems: problems.list() };
  }
  const { entries, extra } = boundedEntries(raw, maxKeys);
  for (const [key, value] of entries) {
    if (key === "_extends") continue;
    // A setting holding `undefined` (only a caller's object can) is a setting not written.
    if (isScalar(key)) {
      if (value !== undefined) setScalar(settings, key, value, problems);
    } else if (key === "modelRates") settings.modelRates = readModelRates(value, problems);
    else if (key === "gates") settings.gates = readGates(value, problems);
    else if (key === "alwaysAllowed") settings.alwaysAllowed = readAlwaysAllowed(value, problems);
    else {
      // Edit distance is quadratic: a megabyte-long key gets no suggestion rather than a long wait.
      const near = key.length <= 64 ? suggest(key, settingNames) : null;
      problems.add(pathOf("", key), `is not a setting${near ? `; did you mean ${near}?` : ""}`, knownList);
    }
  }
  if (extra > 0) problems.add("", `${extra} more keys were not read (at most ${maxKeys})`, knownList);
  return { settings, problems: problems.list() };
}

const example = "write a mapping, e.g. `maxParallel: 4`";
const knownList = `the settings are ${settingNames.join(", ")}`;

function isScalar(key: string): key is ScalarName {
  return Object.hasOwn(scalarSchemas, key);
}

function setScalar<K extends ScalarName>(
  settings: RepoSettings,
  name: K,
  value: unknown,
  problems: SettingsProblems,
): void {
  const parsed = scalarSchemas[name].safeParse(value);
  if (parsed.success) {
    settings[name] = parsed.data as RepoSettings[K];
    return;
  }
  const field = scalarFields[name];
  const got = describeValue(value);
  const reason = typeof value === "string" ? field.why?.(value) : null;
  const what = reason
    ? `got ${got}: ${reason}`
    : `expected ${field.expected}, got ${got}${quoted(name, value)}`;
  problems.add(name, `${what}; using the default (${field.defaultText})`, `write e.g. \`${field.example}\``);
}

/** `maxParallel: "4"` and `autoMerge: "true"` are text in YAML; say so, since they look right. */
function quoted(name: ScalarName, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") return "";
  const unquoted = /^(true|false)$/.test(value.trim()) ? value.trim() === "true" : Number(value);
  return scalarSchemas[name].safeParse(unquoted).success ? " (in quotes it is text: drop the quotes)" : "";
}
