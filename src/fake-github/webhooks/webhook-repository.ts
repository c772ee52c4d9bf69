// The world's repository in the three shapes deliveries carry it: the full repository (most events), the
// "lite" one (inside a workflow run) and the bare reference (inside a check's pull requests). All links are
// built from world.owner/world.repo, so html_url, url and the templates agree with each other.

import type { RepoWorld } from "../repo-world.js";
import { ownerObject } from "./webhook-actors.js";
import { createdAt, nodeId, repoApi, stableId, updatedAt, web } from "./webhook-common.js";

export function repositoryId(world: RepoWorld): number {
  return stableId(`repository:${world.fullName}`);
}

/** GitHub's "repository-lite": identity and link templates, no settings or counts. */
export function repositoryLite(world: RepoWorld) {
  const id = repositoryId(world);
  const api = repoApi(world);
  return {
    id,
    node_id: nodeId("Repository", id),
    name: world.repo,
    full_name: world.fullName,
    private: false,
    owner: ownerObject(world),
    html_url: `${web}/${world.fullName}`,
    description: null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
  };
}

/** The full repository object; counts come from the world, settings are GitHub's defaults. */
export function repositoryObject(world: RepoWorld) {
  const openIssues =
    [...world.issues.values()].filter((issue) => issue.state === "open").length +
    [...world.pulls.values()].filter((pull) => pull.state === "open").length;
  return {
    ...repositoryLite(world),
    created_at: createdAt,
    updated_at: updatedAt,
    pushed_at: updatedAt,
    git_url: `git://github.com/${world.fullName}.git`,
    ssh_url: `git@github.com:${world.fullName}.git`,
    clone_url: `${web}/${world.fullName}.git`,
    svn_url: `${web}/${world.fullName}`,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: "TypeScript",
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: "public",
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: "main",
    custom_properties: {},
  };
}

/** The bare reference a check's pull request entries carry. */
export function repoRef(world: RepoWorld) {
  return { id: repositoryId(world), url: repoApi(world), name: world.repo };
}
