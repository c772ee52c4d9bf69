// The settings that name files and branches. The workflow file and the base branch end up in API paths
// (`/actions/workflows/{file}/dispatches`, `refs/heads/{branch}`), so they must be plain names that cannot point
// somewhere else; always-allowed paths widen every task's scope, so they follow the rules of plan touches.

import { normalizeTouches } from "../../plan/normalize-touches.js";

export const maxWorkflowLength = 100;
export const maxBranchLength = 255;

/** Why `name` is not a workflow file name in `.github/workflows`, or null when it is. */
export function workflowProblem(name: string): string | null {
  if (name === "") return "the workflow file name is empty";
  if (name.length > maxWorkflowLength)
    return `the workflow file name is longer than ${maxWorkflowLength} characters`;
  if (name.includes("/") || name.includes("\\")) {
    return "the workflow is a bare file name in .github/workflows, without folders";
  }
  if (!/\.ya?ml$/.test(name)) return "a workflow file name ends in .yml or .yaml";
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    return "a workflow file name holds only letters, digits, `.`, `_` and `-`, and starts with a letter or digit";
  }
  return null;
}

/** Why `name` is not a branch name git and GitHub accept (git check-ref-format's rules), or null. */
export function branchProblem(name: string): string | null {
  if (name === "") return "the branch name is empty";
  if (name.length > maxBranchLength) return `the branch name is longer than ${maxBranchLength} characters`;
  if (name.startsWith("refs/")) return "write the branch name alone, without `refs/heads/`";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject.
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) {
    return "a branch name cannot hold spaces, control characters or any of ~ ^ : ? * [ \\";
  }
  if (name.includes("..") || name.includes("@{") || name === "@")
    return "a branch name cannot hold `..` or `@{`";
  if (name.startsWith("-")) return "a branch name cannot start with `-`";
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) {
    return "a branch name cannot start or end with `/` or hold `//`";
  }
  if (name.endsWith(".")) return "a branch name cannot end with `.`";
  for (const part of name.split("/")) {
    if (part.startsWith(".") || part.endsWith(".lock")) {
      return "no part of a branch name may start with `.` or end with `.lock`";
    }
  }
  return null;
}

/** Why `item` cannot be an always-allowed path, or null: the rules of plan touches, and not the whole repository. */
export function allowedPathProblem(item: string): string | null {
  const touches = normalizeTouches([item]);
  if (touches.errors[0] !== undefined) return touches.errors[0];
  const path = touches.paths[0];
  if (path === undefined) return `${JSON.stringify(item.slice(0, 40))} is not a repo-relative path or glob`;
  if (path === "**" || /^(\*\*\/?)+\*?$/.test(path)) {
    return "this would let every task change every file, and the scope check would mean nothing";
  }
  return null;
}
