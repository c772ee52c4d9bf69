// The ready queue: units not out yet, in the track's dispatch order, each with what it waits for — prerequisites
// (and which of them failed), a person's answer, the end of a retry backoff, a lock, money or a free agent.
// Times are absolute, never "in 5 minutes", so the dashboard does not change only because the clock moved.

import { committedUsd, fitsBudget } from "../engine/track/budget.js";
import type { TrackState } from "../engine/track/state.js";
import { isInFlight } from "../engine/track/unit-run.js";
import { workLeft } from "../engine/track/unit-spec.js";
import type { DashboardContext, UnitEntry } from "./dashboard-context.js";
import { formatTime, plural, statusWord } from "./dashboard-links.js";
import { formatUsd } from "./format-numbers.js";
import { inlineList, renderTable } from "./markdown-text.js";
import { issueId, issueInline } from "./markdown-text-github.js";

const header = ["#", "Task", "Status", "Waits for"];
const waiting = new Set(["ready", "blocked", "needs-input"]);
const trackWaits: Partial<Record<TrackState["status"], string>> = {
  idle: "the track to start: comment `/dispatch`",
  paused: "the track is paused: `/dispatch` goes on",
  stopped: "the track is stopped (see above)",
  completed: "nothing: the track is completed",
  cancelled: "nothing: the track is cancelled",
};

export function renderQueue(context: DashboardContext): string[] {
  const lines = ["### Ready queue", ""];
  const queue = queued(context);
  if (queue.length === 0) {
    lines.push("Nothing waits to be dispatched.");
    return lines;
  }
  const { listRows } = context.limits;
  const rows = queue
    .slice(0, listRows)
    .map((entry, index) => [
      String(index + 1),
      issueId(entry.id),
      statusWord(entry.run.status),
      waitsFor(context, entry),
    ]);
  lines.push(...renderTable(header, rows));
  if (queue.length > listRows)
    lines.push("", `${plural(queue.length - listRows, "more task waits", "more tasks wait")}.`);
  return lines;
}

/** Waiting units in the track's priority order; any the priority list misses follow in plan order. */
function queued(context: DashboardContext): UnitEntry[] {
  const seen = new Set<string>();
  const order: UnitEntry[] = [];
  for (const id of [...context.track.priority, ...context.units.map((unit) => unit.id)]) {
    const entry = context.byId.get(id);
    if (!entry || seen.has(id) || !waiting.has(entry.run.status)) continue;
    seen.add(id);
    order.push(entry);
  }
  return order;
}

function waitsFor(context: DashboardContext, { id, spec, run }: UnitEntry): string {
  const chars = context.limits.reasonChars;
  if (run.status === "needs-input") {
    const question = run.questions[0];
    const asked = question ? `: ${issueInline(question.text, chars)}` : "";
    return `an answer (\`/answer\` or \`/dispatch\`)${asked}`;
  }
  if (run.status === "blocked") {
    const blockers = run.blockedBy.length > 0 ? run.blockedBy : spec.deps;
    const named = inlineList(
      blockers,
      (blocker) => blockerText(context, blocker),
      context.limits.namesPerCell,
    );
    return named === "" ? issueInline(run.reason ?? "its prerequisites", chars) : `${named} to be merged`;
  }
  const track = context.track;
  if (run.retryAt !== null) return `a retry, not before ${formatTime(run.retryAt)}`;
  const stateWait = track.status === "active" ? undefined : trackWaits[track.status];
  if (stateWait !== undefined) return stateWait;
  const holder = context.lockHolder(id);
  if (holder !== null) return `the lock held by ${issueId(holder)}`;
  const cost = workLeft(spec, run.doneTasks).costUsd;
  if (!fitsBudget(track, cost)) {
    const left = Math.max(0, (track.settings.budgetUsd ?? 0) - committedUsd(track));
    return `money: needs ${formatUsd(cost)}, ${formatUsd(left)} left (\`/budget\` raises it)`;
  }
  const busy = context.units.filter((unit) => isInFlight(unit.run.status)).length;
  if (busy >= track.settings.maxParallel)
    return `a free agent (${busy} of ${track.settings.maxParallel} busy)`;
  return "the next dispatch pass";
}

function blockerText(context: DashboardContext, id: string): string {
  const status = context.byId.get(id)?.run.status;
  const held = status === "failed" || status === "cancelled" ? `, \`/retry\` it or \`/cancel\`` : "";
  return status === undefined ? issueId(id) : `${issueId(id)} (${statusWord(status)}${held})`;
}
