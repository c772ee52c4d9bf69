// Rebuilding a lost or damaged state document from GitHub (see resume-track.ts). Filled in below.
import type { DamagedState, StoredState } from "../state/state-store.js";
import type { RepoEnv } from "./repo-env.js";

export async function rebuildState(
  _env: RepoEnv,
  _track: string,
  _stored: StoredState | DamagedState | null,
): Promise<string[]> {
  return [];
}
