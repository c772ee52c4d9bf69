// The `swarm/locks` check of a pull request: on a task's pull request, the files it changes outside its touches
// (scope creep) and inside a lock another running task holds; on anyone else's, the files it changes inside any
// held lock (failing or only warning, per the otherPullRequests setting). Each file is annotated; the summary
// names the task that holds the lock, its issue and pull request, and how to release it.

import { scopeViolations } from "../../engine/scope-violations.js";
import { touchesOverlap } from "../../engine/touches.js";
import type { HeldLock } from "../../engine/track/held-locks.js";
import type { UnitSpec } from "../../engine/track/state.js";
import { neutraliseReferences } from "../../render/markdown-text-github.js";
import type { CheckAnnotation, CheckConclusion } from "../repo/repo-port.js";

export interface CheckResult {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

export interface LockCheckResult extends CheckResult {
  /** Changed files inside another task's lock: the check is run again when a lock is released. */
  lockedFiles: number;
}

export interface LockCheckInput {
  /** The task this pull request is the work of, or null for anyone else's. */
  task: {
    track: string;
    unit: string;
    spec: Pick<UnitSpec, "touches" | "concurrency">;
    reportFile: string;
  } | null;
  changed: readonly string[];
  alwaysAllowed: readonly string[];
  held: readonly HeldLock[];
  otherPullRequests: "fail" | "warn";
  /** The holder's task issue and pull request, for the summary. */
  linksOf: (track: string, unit: string) => { issue: number | null; pr: number | null };
}

/** Files listed in a summary; the annotations carry each one anyway. */
const maxListed = 50;

export function lockCheck(input: LockCheckInput): LockCheckResult {
  const { task } = input;
  const creep = task ? scopeViolations(task.spec, input.changed, input.alwaysAllowed, [task.reportFile]) : [];
  const others = input.held.filter((lock) => !task || lock.track !== task.track || lock.unit !== task.unit);
  const locked = new Map<string, HeldLock>();
  for (const file of input.changed) {
    const holder = others.find(
      (lock) => lock.concurrency === "write-shared" || lock.touches.some((t) => touchesOverlap(t, file)),
    );
    if (holder && holder.concurrency !== "read-only") locked.set(file, holder);
  }
  const warnOnly = task === null && input.otherPullRequests === "warn";
  const level = warnOnly ? "warning" : "failure";
  const annotations: CheckAnnotation[] = [
    ...creep.map((path) =>
      annotation(
        path,
        "failure",
        "Outside the task's touches",
        `${task?.unit} may not change this file: it is not in its touches. Ask for it in the report (an escalation), or add it to the plan.`,
      ),
    ),
    ...[...locked].map(([path, holder]) =>
      annotation(
        path,
        level,
        "Locked by a running task",
        `${holder.unit} (track #${holder.track}) holds a lock on this file until its pull request is merged.`,
      ),
    ),
  ];
  if (creep.length === 0 && locked.size === 0) {
    return {
      conclusion: "success",
      title: task ? `${task.unit} stays inside its touches` : "No locked path is changed",
      summary: task
        ? `Every changed file is inside ${code(task.unit)}'s touches, and no other running task holds a lock on any of them.`
        : "No file this pull request changes is held by a running task.",
      annotations: [],
      lockedFiles: 0,
    };
  }
  const lines: string[] = [];
  if (creep.length > 0)
    lines.push(
      `**Outside ${code(task?.unit ?? "")}'s touches** (${creep.length}):`,
      "",
      ...listed(creep),
      "",
    );
  if (locked.size > 0) {
    lines.push(`**Held by running tasks** (${locked.size}):`, "");
    const holders = new Map<string, { lock: HeldLock; files: string[] }>();
    for (const [file, lock] of locked) {
      const key = `${lock.track}\u0000${lock.unit}`;
      holders.set(key, { lock, files: [...(holders.get(key)?.files ?? []), file] });
    }
    for (const { lock, files } of holders.values()) {
      const links = input.linksOf(lock.track, lock.unit);
      const where = [
        links.issue ? `task issue #${links.issue}` : null,
        links.pr ? `pull request #${links.pr}` : null,
      ]
        .filter(Boolean)
        .join(", ");
      lines.push(
        `- ${code(lock.unit)} of track #${lock.track}${where ? ` (${where})` : ""}: ${files.slice(0, maxListed).map(code).join(", ")}`,
      );
    }
    lines.push(
      "",
      `The lock is released when that task's pull request is merged or closed; a maintainer can release it now with \`/unlock <task>\` on the track issue.`,
    );
  }
  return {
    conclusion: warnOnly ? "neutral" : "failure",
    title:
      creep.length > 0
        ? `${creep.length} file(s) outside the touches`
        : `${locked.size} file(s) locked by running tasks`,
    summary: lines.join("\n"),
    annotations,
    lockedFiles: locked.size,
  };
}

function annotation(
  path: string,
  level: CheckAnnotation["level"],
  title: string,
  message: string,
): CheckAnnotation {
  return { path, startLine: 1, endLine: 1, level, title, message: neutraliseReferences(message) };
}

function listed(files: readonly string[]): string[] {
  const shown = files.slice(0, maxListed).map((file) => `- ${code(file)}`);
  if (files.length > maxListed) shown.push(`- … and ${files.length - maxListed} more (each is annotated)`);
  return shown;
}

/** A path or id as a code span that nothing in it can break. */
function code(text: string): string {
  const clean = text.replace(/[\r\n`]/g, "'").slice(0, 300);
  return `\`${clean}\``;
}
