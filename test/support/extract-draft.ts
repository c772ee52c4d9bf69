// Test helpers shared by the extractor tests: read a fixture, run one extractor as parsePlan would, and write
// the sourced values a draft holds.
import { readFileSync } from "node:fs";
import { Diagnostics } from "../../src/plan/diagnostics.js";
import type { DraftPlan, Extractor, Sourced } from "../../src/plan/draft.js";

/** A draft value with the line it was read from, as the extractors record it. */
export const at = <T>(value: T, line: number): Sourced<T> => ({ value, line });

export function readFixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/plans/${path}`, import.meta.url), "utf8");
}

/** Runs an extractor the way parsePlan does and returns the draft with every diagnostic. */
export function extract(extractor: Extractor, text: string, file = "plan.md") {
  const diag = new Diagnostics(file);
  const draft: DraftPlan = extractor(text, diag);
  const errors = diag.items.filter((d) => d.severity === "error");
  const warnings = diag.items.filter((d) => d.severity === "warning");
  const said = diag.items.map((d) => `${d.line}: ${d.severity}: ${d.message}`);
  return { draft, diag, errors, warnings, said };
}

export function taskById(draft: DraftPlan, id: string) {
  const task = draft.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no task ${id} in the draft`);
  return task;
}
