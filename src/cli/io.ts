// What the CLI needs from the outside world, passed in so tests run the real commands without patching globals.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /** stdout is a terminal: a command may redraw its lines in place (`demo`). Absent: plain lines, as in a log. */
  isTTY?: boolean;
  /** The terminal's width in columns, when it is one; lines drawn in place are cut to it so none wraps. */
  columns?: number;
}

/** Exit codes: 0 success, 1 the plan has errors, 2 the command line is wrong or the file cannot be read. */
export const exitCodes = { ok: 0, invalid: 1, usage: 2 } as const;
