// A track's story for the fake, from one JSON file: the repository's first files and settings, what the scripted
// agent does in each attempt of each task, which pushes CI fails, and what the people answer and fix. Read whole
// and checked with zod, so a mistake names its field before anything starts.

import { readFile } from "node:fs/promises";
import { z } from "zod";

const attemptSchema = z.object({
  title: z.string().optional(),
  costUsd: z.number().nonnegative().optional(),
  files: z.record(z.string(), z.string()).optional(),
  summary: z.string().optional(),
  status: z.string().optional(),
  metrics: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  spawn: z
    .array(
      z.object({
        subtask: z.string(),
        touches: z.array(z.string()).min(1),
        effort: z.string().optional(),
        severity: z.string().optional(),
        dedupKey: z.string(),
        accept: z.string().optional(),
        userInput: z.boolean().optional(),
      }),
    )
    .optional(),
  escalations: z
    .array(z.object({ id: z.string(), title: z.string(), context: z.string(), question: z.string() }))
    .optional(),
  handoff: z.string().optional(),
  sleepMs: z.number().int().nonnegative().max(600_000).optional(),
  exitCode: z.number().int().min(0).max(255).optional(),
});

export const scenarioSchema = z.object({
  $comment: z.string().optional(),
  settings: z.string(),
  files: z.record(z.string(), z.string()),
  tasks: z.record(z.string(), z.array(attemptSchema).min(1)),
  ci: z.object({ failFirstPush: z.array(z.string()).default([]) }).default({ failFirstPush: [] }),
  people: z
    .object({
      answers: z.record(z.string(), z.string()).default({}),
      fixes: z
        .record(z.string(), z.object({ message: z.string(), files: z.record(z.string(), z.string()) }))
        .default({}),
    })
    .default({ answers: {}, fixes: {} }),
});

export type Scenario = z.infer<typeof scenarioSchema>;

export class ScenarioError extends Error {}

export function parseScenario(text: string, file: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
    throw new ScenarioError(problems.join("\n"));
  }
  return parsed.data;
}

export async function readScenario(file: string): Promise<Scenario> {
  return parseScenario(await readFile(file, "utf8"), file);
}
