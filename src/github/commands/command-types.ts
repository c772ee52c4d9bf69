// What a person's comment asks for, as read from its command lines, before any permission check or engine state:
// `parseCommands` produces these, `engineCommandOf` turns the engine's ones into its `Command`.

export const commandNames = [
  "dispatch",
  "resume",
  "pause",
  "status",
  "retry",
  "cancel",
  "answer",
  "unlock",
  "budget",
  "plan",
] as const;

export type CommandName = (typeof commandNames)[number];

export function isCommandName(word: string): word is CommandName {
  return (commandNames as readonly string[]).includes(word);
}

export type ParsedCommandBody =
  /** `task` null: every ready task of the track. */
  | { name: "dispatch"; task: string | null }
  | { name: "resume" }
  | { name: "pause" }
  | { name: "status" }
  | { name: "plan" }
  | { name: "retry"; task: string }
  /** `task` null: the whole track. */
  | { name: "cancel"; task: string | null }
  /**
   * Names a task, an escalation (`E-01`), or both (an escalation answered on its task's issue); at least one is
   * set. `text` is the answer as written (markdown kept), over one or more lines of its paragraph.
   */
  | { name: "answer"; task: string | null; escalation: string | null; text: string }
  /** Exactly one of `task` and `path` is set. */
  | { name: "unlock"; task: string | null; path: string | null }
  /** At least one of `usd` and `spawn` is set. */
  | { name: "budget"; usd: number | null; spawn: number | null };

/** One command of a comment; `line` is its 1-based line in the comment body. */
export type ParsedCommand = ParsedCommandBody & { line: number };

/** A command line that cannot be run as written, with a short message naming the command and what to write. */
export interface CommandProblem {
  line: number;
  /** The command it is about, or null for problems of the whole comment (too long, too many commands). */
  command: CommandName | null;
  message: string;
}

export interface ParsedComment {
  commands: ParsedCommand[];
  problems: CommandProblem[];
}

/** Where the comment was written: on a task issue, commands that take a task default to that task. */
export interface CommentContext {
  taskIssue: string | null;
}
