// The demo's live display. In a terminal: a header with the elapsed seconds, one line per task and the latest
// events, redrawn in place with ANSI cursor moves (every note, and twice a second for the clock). Anywhere else
// (CI logs, a pipe): one plain line per event as it happens, `12.3s T04 PR #10 opened`, since cursor moves
// would only garble a log.

import type { SessionNote } from "../fake-github/track/track-session.js";
import { type BoardRow, DemoBoard, secondsText } from "./demo-board.js";
import type { CliIo } from "./io.js";

export interface ProgressOptions {
  title: string;
  /** Milliseconds since the session started. */
  elapsed: () => number;
  tty: boolean;
  /** The terminal's width: longer lines are cut so that none wraps and breaks the cursor arithmetic. */
  columns?: number;
  /** How many recent events the terminal view keeps under the task lines. */
  recent?: number;
}

export interface Progress {
  note(note: SessionNote): void;
  /** The last redraw (terminal) and no more timers. */
  stop(): void;
}

const redrawMs = 500;
const up = (lines: number) => `\x1b[${lines}A`;
const clearLine = "\x1b[K";
const clearBelow = "\x1b[J";

export function startProgress(board: DemoBoard, io: CliIo, options: ProgressOptions): Progress {
  if (!options.tty) {
    return {
      note(note) {
        const line = board.apply(note);
        if (line !== null) io.stdout(`${secondsText(options.elapsed()).padStart(6)} ${line}\n`);
      },
      stop() {},
    };
  }
  const recent: string[] = [];
  const keep = options.recent ?? 3;
  let drawn = 0;
  const draw = () => {
    const lines = terminalLines(board, options.title, options.elapsed(), recent, keep);
    const width = Math.max(20, (options.columns ?? 100) - 1);
    const body = lines.map((line) => `\r${cut(line, width)}${clearLine}\n`).join("");
    io.stdout(`${drawn > 0 ? up(drawn) : ""}${body}${clearBelow}`);
    drawn = lines.length;
  };
  const timer = setInterval(draw, redrawMs);
  // The session's own sockets and processes keep Node alive; the clock must not.
  timer.unref();
  draw();
  return {
    note(note) {
      const line = board.apply(note);
      if (line !== null) recent.push(`${secondsText(options.elapsed())} ${line}`);
      if (recent.length > keep) recent.splice(0, recent.length - keep);
      draw();
    },
    stop() {
      clearInterval(timer);
      draw();
    },
  };
}

/** The terminal view, top to bottom: header, task lines, a blank line and the latest events. */
export function terminalLines(
  board: DemoBoard,
  title: string,
  elapsedMs: number,
  recent: readonly string[],
  keep: number,
): string[] {
  const header = `${title} · ${Math.floor(elapsedMs / 1000)}s · ${trackWords[board.track]}`;
  const idWidth = Math.max(4, ...board.rows.map((row) => row.id.length));
  const events = [...recent];
  while (events.length < keep) events.push("");
  return [header, ...board.rows.map((row) => taskLine(row, idWidth)), "", ...events];
}

const trackWords: Record<DemoBoard["track"], string> = {
  starting: "starting the app",
  open: "track open",
  closed: "track closed",
};

/** `  T04        attempt 1  PR #10   checks failing: test`: fixed columns, the state last. */
export function taskLine(row: BoardRow, idWidth: number): string {
  const attempt = row.attempt === 0 ? "" : `attempt ${row.attempt}`;
  const pr = row.pr === null ? "" : `PR #${row.pr}`;
  return `  ${row.id.padEnd(idWidth)}  ${attempt.padEnd(10)} ${pr.padEnd(8)} ${DemoBoard.stateOf(row)}`.trimEnd();
}

function cut(line: string, width: number): string {
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}
