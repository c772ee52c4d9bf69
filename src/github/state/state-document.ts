// The state document's text: JSON of the engine state with a format version, checked when read. Anything that
// is not a state this code wrote (a hand edit, a truncated write, another tool's file) is reported as damaged
// with the reason, never half-read.

import { z } from "zod";
import type { EngineState } from "../../engine/track/state.js";

export const documentFormat = "swarm-dispatch/state@1";

const shape = z.object({
  format: z.literal(documentFormat),
  state: z.object({
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
});

export function stateToText(state: EngineState): string {
  return `${JSON.stringify({ format: documentFormat, state })}\n`;
}

/** The state, or why the text is not one. */
export function stateFromText(text: string): { state: EngineState } | { damaged: string } {
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
  for (const [id, track] of Object.entries(parsed.data.state.tracks)) {
    for (const unit of Object.keys(track.units))
      if (!(unit in track.runs)) return { damaged: `track ${id}: unit ${unit} has no run record` };
  }
  return { state: parsed.data.state as unknown as EngineState };
}
