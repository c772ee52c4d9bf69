// Text → validated Plan: the one entry point for the CLI, the app and the tests. Guards the input (size, binary
// junk), detects or takes the format, runs that format's extractor and the shared normaliser, and returns every
// diagnostic. It never throws on bad input.

import { extractChecklist } from "./checklist/extract-checklist.js";
import { detectFormat, isYamlFile, yamlFence } from "./detect-format.js";
import { type Diagnostic, Diagnostics } from "./diagnostics.js";
import type { DraftPlan, PlanFormat } from "./draft.js";
import { extractBlocks } from "./markdown/extract-blocks.js";
import { extractRegistry } from "./markdown/extract-registry.js";
import type { Plan } from "./model.js";
import { normalizePlan } from "./normalize-plan.js";
import { fitsSizeLimit } from "./plan-size.js";
import { extractStg } from "./stg/extract-stg.js";
import { extractWfcommons } from "./wfcommons/extract-wfcommons.js";
import { extractYaml } from "./yaml/extract-yaml.js";

export const planFormats: readonly PlanFormat[] = [
  "blocks",
  "registry",
  "yaml",
  "checklist",
  "stg",
  "wfcommons",
];

export interface ParseOptions {
  /** Shown in every diagnostic; its base name is the track id when the plan names none. */
  file: string;
  /** Forces a format instead of detecting it. */
  format?: PlanFormat;
}

export interface ParseResult {
  plan: Plan | null;
  format: PlanFormat | null;
  diagnostics: Diagnostic[];
}

export function parsePlan(input: string, options: ParseOptions): ParseResult {
  const diag = new Diagnostics(options.file);
  const done = (format: PlanFormat | null, plan: Plan | null = null): ParseResult => ({
    plan,
    format,
    diagnostics: diag.items,
  });
  if (!fitsSizeLimit(input, diag)) return done(null);
  if (input.includes("\u0000")) {
    diag.error(
      0,
      "the plan is not text (it contains NUL bytes)",
      "pass a plan as text: markdown, YAML, STG or WfCommons JSON",
    );
    return done(null);
  }
  const text = input.replace(/^\uFEFF/, "");

  let format = options.format ?? null;
  let body = text;
  let lineOffset = 0;
  if (format === "yaml" && !isYamlFile(options.file)) {
    const fence = yamlFence(text);
    if (fence) ({ text: body, lineOffset } = fence);
  } else if (format === null) {
    const detected = detectFormat(text, options.file);
    if (!detected) {
      diag.error(
        0,
        "cannot tell the plan's format: found no task blocks (- [ ] **T01**: title), no task registry table (| Task | … | Deps | Touches |), no YAML tasks: list and no checklist items (- [ ] 1. Title)",
        `pass --format ${planFormats.join("|")} to force one`,
      );
      return done(null);
    }
    ({ format, text: body, lineOffset } = detected);
  }

  const draft = extract(format, body, diag, lineOffset);
  return done(format, normalizePlan(draft, trackIdFromFile(options.file), diag));
}

function extract(format: PlanFormat, text: string, diag: Diagnostics, lineOffset: number): DraftPlan {
  switch (format) {
    case "blocks":
      return extractBlocks(text, diag);
    case "registry":
      return extractRegistry(text, diag);
    case "yaml":
      return extractYaml(text, diag, { lineOffset });
    case "checklist":
      return extractChecklist(text, diag);
    case "stg":
      return extractStg(text, diag);
    case "wfcommons":
      return extractWfcommons(text, diag);
  }
}

/** `plans/demo-track.md` → `demo-track`. */
function trackIdFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? "";
  const id = base.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._-]+/g, "-");
  return id && !id.startsWith("<") ? id : "track";
}
