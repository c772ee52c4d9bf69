// The YAML plan format (docs/yaml-plan.md): our own schema, the plan model written out in camelCase. Parsed with
// the `yaml` package's document API so every value keeps its line; syntax errors, alias bombs and values of
// the wrong shape become diagnostics, never exceptions.

import { isMap, LineCounter, parseDocument } from "yaml";
import type { Diagnostics } from "../diagnostics.js";
import type { DraftPlan } from "../draft.js";
import { fitsSizeLimit } from "../plan-size.js";
import { extractYamlGates } from "./extract-yaml-gates.js";
import { extractYamlGroups } from "./extract-yaml-groups.js";
import { extractYamlTasks } from "./extract-yaml-task.js";
import { extractYamlTrack } from "./extract-yaml-track.js";
import { measureAliases } from "./measure-aliases.js";
import { canonicalKey, topLevelKeys, trackKeys } from "./yaml-keys.js";
import { YamlReader } from "./yaml-reader.js";

export interface YamlExtractOptions {
  /** Added to every line: the line before the first line of `text` in the file it came from (a fenced block). */
  lineOffset?: number;
}

/** Syntax errors beyond this many are summarised: binary junk yields one per line. */
const maxSyntaxErrors = 20;
/** Nodes the document may hold once aliases are expanded, beyond the nodes it has as written. */
const maxAliasExpansion = 100_000;

export function extractYaml(text: string, diag: Diagnostics, options: YamlExtractOptions = {}): DraftPlan {
  const draft: DraftPlan = { format: "yaml", track: {}, tasks: [], gates: [], groups: [] };
  const offset = options.lineOffset ?? 0;
  if (!fitsSizeLimit(text, diag)) return draft;
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The parser reports its own limits as errors; anything it throws instead is reported the same way.
    diag.error(offset, `cannot read the YAML: ${error instanceof Error ? error.message : String(error)}`);
    return draft;
  }
  const lineOf = (position: number) => lineCounter.linePos(position).line + offset;

  for (const error of doc.errors.slice(0, maxSyntaxErrors)) {
    // The parser turns its own stack overflow on deep nesting into an error of this code.
    const message =
      error.code === "RESOURCE_EXHAUSTION"
        ? "the YAML is nested too deeply to read"
        : `YAML syntax: ${firstLine(error.message)}`;
    diag.error(lineOf(error.pos[0]), message);
  }
  if (doc.errors.length > maxSyntaxErrors) {
    diag.error(offset, `… and ${doc.errors.length - maxSyntaxErrors} more YAML syntax errors`);
  }
  if (doc.errors.length > 0) return draft;
  for (const warning of doc.warnings)
    diag.warning(lineOf(warning.pos[0]), `YAML: ${firstLine(warning.message)}`);

  const aliases = measureAliases(doc.contents);
  const reader = new YamlReader(diag, lineCounter, offset, aliases.targets);
  if (aliases.selfReference) {
    diag.error(reader.line(aliases.selfReference, offset), "a YAML alias refers to a value that contains it");
    return draft;
  }
  if (aliases.expandedSize > aliases.writtenSize + maxAliasExpansion) {
    diag.error(
      aliases.largest ? reader.line(aliases.largest, offset) : offset,
      "the YAML's aliases expand to too many values (an alias bomb?)",
      "write the values out, or use fewer nested aliases",
    );
    return draft;
  }

  const root = doc.contents;
  if (!isMap(root)) {
    diag.error(
      root ? reader.line(root, offset + 1) : offset + 1,
      root
        ? "a YAML plan must be a mapping with track:, groups:, gates: and tasks:"
        : "the YAML plan is empty",
      "see docs/yaml-plan.md",
    );
    return draft;
  }
  for (const entry of reader.entries(root)) {
    const key = canonicalKey(entry.key, topLevelKeys);
    if (key === "track") draft.track = extractYamlTrack(reader, entry.value, entry.line);
    else if (key === "gates") draft.gates = extractYamlGates(reader, entry.value, entry.line);
    else if (key === "groups") draft.groups = extractYamlGroups(reader, entry.value, entry.line);
    else if (key === "tasks") draft.tasks = extractYamlTasks(reader, entry.value, entry.line);
    else {
      const hint = canonicalKey(entry.key, trackKeys)
        ? `track settings go under track:`
        : `known: ${topLevelKeys.join(", ")}`;
      diag.warning(entry.line, `unknown top-level key "${entry.key}" ignored`, hint);
    }
  }
  return draft;
}

function firstLine(message: string): string {
  return message.split("\n", 1)[0] ?? message;
}
