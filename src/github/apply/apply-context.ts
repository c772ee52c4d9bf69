// What applying effects needs and what it finds out. Effects are applied in order against one repository; each
// one reads the links the ones before it learnt (an issue just created gets its status label), and the outcome
// says which effects are done, which failed (they stay in the outbox and go again), what was learnt (patches
// for the document) and which events the engine must hear next (a dispatch GitHub refused fails its attempt).

import type { EngineEvent } from "../../engine/track/events.js";
import type { Plan } from "../../plan/model.js";
import type { RepoPort } from "../repo/repo-port.js";
import type { RepoSettings } from "../settings/settings-schema.js";
import type { AppDocument, PendingEffect } from "../state/app-document.js";
import type { LinkPatch } from "../state/link-patch.js";

export interface AppLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ApplyContext {
  repo: RepoPort;
  settings: RepoSettings;
  /** The plan of a track as its issue holds it now (for the briefs of plan units), or null. */
  planOf(track: string): Promise<Plan | null>;
  now(): number;
  /** No effect is started after this time (ms); the rest stays in the outbox for the background or reconcile. */
  deadline: number;
  log: AppLog;
}

export interface ApplyOutcome {
  done: Set<string>;
  /** Effect id → why it failed this time. */
  failures: Map<string, string>;
  patches: LinkPatch[];
  followUps: EngineEvent[];
  /** Effects not started before the deadline. */
  left: PendingEffect[];
  /** The document with the patches applied, as this process now knows it. */
  document: AppDocument;
}

/** One effect's result: its own patches and follow-up events. Throwing means "failed, try again later". */
export interface EffectResult {
  patches?: LinkPatch[];
  followUps?: EngineEvent[];
}
