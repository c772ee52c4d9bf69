// A parsed command → the engine's `Command`, and the repository permission each one needs. `/status` and `/plan`
// change nothing, so they are no engine commands: the caller answers them itself. Escalation ids and unlock
// paths name a task only through the track's state, which the caller passes in as a resolver.

import type { Command } from "../../engine/track/events.js";
import type { ParsedCommand, ParsedCommandBody } from "./command-types.js";

export interface CommandResolver {
  /** The task an open escalation (`E-01`) belongs to, or null when there is none. */
  taskOfEscalation?: (escalation: string) => string | null;
  /** The task whose held lock covers this path (`/unlock path`), or null when no lock does. */
  taskHoldingPath?: (path: string) => string | null;
}

/**
 * null for `/status` and `/plan`, and for an escalation or path the resolver does not map to a task (the caller
 * replies that nothing matched). An escalation answered on its task's issue uses that task directly.
 */
export function engineCommandOf(
  parsed: ParsedCommand | ParsedCommandBody,
  resolve: CommandResolver = {},
): Command | null {
  switch (parsed.name) {
    case "dispatch":
    case "cancel":
      return { type: parsed.name, task: parsed.task };
    case "resume":
    case "pause":
      return { type: parsed.name };
    case "retry":
      return { type: "retry", task: parsed.task };
    case "answer": {
      const task =
        parsed.task ??
        (parsed.escalation === null ? null : (resolve.taskOfEscalation?.(parsed.escalation) ?? null));
      return task === null ? null : { type: "answer", task, text: parsed.text };
    }
    case "unlock": {
      const task =
        parsed.task ?? (parsed.path === null ? null : (resolve.taskHoldingPath?.(parsed.path) ?? null));
      return task === null ? null : { type: "unlock", task };
    }
    case "budget":
      return { type: "set-budget", usd: parsed.usd, spawn: parsed.spawn };
    case "status":
    case "plan":
      return null;
  }
}

/** Unlocking and budget changes override the plan's safety rails, so they need maintain (or admin). */
export function requiredPermission(parsed: Pick<ParsedCommandBody, "name">): "write" | "maintain" {
  return parsed.name === "unlock" || parsed.name === "budget" ? "maintain" : "write";
}
