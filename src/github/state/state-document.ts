// The state document's text: JSON of the app document with a format version, checked when read. Anything that
// is not a document this code wrote (a hand edit, a truncated write, another tool's file, an older format) is
// reported as damaged with the reason, never half-read: /resume then rebuilds it from GitHub.

import { z } from "zod";
import type { AppDocument } from "./app-document.js";

export const documentFormat = "swarm-dispatch/state@2";

const count = z.number().int().nonnegative();
const issueNumber = z.number().int().positive().nullable();

const unitLinks = z.object({
  issue: issueNumber,
  issueId: issueNumber,
  pr: issueNumber,
  run: z.object({ id: z.number().int().positive(), url: z.string().nullable(), attempt: count }).nullable(),
  closed: z.boolean(),
  handoff: z.string().max(4000).optional(),
});

const trackLinks = z.object({
  units: z.record(z.string(), unitLinks),
  dashboard: z.object({ comment: z.number().int().positive(), hash: z.string() }).nullable(),
  batches: z.array(z.object({ at: z.number(), units: z.array(z.string()) })),
});

const effectTypes = [
  "dispatch",
  "cancel-run",
  "create-task",
  "set-status",
  "post-check",
  "comment",
  "budget-warning",
  "stop-track",
  "track-completed",
] as const;

const shape = z.object({
  format: z.literal(documentFormat),
  document: z.object({
    engine: z.object({
      version: z.literal(1),
      tracks: z.record(
        z.string(),
        z
          .object({
            id: z.string(),
            units: z.record(z.string(), z.unknown()),
            runs: z.record(z.string(), z.unknown()),
          })
          .passthrough(),
      ),
      maxParallel: z.number().int().positive().nullable(),
      seen: z.array(z.string()),
    }),
    tracks: z.record(z.string(), trackLinks),
    outbox: z.array(
      z.object({
        id: z.string(),
        effect: z.object({ type: z.enum(effectTypes), track: z.string() }).passthrough(),
        owner: z.string(),
        until: z.number(),
        tries: count,
        lastError: z.string().nullable(),
      }),
    ),
    nextEffect: z.number().int().positive(),
    blockedPulls: z.array(z.number().int().positive()).max(1000).optional(),
  }),
});

export function documentToText(document: AppDocument): string {
  return `${JSON.stringify({ format: documentFormat, document })}\n`;
}

/** The document, or why the text is not one. */
export function documentFromText(text: string): { document: AppDocument } | { damaged: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { damaged: `not JSON (${(error as Error).message})` };
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      damaged: `not a state document: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
    };
  }
  for (const [id, track] of Object.entries(parsed.data.document.engine.tracks)) {
    for (const unit of Object.keys(track.units))
      if (!(unit in track.runs)) return { damaged: `track ${id}: unit ${unit} has no run record` };
  }
  return { document: parsed.data.document as unknown as AppDocument };
}
