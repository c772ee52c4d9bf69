// The one comment that lists everything wrong with a track's plan. It is found again by its hidden marker and
// edited on each new invalid edit (one comment, never a pile), and edited once more when a fixed edit starts
// the track. Problem messages quote plan text, so each goes through the issue-safe escapes.

import type { Diagnostic } from "../../plan/diagnostics.js";
import { issueBlockText } from "../../render/markdown-text-github.js";
import { trackField } from "../../render/task-issue-marker.js";
import { formatSettingsProblem, type SettingsProblem } from "../settings/index.js";

/** Problems listed; a plan with more has bigger troubles than a long list shows. */
export const maxProblemsShown = 200;
const maxProblemChars = 600;

export function planProblemsMarker(track: string | number): string {
  return `<!-- swarm-dispatch:plan-problems track=${trackField(track)} v1 -->`;
}

export function isPlanProblemsComment(body: string, track: string | number): boolean {
  const marker = planProblemsMarker(track);
  return body.split(/\r?\n/).some((line) => line === marker);
}

export function renderPlanProblems(
  track: string | number,
  problems: readonly Diagnostic[],
  settings: readonly SettingsProblem[] = [],
): string {
  const errors = problems.filter((problem) => problem.severity === "error");
  const warnings = problems.filter((problem) => problem.severity === "warning");
  const lines = [
    `**This plan was not started.** Swarm Dispatch found ${count(errors.length, "problem")} in it. Line numbers count from the first line of the issue body. Edit the issue to fix them: the plan is read again on every edit.`,
    "",
    ...listed(errors),
  ];
  if (warnings.length > 0) lines.push("", "Warnings (these do not stop the plan):", "", ...listed(warnings));
  if (settings.length > 0) lines.push("", ...settingsLines(settings));
  lines.push("", planProblemsMarker(track));
  return lines.join("\n");
}

export function renderPlanFixed(track: string | number): string {
  return [
    "**The plan is valid now** and the track has started; the dashboard below keeps its status.",
    "",
    planProblemsMarker(track),
  ].join("\n");
}

export function settingsLines(settings: readonly SettingsProblem[]): string[] {
  return [
    "Problems in `.github/swarm-dispatch.yml` (the defaults stand in for these settings):",
    "",
    ...settings
      .slice(0, maxProblemsShown)
      .map((problem) => `- ${issueBlockText(formatSettingsProblem(problem), maxProblemChars)}`),
  ];
}

function listed(problems: readonly Diagnostic[]): string[] {
  const shown = problems.slice(0, maxProblemsShown).map((problem) => {
    const where = problem.line > 0 ? `line ${problem.line}` : "the plan";
    const text = problem.hint ? `${problem.message} (${problem.hint})` : problem.message;
    return `- **${where}:** ${issueBlockText(text, maxProblemChars)}`;
  });
  if (problems.length > maxProblemsShown) shown.push(`- … and ${problems.length - maxProblemsShown} more`);
  return shown;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
