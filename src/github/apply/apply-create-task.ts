// `create-task`: one task issue per unit, found again by its marker before anything is created, so a redone
// effect (a process died after creating it) finds the issue instead of making a second one. The issue carries
// the brief, the labels (marker, track, status, one per prerequisite), is attached to the track issue as a
// sub-issue and blocked by its prerequisites' issues where the host has those features; where it has not, the
// labels and the brief's links stand in.

import type { Effect } from "../../engine/track/effects.js";
import type { TrackState } from "../../engine/track/state.js";
import { renderTaskIssue } from "../../render/task-issue.js";
import {
  needsLabel,
  needsSpec,
  statusLabel,
  statusSpec,
  taskMarkerLabel,
  taskMarkerSpec,
  trackLabel,
  trackSpec,
} from "../labels/index.js";
import type { IssueRef } from "../repo/repo-port.js";
import type { LinkPatch } from "../state/link-patch.js";
import type { EffectResult } from "./apply-context.js";
import type { ApplySession } from "./apply-session.js";

type CreateTask = Extract<Effect, { type: "create-task" }>;

export async function applyCreateTask(session: ApplySession, effect: CreateTask): Promise<EffectResult> {
  const { track: trackId, unit } = effect;
  const track = session.document.engine.tracks[trackId];
  const spec = track?.units[unit];
  // The unit left the track (a plan edit removed it before its issue was made): nothing to create.
  if (!track || !spec) return {};
  const patches: LinkPatch[] = [];
  let ref: IssueRef | null = linkedIssue(session, trackId, unit);
  if (ref === null) {
    const found = (await session.taskIssues(trackId)).get(unit);
    ref = found ? { number: found.number, id: found.id } : await createIssue(session, track, unit);
    patches.push({ kind: "unit", track: trackId, unit, links: { issue: ref.number, issueId: ref.id } });
    session.patch(patches);
  }
  await linkIssue(session, track, unit, ref);
  return { patches };
}

function linkedIssue(session: ApplySession, track: string, unit: string): IssueRef | null {
  const links = session.links(track, unit);
  return links.issue !== null && links.issueId !== null ? { number: links.issue, id: links.issueId } : null;
}

async function createIssue(session: ApplySession, track: TrackState, unit: string): Promise<IssueRef> {
  const { settings } = session.context;
  const prefix = settings.labelPrefix;
  const spec = track.units[unit];
  const run = track.runs[unit];
  if (!spec || !run) throw new Error(`unit ${unit} is not in track ${track.id}`);
  const plan = spec.origin.kind === "plan" ? await session.context.planOf(track.id) : null;
  const wanted = new Set([unit, ...spec.taskIds]);
  const tasks = plan ? plan.tasks.filter((task) => wanted.has(task.id)) : [];
  const prerequisites = spec.deps.map((dep) => ({
    unit: dep,
    issue: session.links(track.id, dep).issue,
    handoff: "",
  }));
  const { title, body } = renderTaskIssue({ track: track.id, unit: spec, tasks, prerequisites });
  const labels = [
    taskMarkerSpec(prefix),
    trackSpec(prefix, track.id),
    statusSpec(prefix, run.status),
    ...spec.deps.map((dep) => needsSpec(prefix, dep)),
  ];
  await session.repo.ensureLabels(labels);
  const names = [
    taskMarkerLabel(prefix),
    trackLabel(prefix, track.id),
    statusLabel(prefix, run.status),
    ...spec.deps.map((dep) => needsLabel(prefix, dep)),
  ];
  const ref = await session.repo.createIssue({ title, body, labels: names });
  session.labels.set(ref.number, names);
  return ref;
}

/** Sub-issue of the track and `blocked by` its prerequisites: each call says when the host lacks the feature. */
async function linkIssue(
  session: ApplySession,
  track: TrackState,
  unit: string,
  ref: IssueRef,
): Promise<void> {
  const parent = Number(track.id);
  const sub = await session.repo.addSubIssue(parent, ref);
  if (sub === "unsupported")
    session.context.log.info(`sub-issues unavailable for #${parent}; labels stand in`);
  const spec = track.units[unit];
  for (const dep of spec?.deps ?? []) {
    const blocker = linkedIssue(session, track.id, dep);
    if (blocker === null) continue;
    const result = await session.repo.addBlockedBy(ref.number, blocker);
    // No dependencies on this host: the needs-label and the brief's link already say it; stop asking.
    if (result === "unsupported") break;
  }
}
