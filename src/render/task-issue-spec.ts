// The unit a spawned (or gate-fix) task issue stands for, written into the issue as one hidden line,
// `<!-- swarm-dispatch:spec v1 {json} -->`, so that a rebuild of the state from GitHub can add the unit again: the
// plan does not list it. Inside the JSON's strings `-`, `<`, `>`, `&` and every non-ASCII character are written as
// \u escapes: no string can end the comment (`-->`, `--!>`) or open markup, and the line is plain ASCII, so no
// re-encoding of the body can change it. Outside strings JSON has no such characters but a number's sign or
// exponent (`1e-7`), which never stands next to another `-` or a `>`. The block is read back only from a line that
// is exactly a block (plan text in the body always sits inside a line), and validated field by field.

import { z } from "zod";
import type { UnitSpec } from "../engine/track/state.js";
import { autoSpawnRules, concurrencyClasses } from "../plan/model.js";

const prefix = "<!-- swarm-dispatch:spec v1 ";
const suffix = " -->";
/** Bodies are scanned this far: the app writes at most 65,536 characters, a hostile edit may write more. */
const maxScannedChars = 262_144;

// Caps far above what the engine makes (titles are cut at 200 characters), low enough that a hand-edited block
// cannot hand the engine a huge unit.
const id = z.string().min(1).max(200);
const text = z.string().max(10_000);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(5_000);
const amount = z.number().nonnegative().finite();

const specSchema = z
  .object({
    id,
    title: text,
    taskIds: list(id).min(1),
    deps: list(id),
    touches: list(text),
    concurrency: z.enum(concurrencyClasses),
    needsPerson: z.boolean(),
    taskHours: list(amount),
    taskCostUsd: list(amount),
    role: text.nullable(),
    model: text,
    autoSpawn: z.enum(autoSpawnRules),
    gates: list(text),
    origin: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("plan") }).strict(),
      z.object({ kind: z.literal("spawn"), by: id, key: text }).strict(),
      z.object({ kind: z.literal("gate"), gate: text }).strict(),
    ]),
    order: z.number().int().nonnegative(),
  })
  .strict()
  .refine(
    (spec) =>
      spec.taskHours.length === spec.taskIds.length && spec.taskCostUsd.length === spec.taskIds.length,
    "one estimate per task",
  );

/** A JSON string literal as JSON.stringify writes it: quotes, and escapes for quotes and backslashes. */
const stringLiteral = /"(?:[^"\\]|\\.)*"/g;
const unsafeInString = /[-<>&\u007f-\uffff]/g;

export function specBlock(spec: UnitSpec): string {
  const json = JSON.stringify(spec).replace(stringLiteral, (literal) =>
    literal.replace(unsafeInString, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`),
  );
  return `${prefix}${json}${suffix}`;
}

/** The unit of a body's spec block, or null: no block, only broken ones, or two that disagree. */
export function parseSpecBlock(body: string | null | undefined): UnitSpec | null {
  if (typeof body !== "string") return null;
  let found: UnitSpec | null = null;
  let canonical: string | null = null;
  for (const raw of body.slice(0, maxScannedChars).split("\n")) {
    // Bodies edited in the web UI come back with CRLF line ends.
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (!line.startsWith(prefix) || !line.endsWith(suffix)) continue;
    const json = line.slice(prefix.length, line.length - suffix.length);
    // A line holding a second comment end is not one block but text that looks like one.
    if (json.includes("-->") || json.includes("--!>")) continue;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      continue;
    }
    const parsed = specSchema.safeParse(value);
    if (!parsed.success) continue;
    const again = JSON.stringify(parsed.data);
    // The same unit written twice (an edit that copied the line) is still that unit; two units are none.
    if (canonical !== null && canonical !== again) return null;
    canonical = again;
    found = parsed.data as UnitSpec;
  }
  return found;
}
