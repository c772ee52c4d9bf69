// The app's document for one repository: the engine's state, plus what the app needs to find each unit on GitHub
// (its task issue, pull request and Actions run), the dashboard comment of each track, the history of dispatch
// batches, and the outbox of effects decided but not yet confirmed as applied. Everything here can be rebuilt
// from GitHub by /resume; the document only saves looking it up on every webhook.

import type { Effect } from "../../engine/track/effects.js";
import { type EngineState, emptyState } from "../../engine/track/state.js";

/** The Actions run of a unit's latest dispatched attempt. */
export interface RunLink {
  id: number;
  url: string | null;
  attempt: number;
}

export interface UnitLinks {
  /** The task issue's number and REST id (sub-issues and dependencies take the id). */
  issue: number | null;
  issueId: number | null;
  pr: number | null;
  run: RunLink | null;
  /** The app closed the task issue (done or cancelled); reopened when the unit goes again. */
  closed: boolean;
  /** The latest report's handoff note, for the dependents' task issues once this unit is merged. */
  handoff?: string;
}

/** Units that went out in one decision: the dashboard's batch history. */
export interface DispatchBatch {
  at: number;
  units: string[];
}

export interface TrackLinks {
  units: Record<string, UnitLinks>;
  /** The dashboard comment on the track issue and the hash of what it shows. */
  dashboard: { comment: number; hash: string } | null;
  batches: DispatchBatch[];
}

/**
 * An effect decided and written, waiting to be applied. `owner` applies it until `until`; after that anyone may
 * take it over (a process that died mid-way), so the effect is never lost and, while its owner lives, applied by
 * one process only.
 */
export interface PendingEffect {
  id: string;
  effect: Exclude<Effect, { type: "wake" }>;
  owner: string;
  until: number;
  tries: number;
  lastError: string | null;
}

export interface AppDocument {
  engine: EngineState;
  tracks: Record<string, TrackLinks>;
  outbox: PendingEffect[];
  /** Numbers the next pending effect. */
  nextEffect: number;
  /** Pull requests whose swarm/locks check failed on a held lock: checked again when a lock is released. */
  blockedPulls?: number[];
}

/** Batches kept per track: the dashboard shows the recent ones. */
export const maxBatches = 30;

export function emptyDocument(maxParallel: number | null = null): AppDocument {
  return { engine: emptyState(maxParallel), tracks: {}, outbox: [], nextEffect: 1 };
}

export function emptyTrackLinks(): TrackLinks {
  return { units: {}, dashboard: null, batches: [] };
}

export function emptyUnitLinks(): UnitLinks {
  return { issue: null, issueId: null, pr: null, run: null, closed: false };
}

/** The unit's links, or empty ones (never undefined, never Object's own properties for odd ids). */
export function unitLinksOf(document: AppDocument, track: string, unit: string): UnitLinks {
  const links = Object.hasOwn(document.tracks, track) ? document.tracks[track] : undefined;
  const found = links && Object.hasOwn(links.units, unit) ? links.units[unit] : undefined;
  return found ?? emptyUnitLinks();
}

/** The unit whose task issue has this number, or null. */
export function unitOfIssue(document: AppDocument, track: string, issue: number): string | null {
  const links = Object.hasOwn(document.tracks, track) ? document.tracks[track] : undefined;
  if (!links) return null;
  for (const [unit, found] of Object.entries(links.units)) if (found.issue === issue) return unit;
  return null;
}
