// The Probot app: webhook handlers turn payloads into engine events and apply the engine's effects through the
// repository port. Each handler first decides from the payload alone whether the delivery is its business, so
// the many webhooks a repository sends cost no request unless they concern a track.

import type { ApplicationFunction, Context } from "probot";
import { type AppOptions, defaultAppOptions } from "./app-options.js";
import { isCiNews, onCiEvent, onMergeGroup, pullNumbersOf } from "./handlers/on-checks.js";
import { mayHoldCommand, onComment } from "./handlers/on-comment.js";
import { onPullRequest, type PullPayload, pullActions } from "./handlers/on-pull-request.js";
import { onTrackIssue, trackIssueActions } from "./handlers/on-track-issue.js";
import { isAgentRun, onWorkflowRun, type WorkflowRunPayload } from "./handlers/on-workflow-run.js";
import { type CommentPayload, type IssuesPayload, isBot } from "./handlers/payload.js";
import { type DeliveryContext, type RepoEnv, repoEnv } from "./handlers/repo-env.js";
import { reconcileAll } from "./reconcile/reconcile-all.js";
import { SettingsCache } from "./settings/load-settings.js";
import { DamagedStateError } from "./state/decide.js";

export function createSwarmDispatchApp(overrides: Partial<AppOptions> = {}): ApplicationFunction {
  const options: AppOptions = { ...defaultAppOptions(), ...overrides };
  const settings = new SettingsCache(options.clock);
  const envOf = (context: Context) => repoEnv(context as unknown as DeliveryContext, options, settings);

  return (app) => {
    options.reconcile(async () => {
      try {
        return await reconcileAll(app, options, settings);
      } catch (error) {
        app.log.error(`reconcile failed: ${(error as Error).message}`);
        return 0;
      }
    });
    app.on(
      trackIssueActions.map((action) => `issues.${action}` as const),
      async (context) => {
        const payload = context.payload as unknown as IssuesPayload;
        // The label prefix is a setting; a track label of any prefix ends in "track".
        if (!mightBeTrack(payload)) return;
        const env = await envOf(context);
        await sayingDamage(env, payload.issue.number, () => onTrackIssue(payload, env));
      },
    );
    app.on("issue_comment.created", async (context) => {
      const payload = context.payload as unknown as CommentPayload;
      if (!mayHoldCommand(payload)) return;
      const env = await envOf(context);
      await sayingDamage(env, payload.issue.number, () => onComment(payload, env));
    });
    app.on(["workflow_run.in_progress", "workflow_run.completed"], async (context) => {
      const payload = context.payload as unknown as WorkflowRunPayload;
      if (isAgentRun(payload)) await onWorkflowRun(payload, await envOf(context));
      else if (payload.action === "completed" && pullNumbersOf(context.payload as never).length > 0)
        await onCiEvent(context.payload as never, await envOf(context));
    });
    app.on(
      pullActions.map((action) => `pull_request.${action}` as const),
      async (context) => {
        await onPullRequest(context.payload as unknown as PullPayload, await envOf(context));
      },
    );
    app.on(["check_suite.completed", "check_run.completed", "check_run.rerequested"], async (context) => {
      const payload = context.payload as unknown as Record<string, unknown>;
      if (!isCiNews(payload) || pullNumbersOf(payload).length === 0) return;
      await onCiEvent(payload, await envOf(context));
    });
    app.on("merge_group.checks_requested", async (context) => {
      await onMergeGroup(context.payload as never, await envOf(context));
    });
  };
}

/**
 * A damaged state document stops every decision until `/resume` rebuilds it; the person who just acted is told
 * so on the issue rather than left with a failed delivery they cannot see.
 */
async function sayingDamage(env: RepoEnv, issue: number, handle: () => Promise<void>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (!(error instanceof DamagedStateError)) throw error;
    await env.services.repo.createComment(issue, `Nothing was done: ${error.message}.`);
  }
}

/** Before the settings are read: some label ends in `track` (any prefix), and no bot or pull request is behind it. */
function mightBeTrack(payload: IssuesPayload): boolean {
  if (payload.issue.pull_request !== undefined || isBot(payload.sender) || isBot(payload.issue.user))
    return false;
  return (payload.issue.labels ?? []).some((label) => {
    const name = typeof label === "string" ? label : label?.name;
    return typeof name === "string" && name.toLowerCase().endsWith("track");
  });
}

export const swarmDispatchApp: ApplicationFunction = createSwarmDispatchApp();
