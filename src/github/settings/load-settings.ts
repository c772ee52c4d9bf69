// Reads a repository's settings through Probot's `context.config` (the default branch's
// `.github/swarm-dispatch.yml`, else the owner's `.github` repository, with `_extends`), never failing: a file
// that is not YAML, or cannot be read, gives the defaults and a problem that says so. Settings are kept for a
// minute per repository, so a burst of webhooks reads them once.

import { readSettings, type SettingsResult } from "./read-settings.js";
import { defaultSettings, settingsFile } from "./settings-schema.js";

export interface ConfigReader {
  config<T>(fileName: string): Promise<T | null>;
}

/** How long settings are reused: a change to the file applies within this time. */
export const settingsCacheMs = 60_000;
const maxCached = 1000;

export class SettingsCache {
  private readonly entries = new Map<string, { at: number; result: SettingsResult }>();

  constructor(private readonly clock: () => number) {}

  async load(repository: string, reader: ConfigReader): Promise<SettingsResult> {
    const now = this.clock();
    const cached = this.entries.get(repository);
    if (cached && now - cached.at < settingsCacheMs) return cached.result;
    const result = await readRepoSettings(reader);
    if (this.entries.size >= maxCached) this.entries.clear();
    this.entries.set(repository, { at: now, result });
    return result;
  }
}

export async function readRepoSettings(reader: ConfigReader): Promise<SettingsResult> {
  let raw: unknown;
  try {
    raw = await reader.config<unknown>(settingsFile.replace(/^\.github\//, ""));
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]?.slice(0, 300);
    return {
      settings: defaultSettings(),
      problems: [
        {
          path: "",
          message: `${settingsFile} could not be read (${reason}); using the defaults`,
          fix: "make the file valid YAML (a mapping of settings, see docs/settings.md)",
        },
      ],
    };
  }
  return readSettings(raw);
}
