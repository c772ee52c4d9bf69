// Repository settings: read `.github/swarm-dispatch.yml` (Probot's `context.config`) into RepoSettings with
// every problem named by field; docs/settings.md documents each setting and its default.

export { allowedPathProblem, branchProblem, workflowProblem } from "./check-names.js";
export { trackModelRates } from "./read-model-rates.js";
export { readSettings, type SettingsResult } from "./read-settings.js";
export { formatSettingsProblem, type SettingsProblem } from "./settings-problem.js";
export {
  type CommandPermission,
  commandPermissions,
  defaultSettings,
  type GateEvaluation,
  type RepoSettings,
  type SettingName,
  type SettingsFile,
  settingNames,
  settingsFile,
  settingsFileSchema,
  settingsLimits,
} from "./settings-schema.js";
