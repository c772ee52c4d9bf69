// A comment body → the commands it gives, in order, and the problems of the command lines that cannot run.
//
// Every command of a comment is returned, in the order written: `/budget 50` then `/resume` means both, in that
// order, and dropping all but one would silently ignore what the person asked for. The engine refuses, with a
// reason, whatever makes no sense in the track's state, so running them all is safe. At most `maxCommandLines`
// command lines (commands and problems together) are read, so a hostile comment of 10,000 `/dispatch` lines
// costs twenty engine events and one short reply; the rest are reported once.
//
// What counts as a command line is decided in command-lines.ts (markdown structure). Which slash words count:
// a known command name in any case (`/Dispatch`); an unknown word close to one (`/dispatchh`) is a problem
// with a "did you mean"; any other word (`/usr/bin`, `/cc`, another bot's command) is ignored, as prose.

import { commandLines } from "./command-lines.js";
import { type CommandName, type CommentContext, isCommandName, type ParsedComment } from "./command-types.js";
import { nearestCommand } from "./nearest-command.js";
import { readCommand } from "./read-command.js";

export const maxCommandLines = 20;
/** GitHub's own limit for a comment body; anything longer did not come from GitHub. */
export const maxBodyLength = 65_536;

interface Counted {
  line: number;
  rest: string;
  paragraphEnd: number;
  name: CommandName;
  /** Set when the word is a typo of `name` rather than `name` itself. */
  typo: string | null;
}

export function parseCommands(body: string, options: CommentContext): ParsedComment {
  const result: ParsedComment = { commands: [], problems: [] };
  const text = normalise(body.length > maxBodyLength ? body.slice(0, maxBodyLength) : body);
  if (body.length > maxBodyLength) {
    result.problems.push({
      line: 1,
      command: null,
      message: `This comment is longer than GitHub allows (${maxBodyLength.toLocaleString("en-US")} characters); only its beginning was read.`,
    });
  }
  const lines = text.split("\n");
  const counted: Counted[] = [];
  for (const found of commandLines(text, lines)) {
    const word = found.word.toLowerCase();
    const name = isCommandName(word) ? word : nearestCommand(word);
    if (name === null) continue;
    counted.push({ ...found, name, typo: name === word ? null : found.word });
  }
  for (const [k, entry] of counted.entries()) {
    if (k === maxCommandLines) {
      result.problems.push({
        line: entry.line,
        command: null,
        message: `Only the first ${maxCommandLines} commands of a comment are read; ${counted.length - k} more from line ${entry.line} on were ignored. Put them in another comment.`,
      });
      break;
    }
    if (entry.typo !== null) {
      result.problems.push({
        line: entry.line,
        command: entry.name,
        message: `\`/${entry.typo}\` is not a command; did you mean \`/${entry.name}\`?`,
      });
      continue;
    }
    // An answer runs on over the following lines of its paragraph, up to the next command line.
    const next = counted[k + 1];
    const end = next && next.line <= entry.paragraphEnd ? next.line - 1 : entry.paragraphEnd;
    const more = entry.name === "answer" ? lines.slice(entry.line, end) : [];
    const read = readCommand(entry.name, entry.rest, more, options.taskIssue);
    if ("problem" in read)
      result.problems.push({ line: entry.line, command: entry.name, message: read.problem });
    else result.commands.push({ ...read.value, line: entry.line });
  }
  return result;
}

/**
 * The same line breaks and NUL handling as the markdown parser (CR LF and lone CR are line breaks, NUL is
 * U+FFFD), so the parser's line numbers are lines of this text, and of the body split on `\r\n?|\n`.
 */
function normalise(body: string): string {
  return body.replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD");
}
