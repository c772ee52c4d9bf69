// The arguments commands take: task ids, escalation ids, paths and amounts. Every one is hostile text from a
// comment, so each is checked against a narrow shape and capped; a problem message echoes at most a short,
// cleaned piece of it inside a code span (no mentions, no markup, no control characters reach the reply).

import type { CommandName } from "./command-types.js";

export type Read<T> = { value: T } | { problem: string };

export const maxIdLength = 100;
export const maxPathLength = 400;
export const maxBudgetUsd = 1_000_000;
export const maxSpawnBudget = 1000;

// The ids plan formats use (`T04`, `1.2`, `P1-T3`, `auth_login`); anything with markup or spaces is not one.
const idPattern = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
/** Escalations are named `E-01`, `E-2` …; a task id of that shape cannot be answered by id. */
export const escalationPattern = /^E-\d{1,6}$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const controls = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const badPathCharacter = /[\u0000-\u001F\u007F\\<>`"|]/;

/** Text from a comment with control characters (other than tab and newline) removed. */
export function withoutControls(text: string): string {
  return text.replace(controls, "");
}

/** A short, safe echo of user text for a problem message. */
export function shown(text: string): string {
  const clean = withoutControls(text)
    .replace(/[`\s]+/g, " ")
    .trim();
  if (clean === "") return "that";
  return `\`${clean.length > 30 ? `${clean.slice(0, 30)}…` : clean}\``;
}

/** `T04` written as inline code (`` `T04` ``) is still `T04`. */
function unwrapCode(token: string): string {
  return token.length > 2 && token.startsWith("`") && token.endsWith("`") ? token.slice(1, -1) : token;
}

export function readTaskId(token: string, name: CommandName): Read<string> {
  const id = unwrapCode(token);
  if (id.length > maxIdLength) {
    return {
      problem: `\`/${name}\`: a task id is at most ${maxIdLength} characters; write \`/${name} T04\`.`,
    };
  }
  if (!idPattern.test(id)) {
    return {
      problem: `\`/${name}\`: ${shown(id)} is not a task id (letters, digits, \`.\`, \`_\`, \`-\`); write \`/${name} T04\`.`,
    };
  }
  return { value: id };
}

export function isEscalationId(token: string): boolean {
  return escalationPattern.test(unwrapCode(token));
}

export function readEscalationId(token: string): string {
  return unwrapCode(token);
}

/** `/unlock` takes a task id, or a path: anything with a `/` or ending in a file extension (`README.md`). */
export function readUnlockTarget(token: string): Read<{ task: string | null; path: string | null }> {
  const target = unwrapCode(token);
  const isPath = target.includes("/") || /\.[A-Za-z][A-Za-z0-9]*$/.test(target);
  if (!isPath) {
    const id = readTaskId(target, "unlock");
    return "problem" in id ? id : { value: { task: id.value, path: null } };
  }
  const path = target.replace(/^(\.?\/)+/, "");
  const usage = "write `/unlock src/api/` or `/unlock T04`.";
  if (path.length > maxPathLength) {
    return { problem: `\`/unlock\`: a path is at most ${maxPathLength} characters; ${usage}` };
  }
  if (path === "" || badPathCharacter.test(path) || path.split("/").includes("..")) {
    return { problem: `\`/unlock\`: ${shown(target)} is not a path in the repository; ${usage}` };
  }
  return { value: { task: null, path } };
}

const budgetUsage = "write `/budget 25`, `/budget $25.50` or `/budget spawn 10`.";

/** `/budget 25`, `$25`, `25.50`, `spawn 10`, or an amount and a spawn count together. */
export function readBudget(words: readonly string[]): Read<{ usd: number | null; spawn: number | null }> {
  if (words.length === 0) return { problem: `\`/budget\` needs an amount; ${budgetUsage}` };
  let usd: number | null = null;
  let spawn: number | null = null;
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as string;
    if (word.toLowerCase() === "spawn") {
      const count = words[k + 1] ?? "";
      k++;
      if (!/^\d{1,9}$/.test(count)) {
        return { problem: "`/budget spawn` needs a whole number of tasks; write `/budget spawn 10`." };
      }
      if (spawn !== null) return { problem: `\`/budget\` takes one spawn count; ${budgetUsage}` };
      spawn = Number(count);
      if (spawn > maxSpawnBudget) {
        return {
          problem: `\`/budget spawn\` is at most ${maxSpawnBudget} tasks; write \`/budget spawn 10\`.`,
        };
      }
    } else if (/^\$?\d{1,9}(\.\d{1,2})?$/.test(word)) {
      if (usd !== null) return { problem: `\`/budget\` takes one amount; ${budgetUsage}` };
      usd = Number(word.replace("$", ""));
      if (usd > maxBudgetUsd) {
        return { problem: `\`/budget\` is at most $${maxBudgetUsd.toLocaleString("en-US")}; ${budgetUsage}` };
      }
    } else if (/^-\$?\d/.test(word) || /^\$-\d/.test(word)) {
      return { problem: `\`/budget\` cannot be negative; ${budgetUsage}` };
    } else {
      return { problem: `\`/budget\`: ${shown(word)} is not an amount; ${budgetUsage}` };
    }
  }
  return { value: { usd, spawn } };
}
