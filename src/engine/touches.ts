// What a touch covers. A touch is a repo-relative file (`src/a.ts`), a folder ending in `/` (everything under it)
// or a glob (`src/**/*.test.ts`). Two touches overlap when some path could be written under both; whenever that
// cannot be decided from the text, they overlap, because a false conflict only costs parallelism while a missed
// one lets two agents write the same file.

import picomatch from "picomatch/posix.js";
import { globMayMatch } from "./glob-match.js";

export type TouchKind = "file" | "folder" | "glob";

export interface Touch {
  readonly kind: TouchKind;
  /** Canonical text (no `./`, no doubled `/`): equal keys lock the same thing. */
  readonly key: string;
  /** Literal path segments: the file's, the folder's, or the glob's literal prefix (its base). */
  readonly segments: readonly string[];
}

/** The whole repository: what a touch means when its extent cannot be trusted (`..`, `!negated`). */
const wholeRepository: Touch = { kind: "folder", key: "./", segments: [] };

/** Characters picomatch may read as glob syntax; a touch without any is a plain path. */
const globCharacter = /[*?[\]{}()!+@|\\]/;

const cut: string[] = [];

export function parseTouch(touch: string): Touch {
  const folder = touch.endsWith("/");
  // Cut by hand (`split` is several times slower on the short paths plans are made of), into a reused list
  // copied out at its exact length.
  let count = 0;
  // The usual touch is already canonical (no empty or `.` segment): then the text itself is the key.
  let canonical = true;
  for (let from = 0; from <= touch.length; ) {
    let to = touch.indexOf("/", from);
    if (to < 0) to = touch.length;
    const segment = touch.slice(from, to);
    from = to + 1;
    if (segment === "..") return wholeRepository;
    if (segment === "" || segment === ".") {
      // Only the empty text after a folder's final `/` is expected in a canonical touch.
      if (!(segment === "" && folder && to === touch.length && to > 0)) canonical = false;
      continue;
    }
    cut[count++] = segment;
  }
  if (count === 0) return wholeRepository;
  const segments = cut.slice(0, count);
  const key = canonical ? touch : segments.join("/") + (folder ? "/" : "");
  // Most touches are plain paths; only text with a glob character is worth picomatch's scanner.
  if (!globCharacter.test(key)) return { kind: folder ? "folder" : "file", key, segments };
  const scan = picomatch.scan(key);
  if (scan.negated) return { kind: "glob", key, segments: [] };
  if (scan.isGlob)
    return { kind: "glob", key, segments: scan.base.split("/").filter((segment: string) => segment !== "") };
  return { kind: folder ? "folder" : "file", key, segments };
}

// Analysing one plan parses the same units' touches for conflicts, the schedule and the wave baseline; units are
// immutable values, so each touches array is parsed once and remembered for as long as it lives.
const parsedByList = new WeakMap<readonly string[], readonly Touch[]>();

/** A unit's touches parsed, duplicates (by canonical key) dropped. */
export function parsedTouchesOf(unit: { touches: readonly string[] }): readonly Touch[] {
  const cached = parsedByList.get(unit.touches);
  if (cached) return cached;
  const parsed = parseTouches(unit.touches);
  parsedByList.set(unit.touches, parsed);
  return parsed;
}

/** Touches parsed, the first of each canonical key kept (a scan for short lists, a Set for long ones). */
export function parseTouches(touches: readonly string[]): Touch[] {
  let count = 0;
  let keys: Set<string> | null = null;
  for (const text of touches) {
    const touch = parseTouch(text);
    if (keys === null && count >= 16) keys = new Set(kept.slice(0, count).map((other) => other.key));
    if (keys ? keys.has(touch.key) : keptBefore(count, touch.key)) continue;
    kept[count++] = touch;
    keys?.add(touch.key);
  }
  const parsed = kept.slice(0, count);
  // Let go of a hostile unit's thousands of touches rather than keep them alive here.
  if (count > 64) kept.length = 0;
  return parsed;
}

/** Reused by `parseTouches`, which copies it out at its exact length. */
const kept: Touch[] = [];

function keptBefore(count: number, key: string): boolean {
  for (let i = 0; i < count; i++) if ((kept[i] as Touch).key === key) return true;
  return false;
}

export function isGlob(touch: string): boolean {
  return parseTouch(touch).kind === "glob";
}

export function touchesOverlap(a: string, b: string): boolean {
  return parsedTouchesOverlap(parseTouch(a), parseTouch(b));
}

/**
 * The overlap rules, one per pair of kinds (the lock index in touch-trie.ts implements the same rules with a
 * trie; a property test holds the two together).
 */
export function parsedTouchesOverlap(a: Touch, b: Touch): boolean {
  if (a.kind === "glob" && b.kind === "file") return fileMatchesGlob(b, a);
  if (b.kind === "glob" && a.kind === "file") return fileMatchesGlob(a, b);
  if (a.kind === "file" && b.kind === "file") return a.key === b.key;
  if (a.kind === "file") return folderHolds(b, a);
  if (b.kind === "file") return folderHolds(a, b);
  // Folder or glob on both sides: they can share a path unless their literal prefixes part ways.
  return isPathPrefix(a.segments, b.segments) || isPathPrefix(b.segments, a.segments);
}

/**
 * `isPathPrefix(folder.segments, file.segments)` on the keys, which are those segments joined by `/` (a folder's
 * with a final `/`): one native comparison instead of one per segment.
 */
function folderHolds(folder: Touch, file: Touch): boolean {
  if (folder.segments.length === 0) return true;
  const path = file.key;
  const base = folder.key;
  if (path.length >= base.length) return path.startsWith(base);
  return path.length === base.length - 1 && base.startsWith(path);
}

/** A file can only match a glob below the glob's literal base; only then is the pattern itself tested. */
export function fileMatchesGlob(file: Touch, glob: Touch): boolean {
  return isPathPrefix(glob.segments, file.segments) && globMayMatch(glob.key, file.key);
}

/** True when `prefix` equals `path` or is one of its ancestors, by whole segments (`src` is not in `srcx`). */
export function isPathPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false;
  return true;
}
