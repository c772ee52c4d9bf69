// The outbox of the app document: effects the engine decided, written in the same compare-and-swap as the
// decision, and removed only once applied. A process that dies between the write and its effects leaves them
// here; once their claim runs out, reconcile takes them over. Nothing decided is ever lost.

import type { Effect } from "../../engine/track/effects.js";
import {
  type AppDocument,
  emptyTrackLinks,
  maxBatches,
  type PendingEffect,
  type TrackLinks,
} from "./app-document.js";

/** After this many failed tries an effect is given up and the track issue is told why. */
export const maxEffectTries = 8;

export function addToOutbox(
  document: AppDocument,
  effects: readonly Effect[],
  owner: string,
  until: number,
): { document: AppDocument; added: PendingEffect[] } {
  const added: PendingEffect[] = [];
  let next = document.nextEffect;
  for (const effect of effects) {
    if (effect.type === "wake") continue;
    added.push({ id: `e${next++}`, effect, owner, until, tries: 0, lastError: null });
  }
  if (added.length === 0) return { document, added };
  return { document: { ...document, outbox: [...document.outbox, ...added], nextEffect: next }, added };
}

/** The decision's dispatches as one batch per track, for the dashboard's history (and links for new tracks). */
export function recordBatches(document: AppDocument, effects: readonly Effect[], now: number): AppDocument {
  const tracks: Record<string, TrackLinks> = { ...document.tracks };
  for (const id of Object.keys(document.engine.tracks))
    if (!Object.hasOwn(tracks, id)) tracks[id] = emptyTrackLinks();
  const byTrack = new Map<string, string[]>();
  for (const effect of effects) {
    if (effect.type !== "dispatch") continue;
    byTrack.set(effect.track, [...(byTrack.get(effect.track) ?? []), effect.unit]);
  }
  for (const [track, units] of byTrack) {
    const links = tracks[track] ?? emptyTrackLinks();
    tracks[track] = { ...links, batches: [...links.batches, { at: now, units }].slice(-maxBatches) };
  }
  return { ...document, tracks };
}

/** Effects nobody holds (never claimed, or the claim ran out), oldest first, claimed for `owner`. */
export function claimExpired(
  document: AppDocument,
  owner: string,
  now: number,
  leaseMs: number,
  limit: number,
): { document: AppDocument; claimed: PendingEffect[] } {
  const claimed: PendingEffect[] = [];
  const outbox = document.outbox.map((pending) => {
    if (claimed.length >= limit || pending.until > now) return pending;
    const taken = { ...pending, owner, until: now + leaseMs };
    claimed.push(taken);
    return taken;
  });
  return claimed.length === 0 ? { document, claimed } : { document: { ...document, outbox }, claimed };
}

/** Removes applied effects. */
export function removeEffects(document: AppDocument, ids: ReadonlySet<string>): AppDocument {
  if (ids.size === 0) return document;
  return { ...document, outbox: document.outbox.filter((pending) => !ids.has(pending.id)) };
}

/**
 * Records failed tries: the effect waits (1, 2, 4 … minutes) and goes again; after `maxEffectTries` it is
 * dropped, and returned so the caller can say so on the track issue.
 */
export function failEffects(
  document: AppDocument,
  failures: ReadonlyMap<string, string>,
  now: number,
): { document: AppDocument; dropped: PendingEffect[] } {
  if (failures.size === 0) return { document, dropped: [] };
  const dropped: PendingEffect[] = [];
  const outbox: PendingEffect[] = [];
  for (const pending of document.outbox) {
    const error = failures.get(pending.id);
    if (error === undefined) {
      outbox.push(pending);
      continue;
    }
    const tries = pending.tries + 1;
    const failed = { ...pending, tries, lastError: error, until: now + 60_000 * 2 ** Math.min(tries - 1, 5) };
    if (tries >= maxEffectTries) dropped.push(failed);
    else outbox.push(failed);
  }
  return { document: { ...document, outbox }, dropped };
}
