// Where a repository's app document lives between webhooks. GitHub is the source of truth, but every decision
// for one repository goes through one document read and written with compare-and-swap: read it (with its
// version), decide, write it only if nobody wrote since. Two app instances, or two webhooks at once, can then
// never both dispatch the same attempt or take overlapping locks: one of them loses the write and decides again.

import type { AppDocument } from "./app-document.js";

/** An opaque version of the stored document (for the contents API, the blob sha). */
export type StateVersion = string;

export interface StoredState {
  document: AppDocument;
  version: StateVersion;
}

/** The document exists but cannot be read: `/resume` rebuilds it from GitHub. */
export interface DamagedState {
  damaged: string;
  version: StateVersion;
}

export interface StateStore {
  /** The stored document, null when there is none yet. */
  load(): Promise<StoredState | DamagedState | null>;
  /**
   * Writes `document` if the stored version is still `expected` (null: only if there is no document yet).
   * Returns the new version, or `conflict` when someone wrote first.
   */
  save(document: AppDocument, expected: StateVersion | null): Promise<StateVersion | "conflict">;
}

export function isDamaged(stored: StoredState | DamagedState | null): stored is DamagedState {
  return stored !== null && "damaged" in stored;
}
