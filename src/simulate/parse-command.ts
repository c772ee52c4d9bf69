// A person's command line as a simulated person writes it (`/budget 100`, `/retry T03`, `/resume`) → the engine's
// Command. The same words a person types on a track issue; anything else is refused with what would work.

import type { Command } from "../engine/track/events.js";

export const commandSyntax =
  "/dispatch [T], /pause, /resume, /retry T, /cancel [T], /answer T text, /unlock T, /budget $N [spawn N]";

export type ParsedCommand = { command: Command } | { error: string };

export function parseCommand(line: string): ParsedCommand {
  const text = line.trim();
  const match = /^\/([a-z-]+)(?:\s+([\s\S]*))?$/i.exec(text);
  if (!match) return { error: `a command starts with / (one of ${commandSyntax})` };
  const name = (match[1] as string).toLowerCase();
  const rest = (match[2] ?? "").trim();
  const words = rest === "" ? [] : rest.split(/\s+/);
  const task = words[0] ?? null;
  const one = (command: Command): ParsedCommand =>
    words.length > 1 ? { error: `/${name} takes one task id, got "${rest}"` } : { command };
  const needsTask = (make: (task: string) => Command): ParsedCommand =>
    task === null ? { error: `/${name} needs a task id` } : one(make(task));
  switch (name) {
    case "dispatch":
      return one({ type: "dispatch", task });
    case "pause":
    case "resume":
      return words.length > 0 ? { error: `/${name} takes nothing after it` } : { command: { type: name } };
    case "retry":
      return needsTask((id) => ({ type: "retry", task: id }));
    case "cancel":
      return one({ type: "cancel", task });
    case "unlock":
      return needsTask((id) => ({ type: "unlock", task: id }));
    case "answer": {
      if (task === null) return { error: "/answer needs a task id and the answer" };
      const answer = rest.slice(task.length).trim();
      if (answer === "") return { error: `/answer ${task} needs the answer after the task id` };
      return { command: { type: "answer", task, text: answer } };
    }
    case "budget":
      return parseBudget(words);
    default:
      return { error: `unknown command /${name} (one of ${commandSyntax})` };
  }
}

function parseBudget(words: readonly string[]): ParsedCommand {
  let usd: number | null = null;
  let spawn: number | null = null;
  for (let k = 0; k < words.length; k++) {
    const word = (words[k] as string).toLowerCase();
    if (word === "spawn") {
      const count = words[k + 1] ?? "";
      if (!/^\d{1,6}$/.test(count)) return { error: `/budget spawn needs a whole number, got "${count}"` };
      spawn = Number(count);
      k++;
    } else if (/^\$?\d{1,9}(\.\d{1,2})?$/.test(word)) usd = Number(word.replace("$", ""));
    else return { error: `/budget takes $N and spawn N, got "${words[k]}"` };
  }
  if (usd === null && spawn === null) return { error: "/budget needs $N or spawn N" };
  return { command: { type: "set-budget", usd, spawn } };
}

/** A command as a person would type it, for the timeline. */
export function commandText(command: Command): string {
  switch (command.type) {
    case "dispatch":
    case "cancel":
      return `/${command.type}${command.task === null ? "" : ` ${command.task}`}`;
    case "pause":
    case "resume":
      return `/${command.type}`;
    case "retry":
    case "unlock":
      return `/${command.type} ${command.task}`;
    case "answer":
      return `/answer ${command.task} ${command.text}`;
    case "set-budget":
      return `/budget${command.usd === null ? "" : ` $${command.usd}`}${command.spawn === null ? "" : ` spawn ${command.spawn}`}`;
  }
}
