// GitHub's answers, read without trusting their shape. The generated Octokit types describe what GitHub
// promises, not what a proxy, an older Enterprise host or a mock sends, so a body is read as unknown:
// a missing identity (id, number, sha) is a RepoError of kind `unavailable` (the answer is unusable, as after a
// 5xx), and missing text falls back to a default ("" or null) so one odd field never loses a whole answer.

import { RepoError } from "./errors.js";

export type Fields = Record<string, unknown>;

export function malformed(doing: string, problem: string): RepoError {
  return new RepoError("unavailable", `${doing}: GitHub's answer ${problem}`, null);
}

export function fieldsOf(value: unknown, doing: string): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw malformed(doing, "is not an object");
  }
  return value as Fields;
}

/** Like fieldsOf, for a nested object that may be absent: absent or odd gives an empty record. */
export function nestedFields(value: unknown): Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

export function listOf(value: unknown, doing: string): unknown[] {
  if (!Array.isArray(value)) throw malformed(doing, "is not a list");
  return value;
}

/** A positive integer identity (an id, a number). */
export function idOf(fields: Fields, key: string, doing: string): number {
  const value = fields[key];
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    throw malformed(doing, `has no ${key}`);
  }
  return value;
}

/** A string that must be there and not be empty (a sha, a branch name). */
export function stringOf(fields: Fields, key: string, doing: string): string {
  const value = fields[key];
  if (typeof value !== "string" || value === "") throw malformed(doing, `has no ${key}`);
  return value;
}

export function textOf(fields: Fields, key: string, fallback = ""): string {
  const value = fields[key];
  return typeof value === "string" ? value : fallback;
}

export function nullableTextOf(fields: Fields, key: string): string | null {
  const value = fields[key];
  return typeof value === "string" ? value : null;
}

/** The `user` of an issue or comment; a deleted account comes back as null (GitHub shows "ghost"). */
export function authorOf(value: unknown): { login: string; type: string } | null {
  const user = nestedFields(value);
  if (typeof user.login !== "string" || user.login === "") return null;
  return { login: user.login, type: textOf(user, "type", "User") };
}

/** Label lists hold label objects, or plain names where the request sent names; nameless entries are dropped. */
export function labelNamesOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((label) => {
    const name = typeof label === "string" ? label : nestedFields(label).name;
    return typeof name === "string" && name !== "" ? [name] : [];
  });
}

/** The items of a paginated list, page by page; a caller that stops early leaves the next pages unrequested. */
export async function* itemsOf(
  pages: AsyncIterable<{ data: unknown }>,
  doing: string,
): AsyncGenerator<unknown> {
  for await (const page of pages) {
    for (const item of listOf(page.data, doing)) yield item;
  }
}
