// The `track:` mapping of a YAML plan → raw track settings. `modelRates` is a mapping of model name to USD per
// agent-hour; everything else is one value.

import type { DraftTrackSettings, Sourced } from "../draft.js";
import { canonicalKey, trackKeys } from "./yaml-keys.js";
import type { YamlReader } from "./yaml-reader.js";

type ScalarTrackKey = Exclude<keyof DraftTrackSettings, "modelRates">;

export function extractYamlTrack(reader: YamlReader, value: unknown, line: number): DraftTrackSettings {
  const track: DraftTrackSettings = {};
  const map = reader.mapping(value, "track", line, "write the settings indented below track:");
  if (!map) return track;
  for (const entry of reader.entries(map)) {
    const key = canonicalKey(entry.key, trackKeys);
    if (key === null) {
      reader.diag.warning(
        entry.line,
        `unknown track setting "${entry.key}" ignored`,
        `known: ${trackKeys.join(", ")}`,
      );
    } else if (key === "modelRates") {
      const rates = extractModelRates(reader, entry.value, entry.line);
      if (rates) track.modelRates = rates;
    } else {
      const text = reader.text(entry.value, `track.${key}`, entry.line);
      if (text !== undefined) track[key as ScalarTrackKey] = { value: text, line: entry.line };
    }
  }
  return track;
}

function extractModelRates(
  reader: YamlReader,
  value: unknown,
  line: number,
): Sourced<Record<string, string>> | undefined {
  const map = reader.mapping(value, "track.modelRates", line, "write one `model: USD per hour` per line");
  if (!map) return undefined;
  const rates: [string, string][] = [];
  for (const entry of reader.entries(map)) {
    const rate = reader.text(entry.value, `model rate for "${entry.key}"`, entry.line);
    if (rate !== undefined) rates.push([entry.key, rate]);
  }
  // fromEntries defines own properties, so a model named `__proto__` cannot reach the object's prototype.
  return { value: Object.fromEntries(rates), line };
}
