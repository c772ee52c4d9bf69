// The strict schema of the `<!-- swarm-report:v1 … -->` block, with the parser's caps: the app reads the block from
// a pull request body that anyone with write access can edit, so it trusts nothing a parsed report could not
// hold. Unknown keys, wrong types, oversized fields and touches that are not clean repository paths are refused.

import { z } from "zod";
import { severities } from "../plan/model.js";
import { checkTouches } from "./check-touches.js";
import { isMetricName } from "./read-metrics.js";
import { isTaskId } from "./read-tasks-done.js";
import {
  maxAcceptanceChars,
  maxBlockIdChars,
  maxCandidates,
  maxCandidateTouches,
  maxChangedFiles,
  maxCostUsd,
  maxDedupKeyChars,
  maxEffortChars,
  maxEscalations,
  maxHandoffChars,
  maxIdChars,
  maxMetricNameChars,
  maxMetrics,
  maxMetricTextChars,
  maxProblemChars,
  maxProblems,
  maxQuestionChars,
  maxTasksDone,
  maxTitleChars,
  maxTouchChars,
} from "./report-limits.js";
import type { ReportBlock } from "./report-model.js";

const bounded = (max: number) => z.string().min(1).max(max);
/** A touch as checkTouches keeps it: clean and repository-relative, so the engine can lock it as it is. */
const touch = bounded(maxTouchChars).refine(
  (path) => checkTouches([path]).paths[0] === path,
  "not a clean path",
);
const file = bounded(maxTouchChars);

export const candidateSchema = z
  .object({
    id: bounded(maxIdChars),
    title: bounded(maxTitleChars),
    touches: z.array(touch).max(maxCandidateTouches),
    effort: bounded(maxEffortChars).nullable(),
    effortHours: z.number().nonnegative().finite().nullable(),
    needsUserInput: z.boolean(),
    severity: z.enum(severities),
    dedupKey: bounded(maxDedupKeyChars).nullable(),
    acceptance: bounded(maxAcceptanceChars).nullable(),
  })
  .strict();

export const escalationSchema = z
  .object({
    id: bounded(maxIdChars),
    title: z.string().max(maxTitleChars),
    question: z.string().max(maxQuestionChars),
  })
  .strict();

/** Checked by hand rather than with z.record, which silently drops a `__proto__` key instead of refusing it. */
export function isMetrics(value: unknown): value is Record<string, number | string> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const entries = Object.entries(value);
  if (Object.keys(value).length !== Reflect.ownKeys(value).length || entries.length > maxMetrics)
    return false;
  return entries.every(
    ([name, metric]) =>
      name.length >= 1 &&
      name.length <= maxMetricNameChars &&
      isMetricName(name) &&
      (typeof metric === "number"
        ? Number.isFinite(metric)
        : typeof metric === "string" && metric.length >= 1 && metric.length <= maxMetricTextChars),
  );
}

export const reportBlockSchema = z
  .object({
    version: z.literal(1),
    track: bounded(maxBlockIdChars),
    task: bounded(maxBlockIdChars),
    attempt: z.number().int().nonnegative().max(1_000_000),
    outcome: z.enum(["completed", "failed", "timed-out"]),
    status: z.enum(["done", "partial", "failed", "needs-input"]),
    changedFiles: z.array(file).max(maxChangedFiles),
    scopeViolations: z.array(file).max(maxChangedFiles),
    tasksDone: z.array(bounded(maxIdChars).refine(isTaskId, "not a task id")).max(maxTasksDone),
    spawnCandidates: z.array(candidateSchema).max(maxCandidates),
    escalations: z.array(escalationSchema).max(maxEscalations),
    costUsd: z.number().nonnegative().max(maxCostUsd).nullable(),
    metrics: z.custom<Record<string, number | string>>(isMetrics, "not a table of metrics"),
    handoff: z.string().max(maxHandoffChars),
    problems: z.array(z.string().max(maxProblemChars)).max(maxProblems),
  })
  .strict() satisfies z.ZodType<ReportBlock>;
