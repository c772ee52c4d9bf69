// One command line → the command it asks for, or a problem saying what to write instead. A command line is
// exactly the command and its arguments: trailing words are a problem, not ignored, so `/pause until Monday`
// is answered rather than half-understood. On a task issue, a command that takes a task and names none means
// that issue's task (a bare `/cancel` there cancels the task, never the whole track).

import type { CommandName, ParsedCommandBody } from "./command-types.js";
import {
  isEscalationId,
  type Read,
  readBudget,
  readEscalationId,
  readTaskId,
  readUnlockTarget,
  withoutControls,
} from "./read-arguments.js";

/** The engine keeps at most this much of an answer; a longer one is refused rather than silently cut. */
export const maxAnswerLength = 4000;

/**
 * `rest` is what follows the command word on its line; `more` the following lines of the same paragraph up
 * to the next command line (only `/answer` uses them: an answer may run over several lines).
 */
export function readCommand(
  name: CommandName,
  rest: string,
  more: readonly string[],
  taskIssue: string | null,
): Read<ParsedCommandBody> {
  const words = rest === "" ? [] : rest.split(/\s+/);
  const first = words[0];
  const oneTask = (make: (task: string) => ParsedCommandBody, fallback: ParsedCommandBody | null) => {
    if (words.length > 1) {
      return { problem: `\`/${name}\` takes one task id; write one \`/${name} T04\` line per task.` };
    }
    if (first === undefined) {
      if (fallback) return { value: fallback };
      return { problem: `\`/${name}\` needs a task id; write \`/${name} T04\`.` };
    }
    const id = readTaskId(first, name);
    return "problem" in id ? id : { value: make(id.value) };
  };
  switch (name) {
    case "resume":
    case "pause":
    case "status":
    case "plan":
      if (words.length > 0) {
        return { problem: `\`/${name}\` takes nothing after it; write \`/${name}\` alone on its line.` };
      }
      return { value: { name } };
    case "dispatch":
      return oneTask((task) => ({ name, task }), { name, task: taskIssue });
    case "cancel":
      return oneTask((task) => ({ name, task }), { name, task: taskIssue });
    case "retry":
      return oneTask((task) => ({ name, task }), taskIssue === null ? null : { name, task: taskIssue });
    case "unlock": {
      if (words.length > 1) return { problem: "`/unlock` takes one task id or path; write one per line." };
      if (first === undefined) {
        if (taskIssue !== null) return { value: { name, task: taskIssue, path: null } };
        return { problem: "`/unlock` needs a task id or a path; write `/unlock T04` or `/unlock src/api/`." };
      }
      const target = readUnlockTarget(first);
      return "problem" in target ? target : { value: { name, ...target.value } };
    }
    case "budget": {
      const budget = readBudget(words);
      return "problem" in budget ? budget : { value: { name, ...budget.value } };
    }
    case "answer":
      return readAnswer(rest, first, more, taskIssue);
  }
}

/**
 * `/answer T04 text`, `/answer E-01 text`, or on a task issue `/answer text` (the first word is taken as an id
 * only when it is that issue's task id or an escalation id, so an answer may start with any word).
 */
function readAnswer(
  rest: string,
  first: string | undefined,
  more: readonly string[],
  taskIssue: string | null,
): Read<ParsedCommandBody> {
  let task: string | null = taskIssue;
  let escalation: string | null = null;
  let text = rest;
  if (first !== undefined && isEscalationId(first)) {
    escalation = readEscalationId(first);
    text = rest.slice(first.length);
  } else if (taskIssue !== null) {
    if (first !== undefined && first.toLowerCase() === taskIssue.toLowerCase())
      text = rest.slice(first.length);
  } else {
    if (first === undefined) {
      return { problem: "`/answer` needs a task id and the answer; write `/answer T04 use the v2 API`." };
    }
    const id = readTaskId(first, "answer");
    if ("problem" in id) return id;
    task = id.value;
    text = rest.slice(first.length);
  }
  const answer = withoutControls([text, ...more].map((line) => line.trim()).join("\n")).trim();
  const example =
    taskIssue === null ? `/answer ${task ?? escalation} use the v2 API` : "/answer use the v2 API";
  if (answer === "") return { problem: `\`/answer\` needs the answer after it; write \`${example}\`.` };
  if (answer.length > maxAnswerLength) {
    return {
      problem: `\`/answer\` is at most ${maxAnswerLength.toLocaleString("en-US")} characters; shorten it or link to the details.`,
    };
  }
  return { value: { name: "answer", task, escalation, text: answer } };
}
