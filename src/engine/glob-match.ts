// Glob-versus-file tests for lock overlap. Plans are hostile input and picomatch compiles globs to backtracking
// regular expressions, so a pattern like `*a*a*a*a*b` against a long path could run for minutes. Such tests are
// not run: the answer is "may match", because a false conflict only costs parallelism.

import picomatch from "picomatch/posix.js";

/** Longest glob or path tested with a regular expression; real repository paths are far shorter. */
const maxTestedLength = 512;
/** Most wildcards (`*` runs and `?`) in one glob, and in one of its segments, that we still test exactly. */
const maxWildcards = 6;
const maxWildcardsPerSegment = 2;
const maxCachedMatchers = 10_000;

type Matcher = (path: string) => boolean;
const matchers = new Map<string, Matcher | null>();

/** Whether `glob` (already normalised) may match `path`; true whenever an exact test would be unsafe. */
export function globMayMatch(glob: string, path: string): boolean {
  if (path.length > maxTestedLength) return true;
  const matcher = matcherFor(glob);
  return matcher === null ? true : matcher(path);
}

function matcherFor(glob: string): Matcher | null {
  const cached = matchers.get(glob);
  if (cached !== undefined) return cached;
  const matcher = isSafeToCompile(glob) ? compile(glob) : null;
  if (matchers.size >= maxCachedMatchers) matchers.clear();
  matchers.set(glob, matcher);
  return matcher;
}

function compile(glob: string): Matcher | null {
  try {
    // dot: a lock on `src/**` must cover `src/.env` too.
    return picomatch(glob, { dot: true });
  } catch {
    return null;
  }
}

function isSafeToCompile(glob: string): boolean {
  if (glob.length > maxTestedLength) return false;
  // Extglobs nest quantifiers (`+(a|aa)`), the classic shape of catastrophic backtracking.
  if (/[@!+*?]\(/.test(glob)) return false;
  let total = 0;
  for (const segment of glob.split("/")) {
    const wildcards = segment === "**" ? 1 : (segment.match(/\*+|\?/g)?.length ?? 0);
    if (wildcards > maxWildcardsPerSegment) return false;
    total += wildcards;
  }
  return total <= maxWildcards;
}
