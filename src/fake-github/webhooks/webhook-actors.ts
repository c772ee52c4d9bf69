// The people, bots and apps in a delivery. The world knows a user by login and type only; GitHub's user object
// has eighteen required fields, derived here from the login so the same user looks the same in every payload.

import { appBot, type RepoWorld, type WorldCheckRun, type WorldUser } from "../repo-world.js";
import { createdAt, nodeId, stableId, web } from "./webhook-common.js";

/** The apps that post check runs, with the ids the fake's REST answers use (repo-world-pull-json.ts). */
const apps = {
  swarm: { id: 123456, slug: "swarm-dispatch", name: "Swarm Dispatch" },
  ci: { id: 777, slug: "ci", name: "CI" },
} as const;

/** The bot account GitHub gives the CI app (the Swarm Dispatch app's is `appBot`). */
export const ciBot: WorldUser = { login: `${apps.ci.slug}[bot]`, type: "Bot" };

export function userObject(world: RepoWorld, user: WorldUser | { login: string; type: "Organization" }) {
  const id = stableId(`user:${user.login}`);
  const api = `${world.apiBase}/users/${encodeURIComponent(user.login)}`;
  const app = user.type === "Bot" ? user.login.replace(/\[bot\]$/, "") : null;
  return {
    login: user.login,
    id,
    node_id: nodeId(user.type, id),
    avatar_url:
      app === apps.swarm.slug
        ? `https://avatars.githubusercontent.com/in/${apps.swarm.id}?v=4`
        : `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: "",
    url: api,
    // A bot's page is its app's page; a user's (or organisation's) is its login.
    html_url: app === null ? `${web}/${user.login}` : `${web}/apps/${app}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

/** The repository's owner as a user object; the world does not say whether it is an organisation, so a user. */
export function ownerObject(world: RepoWorld) {
  return userObject(world, { login: world.owner, type: "User" });
}

/** How GitHub relates an author to the repository: its owner, a collaborator the world lists, or nobody. */
export function authorAssociation(world: RepoWorld, user: WorldUser): string {
  if (user.login === world.owner) return "OWNER";
  return world.permissions.has(user.login) ? "COLLABORATOR" : "NONE";
}

/** The GitHub App that made a check run (or, for CI, a check suite). */
export function appObject(world: RepoWorld, kind: WorldCheckRun["app"]) {
  const app = apps[kind];
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("Integration", app.id),
    owner: ownerObject(world),
    name: app.name,
    description: null,
    external_url: `${web}/${world.owner}`,
    html_url: `${web}/apps/${app.slug}`,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** `performed_via_github_app` of what a user made: the Swarm Dispatch app for its bot, else none. */
export function viaApp(world: RepoWorld, user: WorldUser) {
  return user.login === appBot.login ? appObject(world, "swarm") : null;
}
