// A track issue opened, labelled, reopened or edited: a person with write access (the configured minimum)
// starts the track, or changes its plan, by what the issue body says. Everything else is ignored quietly: issues
// without the track label, the app's own issues (task issues), bots, title-only edits, closed issues. A person
// without access gets a reply that says why; an invalid plan gets one comment with every problem, and nothing
// else happens until an edit fixes it.

import { createHash } from "node:crypto";
import type { EngineEvent } from "../../engine/track/events.js";
import { hasPermission, permissionWords } from "../commands/has-permission.js";
import { runEvents } from "../drive/run-events.js";
import { isTaskIssue, isTrackIssue, trackMarkerLabel } from "../labels/index.js";
import {
  isPlanProblemsComment,
  renderPlanFixed,
  renderPlanProblems,
  settingsLines,
} from "../tracks/plan-problems.js";
import { readTrackPlan } from "../tracks/read-track-plan.js";
import { type IssuesPayload, isBot } from "./payload.js";
import type { RepoEnv } from "./repo-env.js";

export const trackIssueActions = ["opened", "edited", "labeled", "reopened"] as const;

/** Comments read to find the plan-problems comment again. */
const maxCommentsSearched = 300;

export function concernsTrack(payload: IssuesPayload, prefix: string): boolean {
  const { issue } = payload;
  if (issue.pull_request !== undefined || issue.state === "closed") return false;
  const labels = issue.labels ?? [];
  if (!isTrackIssue(labels, prefix) || isTaskIssue(labels, prefix)) return false;
  if (isBot(issue.user) || isBot(payload.sender)) return false;
  if (payload.action === "labeled")
    return (payload.label?.name ?? "").toLowerCase() === trackMarkerLabel(prefix).toLowerCase();
  if (payload.action === "edited") return payload.changes?.body !== undefined;
  return (trackIssueActions as readonly string[]).includes(payload.action);
}

export async function onTrackIssue(payload: IssuesPayload, env: RepoEnv): Promise<void> {
  const { services } = env;
  const { repo, settings } = services;
  if (!concernsTrack(payload, settings.labelPrefix)) return;
  const issue = payload.issue.number;
  const track = String(issue);
  const login = payload.sender?.login ?? payload.issue.user?.login ?? "";
  const permission = await repo.permissionOf(login);
  if (!hasPermission(permission, settings.commandPermission)) {
    const change =
      payload.action === "edited" ? "This edit of the plan was not applied" : "This track was not started";
    await repo.createComment(
      issue,
      `${change}: only people with ${permissionWords(settings.commandPermission)} to this repository can start or change a track, and \`${login}\` has ${permission === "none" ? "no" : permission} access.`,
    );
    return;
  }
  const body = payload.issue.body ?? "";
  const read = readTrackPlan(body, settings);
  if (!read.ok) {
    await ensureProblemsComment(env, issue, renderPlanProblems(track, read.problems, env.settingsProblems));
    return;
  }
  services.plans.set(track, read.plan);
  const event: EngineEvent = { id: `plan:${track}:${bodyHash(body)}`, type: "plan", track, plan: read.plan };
  const { first } = await runEvents(services, [event]);
  // The first start of a track creates every task issue: say so where the plan was refused before.
  const started = first.some(
    (entry) => entry.effect.type === "create-task" && entry.effect.origin === "plan",
  );
  if (!started) return;
  const problems = await repo.findComment(
    issue,
    (text) => isPlanProblemsComment(text, track),
    maxCommentsSearched,
  );
  if (problems) await repo.updateComment(problems.id, renderPlanFixed(track));
  if (env.settingsProblems.length > 0)
    await repo.createComment(issue, settingsLines(env.settingsProblems).join("\n"));
}

async function ensureProblemsComment(env: RepoEnv, issue: number, body: string): Promise<void> {
  const { repo } = env.services;
  const found = await repo.findComment(
    issue,
    (text) => isPlanProblemsComment(text, String(issue)),
    maxCommentsSearched,
  );
  if (found && found.author?.type === "Bot" && (await repo.updateComment(found.id, body)) === "updated")
    return;
  await repo.createComment(issue, body);
}

/** Two deliveries of the same body (opened and labeled arrive together) are one plan event. */
function bodyHash(body: string): string {
  return createHash("sha256").update(body).digest("hex").slice(0, 20);
}
