// The scenario file's schema (docs/scenario.md): what simulated agents and people do. Validated with zod after
// the YAML is read; keys are accepted in any of the spellings a YAML plan allows.

import { z } from "zod";
import { severities } from "../plan/model.js";
import { parseCommand } from "./parse-command.js";
import { canonicalKey } from "./scenario-paths.js";

export const outcomes = ["done", "fail", "timeout", "needs-input", "partial"] as const;
export type Outcome = (typeof outcomes)[number];

/** A mapping whose keys are renamed to the schema's spelling first; unknown keys stay and are reported. */
function keyed<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.preprocess((value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [canonicalKey(key, known), v]));
  }, z.object(shape).strict());
}

/** An id as written; a bare number (`1:` in an STG benchmark) is an id too. */
const id = z
  .union([z.string().trim().min(1).max(100), z.number().int().nonnegative()], {
    error: "expected a task id",
  })
  .transform(String);
const text = (max: number) => z.string().trim().min(1).max(max);
const hours = z.number().nonnegative().max(1_000_000);

const candidate = keyed({
  title: text(200),
  touches: z.array(text(500)).max(100).default([]),
  severity: z.enum(severities).default("medium"),
  needsUserInput: z.boolean().default(false),
  effortHours: z.number().positive().max(10_000).optional(),
  dedupKey: text(200).optional(),
  role: text(100).optional(),
  model: text(100).optional(),
});

/** `1.5` (hours after the attempt starts) or `50%` (a share of its duration). */
const endsHint = "ends must be hours after the start (1.5) or a share of the duration (50%)";
const ends = z.union(
  [
    hours,
    z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d+)?\s*%$/, endsHint),
  ],
  { error: endsHint },
);

export const attemptSchema = keyed({
  outcome: z.enum(outcomes).default("done"),
  ends: ends.optional(),
  message: text(2000).optional(),
  tasksDone: z.array(id).max(1000).optional(),
  spawn: z.array(candidate).max(50).default([]),
  escalations: z.array(text(2000)).max(20).default([]),
  costUsd: z.number().nonnegative().max(1e9).optional(),
  metrics: z.record(z.string().max(100), z.union([z.number(), z.string().max(200)])).optional(),
  gates: z.record(z.string().max(100), z.enum(["pass", "fail"])).optional(),
});

const answer = keyed({
  task: id,
  /** Hours from the start of the run. */
  at: hours.optional(),
  /** Hours after the task's question is asked. */
  after: hours.optional(),
  text: text(4000),
}).refine((value) => value.at === undefined || value.after === undefined, {
  message: "give at (hours from the start) or after (hours after the question), not both",
});

const command = keyed({
  at: hours,
  command: z
    .string()
    .max(4000)
    .transform((line, ctx) => {
      const parsed = parseCommand(line);
      if ("error" in parsed) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.command;
    }),
});

const people = keyed({
  reviewHours: hours.default(0),
  releaseForeground: z.boolean().default(true),
  answers: z.array(answer).max(1000).default([]),
  commands: z.array(command).max(1000).default([]),
});

/** A task's attempts in order; a single mapping is its first attempt. */
const attempts = z.preprocess(
  (value) => (value !== null && typeof value === "object" && !Array.isArray(value) ? [value] : value),
  z.array(attemptSchema).max(100),
);

export const scenarioSchema = keyed({
  tasks: z.record(z.string().max(100), attempts).default({}),
  people: people.default({ reviewHours: 0, releaseForeground: true, answers: [], commands: [] }),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type AttemptScript = z.infer<typeof attemptSchema>;
export type ScriptedCandidate = z.infer<typeof candidate>;

export const emptyScenario: Scenario = {
  tasks: {},
  people: { reviewHours: 0, releaseForeground: true, answers: [], commands: [] },
};
