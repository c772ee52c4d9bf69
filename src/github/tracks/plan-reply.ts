// `/plan`: a dry run. The plan as the track issue holds it now, with the repository's settings, rendered as the
// CLI's dispatch plan (summary, registry, ready set, lock plan, Gantt); nothing is written but the reply. Plan
// text in it is made inert for GitHub (mentions, references, link starts), and the reply is cut to fit a comment.

import { analyzePlan } from "../../engine/analyze-plan.js";
import { neutraliseReferences } from "../../render/markdown-text-github.js";
import { renderDispatchPlan } from "../../render/render-dispatch-plan.js";
import type { RepoSettings } from "../settings/settings-schema.js";
import { readTrackPlan } from "./read-track-plan.js";

const maxReplyChars = 65_000;
const cutNote = "\n\n> **Cut** to fit a comment; `npx swarm-dispatch plan` on the plan shows it whole.\n";

export function renderPlanReply(body: string, settings: RepoSettings): string {
  const read = readTrackPlan(body, settings);
  if (!read.ok) {
    return "The plan in this issue has problems, so there is no dispatch plan to show; the app's comment on the plan lists them.";
  }
  const { analysis, conflictsTruncated } = analyzePlan(read.plan);
  const text = neutraliseReferences(renderDispatchPlan(read.plan, analysis, { conflictsTruncated }));
  const intro = "**Dry run** (`/plan`): how this plan would be dispatched now. Nothing was changed.\n\n";
  if (intro.length + text.length <= maxReplyChars) return intro + text;
  const room = maxReplyChars - intro.length - cutNote.length;
  const cut = text.lastIndexOf("\n", room);
  // A cut inside a fenced chart would leave the fence open: close it.
  const kept = text.slice(0, cut > 0 ? cut : room);
  const fences = (kept.match(/^```/gm) ?? []).length;
  return `${intro}${kept}${fences % 2 === 1 ? "\n```" : ""}${cutNote}`;
}
