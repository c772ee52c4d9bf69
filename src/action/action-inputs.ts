// The Action's inputs, read once into a typed object: every input is checked here, and a bad one stops the run
// with a message naming the input and what to write (core.setFailed in main.ts). Track, task and attempt are
// the workflow_dispatch identifiers; they are data, never put into a shell.

import { touchProblem } from "./touch-problem.js";

export interface ActionInputs {
  /** A token to use as it is; null when the App's id and key are given (the Action mints its own). */
  token: string | null;
  app: { id: string; privateKey: string } | null;
  agentCommand: string;
  track: string;
  task: string;
  attempt: number;
  /** null: derived from the task's effort. */
  timeoutMinutes: number | null;
  /** 0: no checkpoints while the agent runs. */
  checkpointMinutes: number;
  /** null: a file in the runner's temporary folder. */
  reportPath: string | null;
  maxCostUsd: number | null;
  /** null: the repository's default branch. */
  baseBranch: string | null;
  labelPrefix: string;
  alwaysAllowed: string[];
  failOnScopeViolation: boolean;
}

export type InputReader = (name: string) => string;

export class InputError extends Error {}

export function readInputs(read: InputReader): ActionInputs {
  const problems: string[] = [];
  const text = (name: string, required = false): string => {
    const value = read(name).trim();
    if (required && value === "") problems.push(`input ${name} is required`);
    return value;
  };
  const number = (name: string, min: number, max: number, integer: boolean): number | null => {
    const raw = text(name);
    if (raw === "") return null;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      problems.push(
        `input ${name} must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}, not ${JSON.stringify(raw.slice(0, 40))}`,
      );
      return null;
    }
    return value;
  };
  const track = text("track", true);
  if (track !== "" && !/^[1-9][0-9]{0,15}$/.test(track))
    problems.push("input track must be the track issue's number");
  const task = text("task", true);
  if (task.length > 200 || hasControl(task))
    problems.push("input task must be a task id of at most 200 characters");
  const attempt = number("attempt", 1, 100_000, true);
  if (attempt === null && text("attempt") === "") problems.push("input attempt is required");
  const fail = text("fail-on-scope-violation") || "true";
  if (fail !== "true" && fail !== "false")
    problems.push("input fail-on-scope-violation must be true or false");
  const alwaysAllowed = read("always-allowed")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  for (const path of alwaysAllowed) {
    const problem = touchProblem(path);
    if (problem) problems.push(`input always-allowed: ${problem}`);
  }
  const token = text("github-token");
  const appId = text("app-id");
  const privateKey = read("app-private-key").trim();
  if (appId !== "" && !/^[0-9]{1,12}$/.test(appId))
    problems.push("input app-id must be the App's numeric id");
  if ((appId === "") !== (privateKey === "")) problems.push("inputs app-id and app-private-key go together");
  if (token === "" && appId === "")
    problems.push("input github-token, or app-id with app-private-key, is required");
  const inputs: ActionInputs = {
    token: token === "" ? null : token,
    app:
      appId === "" || privateKey === ""
        ? null
        : { id: appId, privateKey: privateKey.replaceAll("\\n", "\n") },
    agentCommand: text("agent-command", true),
    track,
    task,
    attempt: attempt ?? 0,
    timeoutMinutes: number("timeout-minutes", 0.01, 24 * 60, false),
    checkpointMinutes: number("checkpoint-minutes", 0, 24 * 60, false) ?? 10,
    reportPath: text("report-path") || null,
    maxCostUsd: number("max-cost-usd", 0, 1_000_000, false),
    baseBranch: text("base-branch") || null,
    labelPrefix: text("label-prefix") || "swarm:",
    alwaysAllowed,
    failOnScopeViolation: fail !== "false",
  };
  if (problems.length > 0) throw new InputError(problems.join("; "));
  return inputs;
}

function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) < 0x20) return true;
  return false;
}
