// A state store in memory with the same compare-and-swap contract as the repository one: for tests, the demo,
// and several app instances sharing one repository in a test.

import type { AppDocument } from "./app-document.js";
import { documentFromText, documentToText } from "./state-document.js";
import type { DamagedState, StateStore, StateVersion, StoredState } from "./state-store.js";

export class MemoryStateStore implements StateStore {
  private text: string | null = null;
  private revision = 0;
  /** Writes that happened, in order (tests look at how many). */
  writes = 0;

  async load(): Promise<StoredState | DamagedState | null> {
    if (this.text === null) return null;
    const version = String(this.revision);
    const read = documentFromText(this.text);
    return "document" in read ? { document: read.document, version } : { damaged: read.damaged, version };
  }

  async save(document: AppDocument, expected: StateVersion | null): Promise<StateVersion | "conflict"> {
    const current = this.text === null ? null : String(this.revision);
    if (current !== expected) return "conflict";
    this.text = documentToText(document);
    this.revision += 1;
    this.writes += 1;
    return String(this.revision);
  }

  /** Replaces the stored text as is (a test's damaged or hand-edited document); null removes it. */
  overwrite(text: string | null): void {
    this.text = text;
    this.revision += 1;
  }
}
