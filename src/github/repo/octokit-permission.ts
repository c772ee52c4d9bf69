// A person's role on the repository. `role_name` is the precise answer (admin, maintain, write, triage, read);
// `permission` folds maintain into write and triage into read, so it is only the fallback for a custom role
// (`role_name` then carries the role's own name and `permission` its base role).

import { fieldsOf } from "./read-response.js";
import { exchange, type RepoClient } from "./repo-client.js";
import type { Permission } from "./repo-port.js";

const permissions: readonly Permission[] = ["admin", "maintain", "write", "triage", "read", "none"];

// GitHub logins: letters, digits and hyphens, `_shortcode` for managed users, `[bot]` for apps. Anything
// else cannot be a collaborator, and must not reach the URL (a `..` would leave the collaborator path).
const loginPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}(\[bot\])?$/;

function asPermission(value: unknown): Permission | null {
  return typeof value === "string" && (permissions as readonly string[]).includes(value)
    ? (value as Permission)
    : null;
}

/** The role GitHub names for a collaborator permission answer; an answer naming none means no access. */
export function permissionFromAnswer(data: unknown, doing: string): Permission {
  const fields = fieldsOf(data, doing);
  return asPermission(fields.role_name) ?? asPermission(fields.permission) ?? "none";
}

export async function readPermission(client: RepoClient, login: string): Promise<Permission> {
  if (!loginPattern.test(login)) return "none";
  const doing = `reading the permission of ${login} on ${client.slug}`;
  return exchange(
    doing,
    async () => {
      const { data } = await client.octokit.rest.repos.getCollaboratorPermissionLevel({
        ...client.repo,
        username: login,
      });
      return permissionFromAnswer(data, doing);
    },
    // GitHub answers 404 for a login that is not a user at all.
    { "not-found": "none" },
  );
}
