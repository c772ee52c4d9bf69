// Money: what a track has booked (reported costs, or estimates that stood) and reserved (the estimates of
// attempts in flight). A dispatch needs booked + reserved + its own estimate within the budget, so no dispatch can
// take the track past its ceiling on estimates; the warning and the stop look at what is booked.

import type { TrackState } from "./state.js";
import { ownRun } from "./working-copy.js";

/** The share of the budget at which the track warns once. */
export const warnShare = 0.8;

export function bookedUsd(track: TrackState): number {
  let sum = 0;
  for (const id of Object.keys(track.runs)) sum += track.runs[id]?.spentUsd ?? 0;
  return sum;
}

export function reservedUsd(track: TrackState): number {
  let sum = 0;
  for (const id of Object.keys(track.runs)) sum += track.runs[id]?.reservedUsd ?? 0;
  return sum;
}

/** Booked plus reserved: what the track is committed to. */
export function committedUsd(track: TrackState): number {
  return bookedUsd(track) + reservedUsd(track);
}

/** Whether an attempt estimated at `estimate` fits in what is left. Small rounding slack: cents are summed. */
export function fitsBudget(track: TrackState, estimate: number): boolean {
  const budget = track.settings.budgetUsd;
  return budget === null || committedUsd(track) + estimate <= budget + 1e-9;
}

/** Books an attempt's cost: the reported one, or the reservation when the report names none. */
export function bookAttempt(track: TrackState, unit: string, reportedUsd: number | null): void {
  const run = ownRun(track, unit);
  if (!run) return;
  run.spentUsd += reportedUsd ?? run.reservedUsd;
  run.reservedUsd = 0;
}

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}
