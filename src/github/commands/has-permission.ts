// Who may command: GitHub's repository roles in order. A command needs the repository's configured minimum
// (write by default) and at least what the command itself needs (maintain for /unlock and /budget).

import type { Permission } from "../repo/repo-port.js";
import type { CommandPermission } from "../settings/settings-schema.js";

const rank: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function hasPermission(have: Permission, need: CommandPermission): boolean {
  return (rank[have] ?? 0) >= rank[need];
}

/** The higher of two needs. */
export function higherPermission(a: CommandPermission, b: CommandPermission): CommandPermission {
  return rank[a] >= rank[b] ? a : b;
}

export function permissionWords(permission: CommandPermission): string {
  return permission === "write"
    ? "write access"
    : permission === "maintain"
      ? "maintain or admin access"
      : "admin access";
}
