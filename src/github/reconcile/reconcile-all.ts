// The periodic reconcile: every installation of the app, every repository it can see that holds a state
// document, repaired as `/resume` would (see reconcile-repo.ts). A lost webhook is never redelivered by GitHub;
// this is what notices. A repository without a state document costs one request.

import type { Probot } from "probot";
import type { AppOctokit, AppOptions } from "../app-options.js";
import { repoEnv } from "../handlers/repo-env.js";
import type { SettingsCache } from "../settings/load-settings.js";
import { reconcileRepo } from "./reconcile-repo.js";

/** Repositories looked at per installation per round; more wait for the next round. */
const maxReposPerInstallation = 500;

export async function reconcileAll(
  app: Probot,
  options: AppOptions,
  settings: SettingsCache,
): Promise<number> {
  const round = `reconcile:${options.clock()}`;
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  let repaired = 0;
  for (const installation of installations) {
    const octokit = (await app.auth(installation.id)) as AppOctokit;
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    for (const repository of repos.slice(0, maxReposPerInstallation)) {
      const where = { owner: repository.owner.login, repo: repository.name };
      try {
        if ((await options.store(octokit, where).load()) === null) continue;
        const env = await repoEnv(
          {
            id: round,
            octokit,
            log: app.log,
            repo: () => where,
            config: (fileName) => readConfig(octokit, where, fileName),
          },
          options,
          settings,
        );
        const found = await reconcileRepo(env.services, round);
        repaired += [...found.values()].reduce((sum, lines) => sum + lines.length, 0);
      } catch (error) {
        app.log.warn(`reconcile of ${where.owner}/${where.repo} failed: ${(error as Error).message}`);
      }
    }
  }
  return repaired;
}

/** Probot's config reading (the same files and `_extends` as `context.config`) without a webhook context. */
async function readConfig<T>(octokit: AppOctokit, where: { owner: string; repo: string }, fileName: string) {
  const { config, files } = await octokit.config.get({ ...where, path: `.github/${fileName}` });
  return files.some((file) => file.config !== null) ? (config as T) : null;
}
