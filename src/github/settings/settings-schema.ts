// The repository settings (`.github/swarm-dispatch.yml`): their types, limits and defaults, and a zod schema of a
// valid file. readSettings is lenient where this schema is strict (a bad field falls back to its default), but both
// are built from the same field schemas, so a file is free of problems exactly when the schema accepts it.

import { z } from "zod";
import { defaultModelRates } from "../../plan/defaults.js";
import { defaultLabelPrefix, labelPrefixProblem } from "../labels/label-names.js";
import { allowedPathProblem, branchProblem, workflowProblem } from "./check-names.js";

export const settingsFile = ".github/swarm-dispatch.yml";

export const commandPermissions = ["write", "maintain", "admin"] as const;
export type CommandPermission = (typeof commandPermissions)[number];

/** How a gate is measured: named CI check runs, every check run but the app's own, or a report metric. */
export type GateEvaluation =
  | { kind: "checks"; checks: string[] }
  | { kind: "all-checks" }
  | { kind: "metric"; metric: string };

export interface RepoSettings {
  workflow: string;
  /** null: the repository's default branch. */
  baseBranch: string | null;
  /** Units of one track running at once, over the plan's own value; null: the plan's. */
  maxParallel: number | null;
  /** Units of all tracks of the repository running at once. */
  repoMaxParallel: number;
  /** Budget of a plan that sets none; null: no budget. */
  budgetUsd: number | null;
  /** Least repository permission that may command; unlock and budget always need maintain or more. */
  commandPermission: CommandPermission;
  labelPrefix: string;
  /** The default rate table with this repository's rates merged over it. */
  modelRates: Record<string, number>;
  /** Gate name → how it is measured; a gate not listed is measured by the report metric of its name. */
  gates: Record<string, GateEvaluation>;
  /** Paths or globs any task may change without declaring them. */
  alwaysAllowed: string[];
  autoMerge: boolean;
  gateTimeoutMinutes: number;
  /** What the swarm/locks check does with a pull request that is no task's and changes a locked path. */
  otherPullRequests: "fail" | "warn";
}

export const settingsLimits = {
  maxParallel: 100,
  repoMaxParallel: 500,
  budgetUsd: 1_000_000,
  modelRate: 10_000,
  gateTimeoutMinutes: 1440,
  models: 100,
  gates: 50,
  checksPerGate: 50,
  alwaysAllowed: 200,
  nameLength: 100,
  checkNameLength: 200,
} as const;

export function defaultSettings(): RepoSettings {
  return {
    workflow: "swarm-agent.yml",
    baseBranch: null,
    maxParallel: null,
    repoMaxParallel: 10,
    budgetUsd: null,
    commandPermission: "write",
    labelPrefix: defaultLabelPrefix,
    modelRates: { ...defaultModelRates },
    gates: { "Gate-O": { kind: "all-checks" } },
    alwaysAllowed: [],
    autoMerge: false,
    gateTimeoutMinutes: 60,
    otherPullRequests: "fail",
  };
}

/** Keys that reach Object.prototype when assigned or merged; never accepted as model or gate names. */
export const forbiddenKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject.
const noControl = (text: string): boolean => !/[\u0000-\u001f\u007f-\u009f]/.test(text);

/** A model, gate or metric name: one line, not blank, not a prototype key. */
export const nameSchema = z
  .string()
  .min(1)
  .max(settingsLimits.nameLength)
  .refine((name) => name.trim() !== "" && noControl(name) && !forbiddenKeys.has(name));

export const checkNameSchema = z
  .string()
  .max(settingsLimits.checkNameLength)
  .refine((name) => name.trim() !== "" && noControl(name));

export const modelRateSchema = z.number().min(0).max(settingsLimits.modelRate);

export const gateSpecSchema = z.union([
  z.object({ checks: z.array(checkNameSchema).min(1).max(settingsLimits.checksPerGate) }).strict(),
  z.object({ allChecks: z.literal(true) }).strict(),
  z.object({ metric: nameSchema }).strict(),
]);

export const allowedPathSchema = z.string().refine((item) => allowedPathProblem(item) === null);

/** The single-value settings; the collections are checked item by item. */
export const scalarSchemas = {
  workflow: z.string().refine((name) => workflowProblem(name) === null),
  baseBranch: z
    .string()
    .refine((name) => branchProblem(name) === null)
    .nullable(),
  maxParallel: z.number().int().min(1).max(settingsLimits.maxParallel).nullable(),
  repoMaxParallel: z.number().int().min(1).max(settingsLimits.repoMaxParallel),
  budgetUsd: z.number().positive().max(settingsLimits.budgetUsd).nullable(),
  commandPermission: z.enum(commandPermissions),
  labelPrefix: z.string().refine((prefix) => labelPrefixProblem(prefix) === null),
  autoMerge: z.boolean(),
  gateTimeoutMinutes: z.number().int().min(1).max(settingsLimits.gateTimeoutMinutes),
  otherPullRequests: z.enum(["fail", "warn"]),
};

const countAtMost =
  (limit: number) =>
  (mapping: Record<string, unknown>): boolean =>
    Object.keys(mapping).length <= limit;

/** zod drops a `__proto__` key from a record without a word; the reader reports it, so the schema must too. */
const safeKeys = <T extends z.ZodType>(record: T) =>
  z
    .unknown()
    .refine(
      (value) =>
        typeof value !== "object" ||
        value === null ||
        !Object.keys(value).some((key) => forbiddenKeys.has(key)),
    )
    .pipe(record);

/** Gate names match without case (as the engine compares them), so `Gate-O` and `gate-o` are one gate. */
const distinctWithoutCase = (names: readonly string[]): boolean =>
  new Set(names.map((name) => name.toLowerCase())).size === names.length;

/**
 * A valid settings file: every field optional, and an empty list or mapping (`gates:`) means its default.
 * `_extends` is Probot's (start from another repository's file).
 */
export const settingsFileSchema = z
  .object({
    workflow: scalarSchemas.workflow.optional(),
    baseBranch: scalarSchemas.baseBranch.optional(),
    maxParallel: scalarSchemas.maxParallel.optional(),
    repoMaxParallel: scalarSchemas.repoMaxParallel.optional(),
    budgetUsd: scalarSchemas.budgetUsd.optional(),
    commandPermission: scalarSchemas.commandPermission.optional(),
    labelPrefix: scalarSchemas.labelPrefix.optional(),
    modelRates: safeKeys(
      z.record(nameSchema, modelRateSchema).refine(countAtMost(settingsLimits.models)),
    ).nullish(),
    gates: safeKeys(
      z
        .record(nameSchema, gateSpecSchema)
        .refine(countAtMost(settingsLimits.gates))
        .refine((gates) => distinctWithoutCase(Object.keys(gates))),
    ).nullish(),
    alwaysAllowed: z.array(allowedPathSchema).max(settingsLimits.alwaysAllowed).nullish(),
    autoMerge: scalarSchemas.autoMerge.optional(),
    gateTimeoutMinutes: scalarSchemas.gateTimeoutMinutes.optional(),
    otherPullRequests: scalarSchemas.otherPullRequests.optional(),
    _extends: z.unknown().optional(),
  })
  .strict();

export type SettingsFile = z.infer<typeof settingsFileSchema>;
export type SettingName = Exclude<keyof SettingsFile, "_extends">;
export const settingNames = Object.keys(settingsFileSchema.shape).filter(
  (name) => name !== "_extends",
) as SettingName[];
