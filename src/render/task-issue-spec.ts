// The unit a spawned (or gate-fix) task issue stands for, written into the issue as one hidden line, so that a
// rebuild of the state from GitHub can add the unit again: the plan does not list it. The JSON is escaped so that
// nothing in it can end the HTML comment or open markup (`-`, `<`, `>` and `&` as \u escapes), and it is read back
// only from a line that is exactly the block, validated field by field.

import { z } from "zod";
import type { UnitSpec } from "../engine/track/state.js";
import { autoSpawnRules, concurrencyClasses } from "../plan/model.js";

const prefix = "<!-- swarm-dispatch:spec v1 ";
const suffix = " -->";
/** Bodies are scanned this far: the app writes at most 65,536 characters, a hostile edit may write more. */
const maxScannedChars = 262_144;

const text = z.string().max(2000);
const specSchema = z
  .object({
    id: z.string().min(1).max(200),
    title: text,
    taskIds: z.array(z.string().min(1).max(200)).min(1).max(200),
    deps: z.array(z.string().max(200)).max(200),
    touches: z.array(text).max(1000),
    concurrency: z.enum(concurrencyClasses),
    needsPerson: z.boolean(),
    taskHours: z.array(z.number().nonnegative().finite()).max(200),
    taskCostUsd: z.array(z.number().nonnegative().finite()).max(200),
    role: text.nullable(),
    model: z.string().min(1).max(200),
    autoSpawn: z.enum(autoSpawnRules),
    gates: z.array(text).max(100),
    origin: z.union([
      z.object({ kind: z.literal("plan") }).strict(),
      z.object({ kind: z.literal("spawn"), by: text, key: text }).strict(),
      z.object({ kind: z.literal("gate"), gate: text }).strict(),
    ]),
    order: z.number().int().nonnegative(),
  })
  .strict()
  .refine(
    (spec) =>
      spec.taskHours.length === spec.taskIds.length && spec.taskCostUsd.length === spec.taskIds.length,
  );

export function specBlock(spec: UnitSpec): string {
  const json = JSON.stringify(spec).replace(
    /[-<>&]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `${prefix}${json}${suffix}`;
}

/** The unit of a body's spec block, or null (no block, a broken one, or two that disagree). */
export function parseSpecBlock(body: string | null | undefined): UnitSpec | null {
  if (typeof body !== "string") return null;
  let found: UnitSpec | null = null;
  let foundText: string | null = null;
  for (const raw of body.slice(0, maxScannedChars).split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (!line.startsWith(prefix) || !line.endsWith(suffix)) continue;
    const json = line.slice(prefix.length, line.length - suffix.length);
    if (json.includes("-->")) continue;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      continue;
    }
    const parsed = specSchema.safeParse(value);
    if (!parsed.success) continue;
    if (foundText !== null && foundText !== json) return null;
    foundText = json;
    found = parsed.data as UnitSpec;
  }
  return found;
}
