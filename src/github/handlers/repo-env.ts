// The services of one delivery for one repository, from a Probot context: the repository port over the
// installation's Octokit, the state store, the settings (read through context.config, cached a minute), and
// the app options. Handlers get this and nothing Probot-specific beyond the payload.

import type { AppOctokit, AppOptions } from "../app-options.js";
import type { AppLog } from "../apply/apply-context.js";
import type { RepoServices } from "../drive/repo-services.js";
import { runEvents } from "../drive/run-events.js";
import { OctokitRepo } from "../repo/octokit-repo.js";
import type { ConfigReader, SettingsCache } from "../settings/load-settings.js";
import type { SettingsProblem } from "../settings/settings-problem.js";
import { readTrackPlan } from "../tracks/read-track-plan.js";
import { recheckBlocked } from "./on-pull-request.js";

export interface RepoEnv {
  services: RepoServices;
  /** Problems of the settings file, for the replies that should mention them. */
  settingsProblems: SettingsProblem[];
  deliveryId: string;
}

export interface DeliveryContext extends ConfigReader {
  id: string;
  octokit: AppOctokit;
  log: AppLog;
  repo(): { owner: string; repo: string };
}

export async function repoEnv(
  context: DeliveryContext,
  options: AppOptions,
  settingsCache: SettingsCache,
): Promise<RepoEnv> {
  const where = context.repo();
  const { settings, problems } = await settingsCache.load(`${where.owner}/${where.repo}`, context);
  const repo = new OctokitRepo(context.octokit, where);
  const services: RepoServices = {
    repo,
    store: options.store(context.octokit, where),
    settings,
    owner: options.owner,
    clock: options.clock,
    leaseMs: options.leaseMs,
    budgetMs: options.budgetMs,
    log: context.log,
    plans: new Map(),
    readPlan: async (track) => {
      const issue = await repo.getIssue(Number(track));
      if (!issue) return null;
      const read = readTrackPlan(issue.body, settings);
      return read.ok ? read.plan : null;
    },
    // Work after the webhook's answer must never take the process down: its failures are logged, and what it
    // left undone stays in the outbox for reconcile.
    background: (job) => options.background(() => job().catch((error) => logFailure(context.log, error))),
    locksReleased: (pulls) => recheckBlocked(services, pulls),
    wake: (at) =>
      options.wake(at, () =>
        runEvents(services, [{ id: `tick:${at}`, type: "tick" }]).then(
          () => {},
          (error) => logFailure(context.log, error),
        ),
      ),
  };
  return { services, settingsProblems: problems, deliveryId: context.id };
}

function logFailure(log: AppLog, error: unknown): void {
  log.error(`background work failed: ${error instanceof Error ? error.message : String(error)}`);
}
