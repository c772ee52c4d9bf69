// Everything one repository's handling needs, built per delivery by the app (see app.ts) and by tests: the
// repository port, the state store, the settings, the clock, who this process is, and how to go on in the
// background. Nothing here is global, so two app instances in one test are two sets of services.

import type { Plan } from "../../plan/model.js";
import type { AppLog } from "../apply/apply-context.js";
import type { RepoPort } from "../repo/repo-port.js";
import type { RepoSettings } from "../settings/settings-schema.js";
import type { StateStore } from "../state/state-store.js";

export interface RepoServices {
  repo: RepoPort;
  store: StateStore;
  settings: RepoSettings;
  /** This process, as it claims effects in the outbox. */
  owner: string;
  clock: () => number;
  /** How long a claim on effects holds before another process may take them over. */
  leaseMs: number;
  /** How long one webhook may spend applying effects; the rest goes on in the background. */
  budgetMs: number;
  log: AppLog;
  /** Plans read during this delivery, by track (the briefs of plan units come from them). */
  plans: Map<string, Plan>;
  /** Reads a track's plan from its issue when this delivery has not. */
  readPlan: (track: string) => Promise<Plan | null>;
  /** Runs work after the webhook's answer; errors are the job's to report. */
  background: (job: () => Promise<void>) => void;
  /** Asks for a tick at this time (a retry's backoff ends). */
  wake: (at: number) => void;
  /** A decision released a lock while these pull requests were blocked by one: check them again. */
  locksReleased?: (pulls: readonly number[]) => Promise<void>;
}
