// Rebuilding the state from GitHub when the document is missing, damaged, or does not know the track: GitHub is
// the source of truth, and everything the document holds can be read back. A track is re-created from the plan
// in its issue, then told what its task issues (labels, open or closed, the spec of spawned units), branches,
// runs (their names carry the attempt) and pull requests show, through the engine's `restore` event. A damaged
// document is replaced by a fresh one first, and every open track of the repository is rebuilt.

import { createHash } from "node:crypto";
import { branchOf } from "../../engine/track/branch-name.js";
import type { EngineEvent } from "../../engine/track/events.js";
import type { ObservedUnit } from "../../engine/track/restore.js";
import type { UnitSpec } from "../../engine/track/state.js";
import { parseTaskMarker } from "../../render/task-issue-marker.js";
import { parseSpecBlock } from "../../render/task-issue-spec.js";
import type { RepoServices } from "../drive/repo-services.js";
import { runEvents } from "../drive/run-events.js";
import {
  isTaskIssue,
  statusOfLabels,
  taskMarkerLabel,
  trackLabel,
  trackMarkerLabel,
} from "../labels/index.js";
import { emptyDocument } from "../state/app-document.js";
import type { LinkPatch } from "../state/link-patch.js";
import { type DamagedState, isDamaged, type StoredState } from "../state/state-store.js";
import { readTrackPlan } from "../tracks/read-track-plan.js";
import { parseRunName } from "../workflows/run-name.js";
import type { RepoEnv } from "./repo-env.js";

/** Open tracks rebuilt after a damaged document; task issues read per track. */
const maxTracks = 100;
const maxTaskIssues = 500;

export async function rebuildState(
  env: RepoEnv,
  track: string,
  stored: StoredState | DamagedState | null,
): Promise<string[]> {
  const { services } = env;
  const repairs: string[] = [];
  let tracks = [track];
  if (stored !== null && isDamaged(stored)) {
    const written = await services.store.save(
      emptyDocument(services.settings.repoMaxParallel),
      stored.version,
    );
    // Another process replaced it a moment ago: rebuild on top of what it wrote.
    if (written !== "conflict")
      repairs.push(`the state document was damaged (${stored.damaged}); it was rebuilt from GitHub`);
    const open = await services.repo.listIssues(
      [trackMarkerLabel(services.settings.labelPrefix)],
      "open",
      maxTracks,
    );
    const ids = open
      .filter((issue) => !isTaskIssue(issue.labels, services.settings.labelPrefix))
      .map((issue) => String(issue.number));
    tracks = [...new Set([track, ...ids])];
  }
  for (const id of tracks) repairs.push(...(await rebuildTrack(env, id)));
  return repairs;
}

async function rebuildTrack(env: RepoEnv, track: string): Promise<string[]> {
  const { services } = env;
  const issue = await services.repo.getIssue(Number(track));
  if (!issue) return [];
  const read = readTrackPlan(issue.body, services.settings);
  if (!read.ok)
    return [`track #${track} was not rebuilt: its plan has problems (see the comment on the plan)`];
  services.plans.set(track, read.plan);
  const { units, specs, patches } = await observeTrack(services, track);
  const hash = createHash("sha256").update(issue.body).digest("hex").slice(0, 20);
  const events: EngineEvent[] = [
    { id: `plan:${track}:${hash}`, type: "plan", track, plan: read.plan },
    { id: `${env.deliveryId}:restore:${track}`, type: "restore", track, units, specs },
  ];
  await runEvents(services, events, patches);
  const seen = Object.keys(units).length;
  return [
    `track #${track} was rebuilt from its plan and what GitHub shows of its ${seen} task issue${seen === 1 ? "" : "s"}`,
  ];
}

interface Observation {
  units: Record<string, ObservedUnit>;
  specs: UnitSpec[];
  patches: LinkPatch[];
}

async function observeTrack(services: RepoServices, track: string): Promise<Observation> {
  const { repo, settings } = services;
  const prefix = settings.labelPrefix;
  const issues = await repo.listIssues(
    [taskMarkerLabel(prefix), trackLabel(prefix, track)],
    "all",
    maxTaskIssues,
  );
  const branches = new Set((await repo.listBranches(`swarm/${track}/`)).map((branch) => branch.name));
  const observation: Observation = { units: {}, specs: [], patches: [] };
  for (const found of issues) {
    if (found.author?.type !== "Bot") continue;
    const marker = parseTaskMarker(found.body);
    if (!marker || marker.track !== track || Object.hasOwn(observation.units, marker.unit)) continue;
    const unit = marker.unit;
    const spec = parseSpecBlock(found.body);
    if (spec && spec.id === unit) observation.specs.push(spec);
    const seen: ObservedUnit = {
      label: statusOfLabels(found.labels, prefix),
      issueClosed: found.state === "closed",
      attempt: 0,
      running: false,
      pr: null,
    };
    observation.patches.push({
      kind: "unit",
      track,
      unit,
      links: { issue: found.number, issueId: found.id, closed: found.state === "closed" },
    });
    const branch = branchOf(track, unit);
    if (branches.has(branch)) await observeBranch(services, track, unit, branch, seen, observation.patches);
    observation.units[unit] = seen;
  }
  return observation;
}

/** The unit's runs (the highest attempt, and whether it still runs) and its newest pull request. */
async function observeBranch(
  services: RepoServices,
  track: string,
  unit: string,
  branch: string,
  seen: ObservedUnit,
  patches: LinkPatch[],
): Promise<void> {
  const runs = await services.repo.listRuns(services.settings.workflow, branch);
  for (const run of runs) {
    const identity = parseRunName(run.title);
    if (identity?.track !== track || identity.task !== unit || identity.attempt < seen.attempt) continue;
    seen.attempt = identity.attempt;
    seen.running = run.status === "queued" || run.status === "in_progress" || run.status === "waiting";
    patches.push({
      kind: "unit",
      track,
      unit,
      links: { run: { id: run.id, url: run.url, attempt: identity.attempt } },
    });
  }
  const [pull] = await services.repo.listPulls(branch);
  if (pull) {
    seen.pr = { number: pull.number, state: pull.merged ? "merged" : pull.state };
    patches.push({ kind: "unit", track, unit, links: { pr: pull.number } });
  }
}
