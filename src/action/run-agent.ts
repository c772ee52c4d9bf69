// Runs the agent command in a process group of its own, so that at the time limit the whole tree (the agent
// and everything it started) is stopped: SIGTERM first, SIGKILL after a grace period. @actions/exec has no time
// limit, hence child_process. The agent gets the environment it is given and nothing else (main.ts leaves out
// every token), and its output is passed through to the log while the last part of it is kept to read its
// JSON result (its cost) from.

import { spawn } from "node:child_process";

export interface AgentRun {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The last part of what the agent printed on stdout. */
  stdoutTail: string;
  durationMs: number;
}

export interface RunAgentOptions {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL. */
  graceMs?: number;
  /** Where the agent's output goes as it comes (the run's log). */
  echo?: (chunk: string) => void;
}

/** Kept of stdout: an agent's JSON result is its last line, and a chatty agent must not fill the memory. */
export const maxStdoutKept = 1024 * 1024;

export function runAgent(options: RunAgentOptions): Promise<AgentRun> {
  const started = Date.now();
  const graceMs = options.graceMs ?? 10_000;
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", options.command], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let tail = "";
    let timedOut = false;
    const killGroup = (signal: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is gone already.
      }
    };
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      options.echo?.(text);
      tail = (tail + text).slice(-maxStdoutKept);
    });
    child.stderr.on("data", (chunk: Buffer) => options.echo?.(chunk.toString("utf8")));
    let hard: NodeJS.Timeout | undefined;
    const limit = setTimeout(() => {
      timedOut = true;
      killGroup("SIGTERM");
      hard = setTimeout(() => killGroup("SIGKILL"), graceMs);
    }, options.timeoutMs);
    const finish = (exitCode: number | null, signal: string | null) => {
      clearTimeout(limit);
      if (hard) clearTimeout(hard);
      resolve({ exitCode, signal, timedOut, stdoutTail: tail, durationMs: Date.now() - started });
    };
    // Anything the agent left running keeps its output open: it ends with the agent, so that `close` comes.
    child.on("exit", () => killGroup("SIGKILL"));
    child.on("error", () => finish(127, null));
    child.on("close", (code, signal) => finish(code, signal));
  });
}
