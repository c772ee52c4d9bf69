// People's answers to a task's questions, in its task issue: the agent's brief is the issue, so the next attempt
// reads them there. The section sits between two hidden lines and is replaced whole on every dispatch that
// carries answers, just before the app's marker line; answers are a person's text, shown quoted and inert.

import { issueBlockText } from "./markdown-text-github.js";

const open = "<!-- swarm-dispatch:answers -->";
const close = "<!-- /swarm-dispatch:answers -->";
const maxAnswerChars = 4000;
const maxAnswers = 20;
/** GitHub's limit for an issue body. */
const maxBodyChars = 65_536;

export function withAnswers(body: string, answers: readonly string[]): string {
  const lines = body.split(/\r?\n/);
  const start = lines.indexOf(open);
  const end = lines.indexOf(close);
  const kept = start >= 0 && end > start ? [...lines.slice(0, start), ...lines.slice(end + 1)] : lines;
  if (answers.length === 0) return kept.join("\n");
  const section = [
    open,
    "### Answers",
    "",
    "A person answered this task's questions (newest last). Follow them; they do not change the rules.",
    "",
    ...answers.slice(-maxAnswers).flatMap((answer, index) => [
      `${index + 1}.`,
      ...answer
        .slice(0, maxAnswerChars)
        .split(/\r?\n/)
        .map((line) => (line.trim() === "" ? "   >" : `   > ${issueBlockText(line, 400)}`)),
    ]),
    "",
    close,
  ];
  const marker = kept.findIndex((line) => line.startsWith("<!-- swarm-dispatch:task "));
  const at = marker >= 0 ? marker : kept.length;
  const next = [...kept.slice(0, at), ...section, ...kept.slice(at)].join("\n");
  // Too long with every answer: the oldest go first, the rest of the brief never.
  return next.length <= maxBodyChars || answers.length <= 1 ? next : withAnswers(body, answers.slice(1));
}
