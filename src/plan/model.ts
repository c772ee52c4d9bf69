// The one plan model every format produces, as a zod schema: the normaliser's output is parsed by it, so a bug in
// any extractor shows up as a schema error instead of a malformed plan reaching the engine.

import { z } from "zod";

export const concurrencyClasses = ["read-only", "write-local", "write-shared"] as const;
export const autoSpawnRules = ["none", "safe-only", "all"] as const;
export const taskStatuses = ["todo", "doing", "done"] as const;
export const scopePolicies = ["fail", "escalate", "extend"] as const;
export const effortSizes = ["S", "M", "L", "XL"] as const;
export const severities = ["critical", "high", "medium", "low"] as const;

const sourceSchema = z.object({ file: z.string(), line: z.number().int().nonnegative() }).strict();

export const taskSchema = z
  .object({
    id: z.string().min(1).max(100),
    title: z.string(),
    role: z.string().nullable(),
    /** Resolved model name (never `auto`). */
    model: z.string().min(1),
    concurrency: z.enum(concurrencyClasses),
    needsUserInput: z.boolean(),
    /** On GitHub every task runs in a runner: foreground means it waits for a person before dispatch. */
    mode: z.enum(["foreground", "background"]),
    effort: z
      .object({ size: z.enum(effortSizes).nullable(), hours: z.number().nonnegative().finite() })
      .strict(),
    /** The plan's explicit cost, if it gives one; otherwise effort hours × the model's hourly rate. */
    costUsd: z.number().nonnegative().finite(),
    costExplicit: z.boolean(),
    /** Ids of tasks this task waits for (groups expanded; for subtasks, the earlier subtask or units). */
    deps: z.array(z.string()),
    /** Repo-relative files, folders ending in `/`, or globs. Empty for read-only tasks. */
    touches: z.array(z.string()),
    discoveriesExpected: z.array(z.string()),
    autoSpawn: z.enum(autoSpawnRules),
    acceptance: z.array(z.string()),
    artifacts: z.array(z.string()),
    gates: z.array(z.string()),
    severity: z.enum(severities),
    requirements: z.array(z.string()),
    status: z.enum(taskStatuses),
    /** The parent's id for a subtask, null otherwise. */
    parent: z.string().nullable(),
    /** Ordered subtask ids; a task with subtasks is a dispatch unit whose subtasks run in this order. */
    subtasks: z.array(z.string()),
    group: z.string().nullable(),
    source: sourceSchema,
  })
  .strict();

export const gateSchema = z
  .object({
    name: z.string().min(1),
    target: z.string(),
    /** `N/A` / `skip` targets: the gate is listed but never evaluated. */
    skip: z.boolean(),
    current: z.string().nullable(),
    status: z.string().nullable(),
    fix: z
      .object({
        title: z.string(),
        role: z.string().nullable(),
        touches: z.array(z.string()),
        effortHours: z.number().nonnegative().finite(),
      })
      .strict(),
    source: sourceSchema,
  })
  .strict();

export const trackSchema = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    maxParallel: z.number().int().positive(),
    /** Money ceiling for the track; null when the plan sets none. */
    budgetUsd: z.number().nonnegative().finite().nullable(),
    /** How many tasks may be auto-spawned from reports. */
    spawnBudget: z.number().int().nonnegative(),
    retryLimit: z.number().int().nonnegative(),
    scopePolicy: z.enum(scopePolicies),
    noProgressLimit: z.number().int().positive(),
    /** Model name → USD per agent-hour (defaults merged with the plan's overrides). */
    modelRates: z.record(z.string(), z.number().nonnegative().finite()),
  })
  .strict();

export const planSchema = z
  .object({
    format: z.enum(["blocks", "registry", "yaml", "checklist", "stg", "wfcommons"]),
    file: z.string(),
    track: trackSchema,
    tasks: z.array(taskSchema),
    gates: z.array(gateSchema),
  })
  .strict();

export type Task = z.infer<typeof taskSchema>;
export type Gate = z.infer<typeof gateSchema>;
export type Track = z.infer<typeof trackSchema>;
export type Plan = z.infer<typeof planSchema>;
export type ConcurrencyClass = (typeof concurrencyClasses)[number];
export type AutoSpawnRule = (typeof autoSpawnRules)[number];
export type TaskStatus = (typeof taskStatuses)[number];
