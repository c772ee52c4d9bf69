// A new comment on a track issue or a task issue: its command lines, checked against the commenter's
// permission through the API (every command, every time: roles change), acknowledged with a reaction, answered
// with one reply for what the app says itself (refusals, problems with help, /status, /plan), and handed to the
// engine as events. Comments by bots, comments with no command line, and comments on other issues are ignored
// before any request is made.

import type { Command, EngineEvent } from "../../engine/track/events.js";
import { parseTaskMarker } from "../../render/task-issue-marker.js";
import { hasPermission, higherPermission, permissionWords } from "../commands/has-permission.js";
import {
  commandHelp,
  engineCommandOf,
  type ParsedCommand,
  parseCommands,
  requiredPermission,
  taskHoldingPath,
} from "../commands/index.js";
import { runEvents } from "../drive/run-events.js";
import { isTaskIssue, isTrackIssue } from "../labels/index.js";
import { isDamaged } from "../state/state-store.js";
import { unitOfEscalation } from "../tracks/escalations.js";
import { renderPlanReply } from "../tracks/plan-reply.js";
import { renderStatusReply } from "../tracks/status-reply.js";
import { type CommentPayload, isBot } from "./payload.js";
import type { RepoEnv } from "./repo-env.js";
import { resumeTrack } from "./resume-track.js";

/** Cheap test before anything is read: some line starts with a slash word. */
export function mayHoldCommand(payload: CommentPayload): boolean {
  if (payload.action !== "created" || isBot(payload.comment.user) || isBot(payload.sender)) return false;
  if (payload.issue.pull_request !== undefined) return false;
  return /(^|\n)[ \t]*\/[A-Za-z]/.test(payload.comment.body ?? "");
}

/** Which track a comment's issue belongs to, and which task when it is a task issue; null for other issues. */
export function commentPlace(
  payload: CommentPayload,
  prefix: string,
): { track: string; task: string | null } | null {
  const labels = payload.issue.labels ?? [];
  if (isTrackIssue(labels, prefix) && !isTaskIssue(labels, prefix))
    return { track: String(payload.issue.number), task: null };
  if (!isTaskIssue(labels, prefix) || !isBot(payload.issue.user)) return null;
  const marker = parseTaskMarker(payload.issue.body);
  return marker ? { track: marker.track, task: marker.unit } : null;
}

export async function onComment(payload: CommentPayload, env: RepoEnv): Promise<void> {
  if (!mayHoldCommand(payload)) return;
  const { services } = env;
  const { repo, settings } = services;
  const place = commentPlace(payload, settings.labelPrefix);
  if (!place) return;
  const parsed = parseCommands(payload.comment.body ?? "", { taskIssue: place.task });
  if (parsed.commands.length === 0 && parsed.problems.length === 0) return;
  const login = payload.comment.user?.login ?? payload.sender?.login ?? "";
  const permission = await repo.permissionOf(login);
  const allowed: ParsedCommand[] = [];
  const replies: string[] = [];
  for (const command of parsed.commands) {
    const need = higherPermission(settings.commandPermission, requiredPermission(command));
    if (hasPermission(permission, need)) allowed.push(command);
    else
      replies.push(
        `\`/${command.name}\` (line ${command.line}) was not run: it needs ${permissionWords(need)}, and \`${login}\` has ${permission === "none" ? "no" : permission} access.`,
      );
  }
  for (const problem of parsed.problems) replies.push(`Line ${problem.line}: ${problem.message}`);
  await repo.react(payload.comment.id, allowed.length > 0 ? "eyes" : "confused");
  const issue = payload.issue.number;
  // Commands run in the order written: `/budget 50` then `/resume` raises the budget first.
  const steps: (EngineEvent | "resume")[] = [];
  for (const command of allowed) {
    if (command.name === "status") replies.push(await statusOf(env, place.track));
    else if (command.name === "plan") replies.push(await planOf(env, place.track, issue, payload));
    else if (command.name === "resume") steps.push("resume");
    else {
      const engine = await engineCommand(env, place.track, command);
      if ("reply" in engine) replies.push(engine.reply);
      else
        steps.push({
          id: `${env.deliveryId}:${command.line}`,
          type: "command",
          track: place.track,
          command: engine.command,
          by: login,
        });
    }
  }
  if (parsed.problems.length > 0) replies.push(commandHelp());
  if (replies.length > 0) await repo.createComment(issue, replies.join("\n\n"));
  let batch: EngineEvent[] = [];
  for (const step of [...steps, null]) {
    if (step !== null && step !== "resume") {
      batch.push(step);
      continue;
    }
    if (batch.length > 0) await runEvents(services, batch);
    batch = [];
    if (step === "resume") await resumeTrack(env, place.track, login);
  }
}

async function engineCommand(
  env: RepoEnv,
  track: string,
  command: ParsedCommand,
): Promise<{ command: Command } | { reply: string }> {
  const needsState =
    (command.name === "answer" && command.task === null) ||
    (command.name === "unlock" && command.task === null);
  const state = needsState ? await trackState(env, track) : null;
  const resolved = engineCommandOf(command, {
    taskOfEscalation: (id) => (state ? unitOfEscalation(state, id) : null),
    taskHoldingPath: (path) => (state ? taskHoldingPath(state, path) : null),
  });
  if (resolved) return { command: resolved };
  if (command.name === "answer")
    return {
      reply: `\`/answer ${command.escalation}\`: no open question has that id; the dashboard lists them as E-01, E-02, …`,
    };
  if (command.name === "unlock")
    return { reply: `\`/unlock ${command.path}\`: no task of this track holds a lock on that path.` };
  return { reply: `\`/${command.name}\` could not be run.` };
}

async function trackState(env: RepoEnv, track: string) {
  const stored = await env.services.store.load();
  if (!stored || isDamaged(stored)) return null;
  return Object.hasOwn(stored.document.engine.tracks, track)
    ? (stored.document.engine.tracks[track] ?? null)
    : null;
}

async function statusOf(env: RepoEnv, track: string): Promise<string> {
  const stored = await env.services.store.load();
  if (isDamaged(stored))
    return `The track's state document is damaged (${stored.damaged}); \`/resume\` rebuilds it from GitHub.`;
  if (!stored) return "This track has not started yet.";
  return renderStatusReply(env.services.repo, stored.document, track);
}

async function planOf(env: RepoEnv, track: string, issue: number, payload: CommentPayload): Promise<string> {
  const body =
    String(issue) === track
      ? (payload.issue.body ?? "")
      : ((await env.services.repo.getIssue(Number(track)))?.body ?? "");
  return renderPlanReply(body, env.services.settings);
}
