// The engine's words for people: comments on the track issue or a task issue, a stop with its reason, the
// completion message. Engine text quotes plan and agent text (titles, file names, a command's argument), so it
// is posted with every mention, issue reference and link start neutralised, within GitHub's comment limit.

import type { Effect } from "../../engine/track/effects.js";
import type { StopReason } from "../../engine/track/state.js";
import { renderFinalReport } from "../../render/final-report.js";
import { truncate } from "../../render/markdown-text.js";
import { neutraliseReferences } from "../../render/markdown-text-github.js";
import { trackField } from "../../render/task-issue-marker.js";
import type { EffectResult } from "./apply-context.js";
import type { ApplySession } from "./apply-session.js";

type Message = Extract<Effect, { type: "comment" | "stop-track" | "track-completed" | "budget-warning" }>;

/** GitHub's limit on a comment body, less room for the app's own lines. */
export const maxCommentChars = 65_000;

const whatHelps: Record<StopReason, string> = {
  "needs-person":
    "Answer the open questions (`/answer`), `/retry` or `/cancel` the failed tasks, then `/resume`.",
  critical: "Read the finding, decide, then `/resume` (or `/cancel`).",
  budget: "Raise the budget with `/budget <USD>` (maintain or admin), which resumes the track.",
  "spawn-budget":
    "Raise the spawn budget with `/budget spawn <N>`, or add the work to the plan, then `/resume`.",
  "no-progress": "Look at the failed attempts' pull requests and runs, fix the cause, then `/resume`.",
};

export function messageBody(effect: Message): string | null {
  switch (effect.type) {
    case "comment":
      return safe(effect.body);
    case "stop-track":
      return `**The track stopped** (${effect.reason}): ${safe(effect.message)}\n\n${whatHelps[effect.reason] ?? ""}`;
    case "track-completed":
      return `**The track is complete.** ${safe(effect.message)}`;
    case "budget-warning":
      // The engine posts the warning's words as a comment of its own; the dashboard shows the numbers.
      return null;
  }
}

export async function applyMessage(session: ApplySession, effect: Message): Promise<EffectResult> {
  if (effect.type === "track-completed") return completeTrack(session, effect);
  const body = messageBody(effect);
  if (body === null) return {};
  const unit = effect.type === "comment" ? effect.unit : null;
  const issue = unit === null ? null : session.links(effect.track, unit).issue;
  await session.repo.createComment(issue ?? Number(effect.track), body);
  return {};
}

function safe(text: string): string {
  return neutraliseReferences(truncate(text, maxCommentChars));
}

/** The final report on the track issue, which is then closed as completed. */
async function completeTrack(
  session: ApplySession,
  effect: Extract<Effect, { type: "track-completed" }>,
): Promise<EffectResult> {
  const track = session.document.engine.tracks[effect.track];
  const issue = Number(effect.track);
  const body = track
    ? renderFinalReport({
        track,
        prOf: (unit) => session.links(effect.track, unit).pr,
        message: effect.message,
        now: session.context.now(),
      })
    : (messageBody(effect) ?? "");
  const marker = `<!-- swarm-dispatch:final-report track=${trackField(effect.track)} -->`;
  // A redone effect finds its report instead of posting a second one.
  const found = await session.repo.findComment(issue, (text) => text.includes(marker), 300);
  if (!found) await session.repo.createComment(issue, `${body}\n\n${marker}`);
  await session.repo.updateIssue(issue, { state: "closed", stateReason: "completed" });
  return {};
}
