// The track issue's dashboard is one comment of the app's, found again by its hidden marker, and edited only
// when what it shows changed (its hash leaves out the "Updated" time): most webhooks then cost no write at all.

import type { UnitLinks as DashboardLinks } from "../../render/dashboard.js";
import { dashboardHash, parseDashboardMarker, renderDashboard } from "../../render/dashboard.js";
import type { RepoPort } from "../repo/repo-port.js";
import type { AppDocument } from "../state/app-document.js";
import type { LinkPatch } from "../state/link-patch.js";

/** Comments read to find a lost dashboard (after a rebuild of the state): it is among the first ones. */
const maxCommentsSearched = 300;

export function dashboardBody(
  repo: RepoPort,
  document: AppDocument,
  track: string,
  now: number,
): string | null {
  const state = Object.hasOwn(document.engine.tracks, track) ? document.engine.tracks[track] : undefined;
  if (!state) return null;
  const units = Object.hasOwn(document.tracks, track) ? (document.tracks[track]?.units ?? {}) : {};
  const links: Record<string, DashboardLinks> = {};
  for (const [unit, found] of Object.entries(units))
    links[unit] = { issue: found.issue, pr: found.pr, runUrl: found.run?.url ?? null };
  return renderDashboard({
    track: state,
    links,
    repository: `${repo.owner}/${repo.name}`,
    now,
    batches: document.tracks[track]?.batches ?? [],
  });
}

export async function ensureDashboard(
  repo: RepoPort,
  document: AppDocument,
  track: string,
  now: number,
): Promise<LinkPatch | null> {
  const body = dashboardBody(repo, document, track, now);
  if (body === null) return null;
  const hash = dashboardHash(body);
  const known = document.tracks[track]?.dashboard ?? null;
  if (known?.hash === hash) return null;
  if (known && (await repo.updateComment(known.comment, body)) === "updated")
    return { kind: "dashboard", track, comment: known.comment, hash };
  const issue = Number(track);
  const found = known
    ? null
    : await repo.findComment(
        issue,
        (text) => parseDashboardMarker(text)?.track === track,
        maxCommentsSearched,
      );
  if (found && found.author?.type === "Bot" && (await repo.updateComment(found.id, body)) === "updated")
    return { kind: "dashboard", track, comment: found.id, hash };
  const comment = await repo.createComment(issue, body);
  return { kind: "dashboard", track, comment, hash };
}
