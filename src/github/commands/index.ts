// Commands in comments: which lines are commands, what they ask for, the engine command each becomes, and who
// may give it. See parse-commands.ts and command-lines.ts for the rules a command line follows.

export { commandHelp } from "./command-help.js";
export {
  type CommandName,
  type CommandProblem,
  type CommentContext,
  commandNames,
  isCommandName,
  type ParsedCommand,
  type ParsedCommandBody,
  type ParsedComment,
} from "./command-types.js";
export { type CommandResolver, engineCommandOf, requiredPermission } from "./engine-command.js";
export { maxBodyLength, maxCommandLines, parseCommands } from "./parse-commands.js";
export { maxBudgetUsd, maxIdLength, maxPathLength, maxSpawnBudget } from "./read-arguments.js";
export { maxAnswerLength } from "./read-command.js";
export { taskHoldingPath } from "./task-holding-path.js";
