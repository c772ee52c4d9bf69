// `**Subtasks done:** T04.1, T04.2`: the subtasks of a parent unit this attempt finished, so a retry starts at
// the first unfinished one (a checkpoint). Notes in parentheses are dropped (`T04.1 (tests only)` → `T04.1`);
// "none" means none. An item that is not an id (it has spaces, or is too long) is a problem, never a guess.

import type { BoldField } from "../plan/markdown/paragraph-lines.js";
import { splitItems, stripParentheticals } from "../plan/markdown/split-list.js";
import { isNone } from "../plan/parse-values.js";
import { maxIdChars, maxTasksDone } from "./report-limits.js";
import { cleanLine, quote } from "./report-text.js";

export function readTasksDone(field: BoldField | undefined): { tasksDone: string[]; problems: string[] } {
  const tasksDone: string[] = [];
  const problems: string[] = [];
  if (!field) return { tasksDone, problems };
  let dropped = 0;
  for (const item of splitItems(field.segments)) {
    const id = cleanLine(stripParentheticals(item));
    if (isNone(id) || tasksDone.includes(id)) continue;
    if (!isTaskId(id)) {
      problems.push(`subtasks done: ${quote(item)} is not a task id; it was left out`);
    } else if (tasksDone.length >= maxTasksDone) {
      dropped += 1;
    } else {
      tasksDone.push(id);
    }
  }
  if (dropped > 0) {
    problems.push(`subtasks done: ${dropped} more ids were left out (at most ${maxTasksDone})`);
  }
  return { tasksDone, problems };
}

/** What a subtask id may be: one word, no list or note punctuation, at most maxIdChars long. */
export function isTaskId(text: string): boolean {
  return text !== "" && text.length <= maxIdChars && !/[\s,()[\]]/.test(text) && !isNone(text);
}
