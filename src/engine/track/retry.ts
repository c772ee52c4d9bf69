// An attempt that ended without finishing its unit: retried with backoff while the track's retry limit allows,
// continuing from the subtasks its checkpoints saved; after that the unit fails and everything that needs it shows
// it as the blocker. Its lock is released either way: a retry takes it again when it is dispatched.

import { bookAttempt } from "./budget.js";
import type { TrackState } from "./state.js";
import { ownRun } from "./working-copy.js";

/** Ends the attempt in flight of `unit`; returns whether the unit will be retried. */
export function endAttemptUnfinished(
  track: TrackState,
  unit: string,
  now: number,
  why: string,
  reportedUsd: number | null,
): boolean {
  const run = ownRun(track, unit);
  if (!run) return false;
  bookAttempt(track, unit, reportedUsd);
  run.lock = null;
  run.failures += 1;
  run.finishedAt = now;
  const { retryLimit, retryBackoffMs, retryBackoffMaxMs } = track.settings;
  if (run.failures <= retryLimit) {
    const wait = Math.min(retryBackoffMaxMs, retryBackoffMs * 2 ** (run.failures - 1));
    run.status = "ready";
    run.retryAt = now + wait;
    run.reason = `attempt ${run.attempt} ${why}; retry ${run.failures} of ${retryLimit} from the last checkpoint`;
    return true;
  }
  run.status = "failed";
  run.retryAt = null;
  run.reason = `attempt ${run.attempt} ${why}; no retries left (${retryLimit})`;
  return false;
}
