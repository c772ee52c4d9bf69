// Touches as written → repo-relative paths a lock can hold. Anything that could let a task write outside the
// repository is an error; anything that is not a path (prose, notes) makes the task run alone, because an
// unreadable touch must never let two tasks write the same files at once.

import { isNone } from "./parse-values.js";

export interface TouchesResult {
  /** Clean repo-relative files, folders ending in `/`, or globs. */
  paths: string[];
  /** A note like `[read-only analysis]` says the task only reads. */
  readOnlyHint: boolean;
  /** Items that are not paths; the task becomes write-shared and a warning names each. */
  prose: string[];
  /** Messages for items that are invalid paths (each an error). */
  errors: string[];
}

const readOnlyNote = /\bread[- ]?only\b/i;

export function normalizeTouches(items: readonly string[]): TouchesResult {
  const result: TouchesResult = { paths: [], readOnlyHint: false, prose: [], errors: [] };
  for (const raw of items) {
    const item = raw.trim();
    // `None`, `-`, `N/A`: the author says the task writes nothing.
    if (item !== "" && isNone(item)) continue;
    if (item.startsWith("[") && item.endsWith("]")) {
      if (readOnlyNote.test(item)) result.readOnlyHint = true;
      else result.prose.push(item);
      continue;
    }
    if (/^read[- ]?only$/i.test(item)) {
      result.readOnlyHint = true;
      continue;
    }
    const problem = pathProblem(item);
    if (problem) {
      result.errors.push(problem);
      continue;
    }
    if (/\s/.test(item)) {
      result.prose.push(item);
      continue;
    }
    const path = cleanPath(item);
    if (!result.paths.includes(path)) result.paths.push(path);
  }
  return result;
}

/** Why a touch cannot be a repo-relative path, or null when it can. */
export function pathProblem(item: string): string | null {
  if (item === "") return "empty touch path";
  if (item.length > 1024) return `touch path is ${item.length} characters long (at most 1024)`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject.
  if (/[\u0000-\u001f\u007f]/.test(item))
    return `touch path ${JSON.stringify(item)} contains control characters`;
  if (item.startsWith("/") || /^[a-z]:/i.test(item) || item.startsWith("~")) {
    return `touch "${item}" is absolute; write it relative to the repository root`;
  }
  if (item.includes("\\")) return `touch "${item}" uses backslashes; write paths with forward slashes`;
  const segments = item.split("/");
  if (segments.includes("..")) return `touch "${item}" leaves the repository ("..")`;
  if (segments[0] === ".git" || (segments[0] === "." && segments[1] === ".git")) {
    return `touch "${item}" is inside .git, which no task may write`;
  }
  return null;
}

/** `./src//a.ts` → `src/a.ts`; the whole repository (`.`, `./`) → `**`. */
function cleanPath(item: string): string {
  const folder = item.endsWith("/");
  const segments = item.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.length === 0) return "**";
  return segments.join("/") + (folder ? "/" : "");
}
