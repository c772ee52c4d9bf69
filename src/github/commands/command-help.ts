// The short help the app replies with after an unknown command or a bad argument: every command, what it
// takes, and who may give it. Kept next to the parser so the two cannot drift apart (a test checks every
// command name appears here). No `|` inside cells: GitHub splits a table cell on it even inside code.

import type { CommandName } from "./command-types.js";
import { requiredPermission } from "./engine-command.js";

const entries: readonly { name: CommandName; usage: string; does: string }[] = [
  { name: "dispatch", usage: "/dispatch [T04]", does: "start or continue the track, or release one task" },
  { name: "resume", usage: "/resume", does: "rebuild the track's state from GitHub and carry on" },
  { name: "pause", usage: "/pause", does: "dispatch nothing new; running tasks finish" },
  { name: "status", usage: "/status", does: "reply with the track's status" },
  { name: "retry", usage: "/retry T04", does: "try a failed or cancelled task again" },
  { name: "cancel", usage: "/cancel [T04]", does: "cancel one task, or the whole track" },
  {
    name: "answer",
    usage: "/answer T04 text",
    does: "answer a task's question (`/answer E-01 text` for one escalation); the answer may go on for lines",
  },
  {
    name: "unlock",
    usage: "/unlock T04",
    does: "release a task's lock (or the lock on a path: `/unlock src/api/`)",
  },
  { name: "budget", usage: "/budget $25 [spawn 10]", does: "set the budget and/or the spawn budget" },
  { name: "plan", usage: "/plan", does: "reply with the dispatch plan and Gantt; changes nothing" },
];

export function commandHelp(): string {
  const rows = entries.map(
    ({ name, usage, does }) =>
      `| \`${usage}\` | ${does} | ${requiredPermission({ name }) === "maintain" ? "maintain or admin" : "write"} |`,
  );
  return [
    "**Commands** (one per line, at the start of the line, outside code and quotes):",
    "",
    "| Command | Does | Who |",
    "| --- | --- | --- |",
    ...rows,
    "",
    "On a task issue the task id may be left out: the command applies to that task.",
  ].join("\n");
}
