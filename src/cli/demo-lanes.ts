// The demo's attempts as a Gantt chart: one bar per attempt, in seconds since the session started, each on the
// first agent lane free at its start (greedy), so attempts that overlap never share a lane and the number of
// lanes is the most attempts that ran at once.

import type { RunSpan } from "../fake-github/track/track-session.js";
import type { AttemptStatus, SvgGanttInput } from "../render/svg-gantt.js";

export interface LanedSpan {
  span: RunSpan;
  /** 1-based agent lane. */
  lane: number;
  /** Seconds since the session started; an attempt still running at the end ends then. */
  start: number;
  end: number;
}

/** Lanes in order of start (ties: the shorter, then task id and attempt first, so the result is stable). */
export function assignLanes(spans: readonly RunSpan[], untilMs: number): LanedSpan[] {
  const timed = spans.map((span) => {
    const start = span.startMs / 1000;
    return { span, start, end: Math.max(start, (span.endMs ?? untilMs) / 1000) };
  });
  timed.sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      a.span.task.localeCompare(b.span.task) ||
      a.span.attempt - b.span.attempt,
  );
  const laneEnds: number[] = [];
  return timed.map((entry) => {
    let index = laneEnds.findIndex((end) => end <= entry.start);
    if (index === -1) index = laneEnds.push(entry.end) - 1;
    else laneEnds[index] = entry.end;
    return { ...entry, lane: index + 1 };
  });
}

/**
 * A task's latest attempt: done when its run succeeded, cancelled when it was cancelled or never finished, failed
 * otherwise. (The chart marks each earlier attempt of a task as failed: it was followed by a retry.)
 */
export function attemptStatuses(spans: readonly RunSpan[]): Map<string, AttemptStatus> {
  const latest = new Map<string, RunSpan>();
  for (const span of spans) {
    const seen = latest.get(span.task);
    if (!seen || span.attempt >= seen.attempt) latest.set(span.task, span);
  }
  return new Map(
    [...latest].map(([task, span]) => [
      task,
      span.conclusion === "success"
        ? "done"
        : span.conclusion === "cancelled" || span.conclusion === null
          ? "cancelled"
          : "failed",
    ]),
  );
}

export function demoGanttInput(
  spans: readonly RunSpan[],
  untilMs: number,
  title: string,
  titles?: ReadonlyMap<string, string>,
): SvgGanttInput {
  const laned = assignLanes(spans, untilMs);
  return {
    entries: laned.map((entry) => ({
      id: entry.span.task,
      start: entry.start,
      end: entry.end,
      agent: entry.lane,
    })),
    makespan: Math.max(0, ...laned.map((entry) => entry.end)),
    title,
    statuses: attemptStatuses(spans),
    ...(titles ? { titles } : {}),
  };
}
