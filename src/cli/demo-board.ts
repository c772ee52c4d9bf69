// What the demo shows while the track runs: one row per task (its attempt, its pull request and a state in a
// word or two) and, for every note worth a line, the line itself. Pure: the live display (demo-progress.ts)
// decides when and how to print; this only turns the session's notes into words.

import type { SessionNote } from "../fake-github/track/track-session.js";

export interface BoardRow {
  id: string;
  attempt: number;
  pr: number | null;
  state: string;
  /** Checks failing on the pull request's head: shown instead of the state until they pass. */
  failing: string[];
  merged: boolean;
}

/** A task of the plan, as the board starts: done ones were done before the track. */
export interface PlannedTask {
  id: string;
  done: boolean;
}

const failingConclusions = new Set([
  "failure",
  "timed_out",
  "action_required",
  "cancelled",
  "startup_failure",
]);
const maxEventChars = 140;

export class DemoBoard {
  readonly rows: BoardRow[] = [];
  track: "starting" | "open" | "closed" = "starting";

  constructor(planned: readonly PlannedTask[] = []) {
    for (const task of planned) {
      const row = this.row(task.id);
      row.state = task.done ? "done before the track" : "waiting";
      row.merged = task.done;
    }
  }

  /** Applies one note; returns the line it is worth (without the time), or null when it is noise. */
  apply(note: SessionNote): string | null {
    switch (note.kind) {
      case "track":
        this.track = note.state === "opened" ? "open" : "closed";
        if (note.state === "closed") for (const row of this.rows) if (row.merged) row.state = "done";
        return note.state === "opened" ? "track issue opened" : "track closed";
      case "run":
        return this.run(note);
      case "pull":
        return this.pull(note);
      case "check":
        return this.check(note);
      case "comment":
        return this.comment(note);
    }
  }

  /** The row's state as shown: failing checks first, since they are what holds a pull request back. */
  static stateOf(row: BoardRow): string {
    return row.failing.length > 0 && !row.merged ? `checks failing: ${row.failing.join(", ")}` : row.state;
  }

  private run(note: Extract<SessionNote, { kind: "run" }>): string {
    const row = this.row(note.task);
    row.attempt = note.attempt;
    const name = `${note.task} attempt ${note.attempt}`;
    if (note.state === "queued") {
      row.state = "queued";
      return `${name} dispatched`;
    }
    if (note.state === "in_progress") {
      row.state = "agent running";
      return `${name} running`;
    }
    const ok = note.conclusion === "success";
    // A run can report its end after its pull request merged; the merge is the news that stays.
    if (!row.merged)
      row.state = ok ? (row.pr === null ? "agent finished" : `PR #${row.pr} ready`) : "attempt failed";
    return `${name} finished (${note.conclusion ?? "no conclusion"})`;
  }

  private pull(note: Extract<SessionNote, { kind: "pull" }>): string {
    const row = this.row(note.task);
    row.pr = note.number;
    const name = `${note.task} PR #${note.number}`;
    switch (note.state) {
      case "opened":
        row.state = `PR #${note.number} opened`;
        return `${name} opened`;
      case "synchronize":
        row.state = `PR #${note.number} updated`;
        return `${name} updated`;
      case "merged":
        row.state = "merged";
        row.merged = true;
        row.failing = [];
        return `${name} merged`;
      case "closed":
        row.state = "PR closed unmerged";
        return `${name} closed without merging`;
    }
  }

  /** Only failures and their recovery: every push gets half a dozen green checks, which would drown the rest. */
  private check(note: Extract<SessionNote, { kind: "check" }>): string | null {
    const row = this.row(note.task);
    const was = row.failing.includes(note.name);
    if (failingConclusions.has(note.conclusion)) {
      if (!was) row.failing = [...row.failing, note.name];
      return `${note.task} check ${note.name} failed (${note.conclusion})`;
    }
    if (!was) return null;
    row.failing = row.failing.filter((name) => name !== note.name);
    return `${note.task} check ${note.name} passes now`;
  }

  private comment(note: Extract<SessionNote, { kind: "comment" }>): string {
    const text = plainLine(note.firstLine);
    // The app's own words are the one place a task's waiting for a person shows; match them loosely.
    const waiting = /^(\S+) waits for a person\b/.exec(text);
    const row =
      waiting?.[1] === undefined ? undefined : this.rows.find((candidate) => candidate.id === waiting[1]);
    if (row) row.state = "waits for a person";
    return `#${note.issue} @${note.by}: ${text}`;
  }

  private row(id: string): BoardRow {
    let row = this.rows.find((candidate) => candidate.id === id);
    if (!row) {
      row = { id, attempt: 0, pr: null, state: "waiting", failing: [], merged: false };
      this.rows.push(row);
    }
    return row;
  }
}

/** A comment's first line without its markdown decoration, short enough for one terminal line. */
export function plainLine(line: string): string {
  const text = line
    .replace(/^#+\s*/, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > maxEventChars ? `${text.slice(0, maxEventChars - 1)}…` : text;
}

/** Seconds since the start, one decimal: `12.3s`. */
export function secondsText(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}
