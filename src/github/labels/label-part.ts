// The variable part of a label (a task id, a track number) made safe for GitHub. Three GitHub behaviours drive
// this: a label name holds at most 50 characters; names are unique without regard to case (creating `t1` when
// `T1` exists answers 422 already_exists); and the list-issues API filters by a comma-separated `labels` list, so
// a comma inside a name cannot be filtered on. GitHub itself accepts commas, spaces and emoji in names, and renders
// `:name:` as an emoji, which would also hide an id written like that.
//
// So an id is used as written only when it is plain: ASCII capitals, digits, `.`, `_` and `-` (the `T04`, `S-1`,
// `1.2` style of the plan formats), and it fits. Any other id (lower-case letters included, since `t04` and `T04`
// would otherwise share one label) is cleaned, cut to fit, and followed by `~` and a hash of the id as written.
// Plain parts never contain `~`, so a hashed part can never equal a plain one, and two different ids get two
// different labels unless their 32-bit hashes collide.

import { createHash } from "node:crypto";

const plain = /^[A-Z0-9._-]+$/;

/**
 * `id` as it appears in a label, in at most `room` characters (what the prefix and kind leave of GitHub's 50).
 * `reserved` lists parts (compared without case) that would make another label, such as `INPUT` after `needs-`.
 */
export function labelPart(id: string, room: number, reserved: readonly string[] = []): string {
  const isReserved = reserved.some((word) => word.toLowerCase() === id.toLowerCase());
  if (plain.test(id) && id.length <= room && !isReserved) return id;
  const suffix = `~${shortHash(id)}`;
  // Only the first characters can show; slicing first keeps the cleaning cheap for a hostile 1 MB id.
  const readable = id
    .slice(0, Math.max(0, room))
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return readable.slice(0, Math.max(0, room - suffix.length)).replace(/-+$/, "") + suffix;
}

/** Stable across runs, machines and app versions: labels written today must be found again after an upgrade. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);
}
