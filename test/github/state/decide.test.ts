import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../../src/engine/track/events.js";
import { type AppDocument, emptyDocument } from "../../../src/github/state/app-document.js";
import {
  amend,
  DamagedStateError,
  type DecideOptions,
  decide,
  StateConflictError,
} from "../../../src/github/state/decide.js";
import { MemoryStateStore } from "../../../src/github/state/memory-state-store.js";
import { documentFromText, documentToText } from "../../../src/github/state/state-document.js";
import type { StateVersion } from "../../../src/github/state/state-store.js";
import { makePlan } from "../../support/make-plan.js";

const plan = makePlan(
  ["A", "B", "C", "D", "E"].map((id) => ({ id, touches: [id === "E" ? "a.ts" : `${id.toLowerCase()}.ts`] })),
  { maxParallel: 5 },
);
const planEvent: EngineEvent = { id: "plan", type: "plan", track: "7", plan };
const dispatch = (id: string): EngineEvent => ({
  id,
  type: "command",
  track: "7",
  command: { type: "dispatch", task: null },
  by: "someone",
});
const at = (now: number, owner = "one"): DecideOptions => ({ now, owner, leaseMs: 60_000 });
const types = (document: AppDocument) => document.outbox.map((entry) => entry.effect.type);

describe("deciding against the stored document", () => {
  it("writes the new state with its effects in the outbox, claimed by this process", async () => {
    const store = new MemoryStateStore();
    const first = await decide(store, [planEvent], at(1000));
    expect(first.pending.filter((e) => e.effect.type === "create-task")).toHaveLength(5);
    expect(first.pending.every((e) => e.owner === "one" && e.until === 61_000 && e.tries === 0)).toBe(true);
    expect(store.writes).toBe(1);
    const loaded = await store.load();
    expect(loaded && "document" in loaded && Object.keys(loaded.document.engine.tracks)).toEqual(["7"]);
    expect(loaded && "document" in loaded && loaded.document.outbox.map((e) => e.id)).toEqual(
      first.pending.map((e) => e.id),
    );
    // Every track gets its links, even before any issue exists.
    expect(first.document.tracks["7"]).toEqual({ units: {}, dashboard: null, batches: [] });
  });

  it("writes nothing and does nothing for a redelivered event", async () => {
    const store = new MemoryStateStore();
    await decide(store, [planEvent], at(0));
    const again = await decide(store, [planEvent], at(1));
    expect(again.pending).toEqual([]);
    expect(store.writes).toBe(1);
  });

  it("records each decision's dispatches as one batch of the track", async () => {
    const store = new MemoryStateStore();
    await decide(store, [planEvent], at(0));
    const go = await decide(store, [dispatch("go")], at(5000));
    expect(go.document.tracks["7"]?.batches).toEqual([{ at: 5000, units: ["A", "B", "C", "D"] }]);
    expect(types(go.document).filter((type) => type === "dispatch")).toHaveLength(4);
  });

  it("lets two instances race: one write loses, decides again, and every task goes out once", async () => {
    const store = new MemoryStateStore();
    await decide(store, [planEvent], at(0));
    const [one, two] = await Promise.all([
      decide(store, [dispatch("c1")], at(1, "one")),
      decide(store, [dispatch("c2")], at(1, "two")),
    ]);
    const dispatched = [...one.pending, ...two.pending].flatMap((e) =>
      e.effect.type === "dispatch" ? [e.effect.unit] : [],
    );
    // A and E write the same file: E waits.
    expect(dispatched.sort()).toEqual(["A", "B", "C", "D"]);
    expect(one.conflicts + two.conflicts).toBe(1);
    // Effect ids never collide, whoever wins.
    const stored = await store.load();
    const ids = stored && "document" in stored ? stored.document.outbox.map((e) => e.id) : [];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("applies the repository's settings to the engine state before it steps", async () => {
    const store = new MemoryStateStore();
    await decide(store, [planEvent], { ...at(0), prepare: (engine) => ({ ...engine, maxParallel: 2 }) });
    const go = await decide(store, [dispatch("go")], {
      ...at(1),
      prepare: (engine) => ({ ...engine, maxParallel: 2 }),
    });
    expect(go.pending.filter((e) => e.effect.type === "dispatch")).toHaveLength(2);
  });

  it("retries a conflicting write, and gives up with a clear error when it never goes through", async () => {
    class Contended extends MemoryStateStore {
      constructor(private losses: number) {
        super();
      }
      override async save(document: AppDocument, expected: StateVersion | null) {
        if (this.losses > 0) {
          this.losses -= 1;
          return "conflict" as const;
        }
        return super.save(document, expected);
      }
    }
    const twice = new Contended(2);
    expect((await decide(twice, [planEvent], at(0))).conflicts).toBe(2);
    await expect(decide(new Contended(10), [planEvent], { ...at(0), attempts: 3 })).rejects.toThrow(
      StateConflictError,
    );
  });

  it("refuses to decide on a damaged document and says /resume rebuilds it", async () => {
    const store = new MemoryStateStore();
    store.overwrite('{"format":"swarm-dispatch/state@2","document":{"engine":{"version":1}}}');
    await expect(decide(store, [planEvent], at(0))).rejects.toThrow(DamagedStateError);
    await expect(decide(store, [planEvent], at(0))).rejects.toThrow(/engine\.tracks.*\/resume rebuilds it/);
    expect(store.writes).toBe(0);
  });
});

describe("amending the document", () => {
  it("re-applies the change on top of a write that came in between", async () => {
    const store = new MemoryStateStore();
    await decide(store, [planEvent], at(0));
    let calls = 0;
    const result = await amend(store, (document) => {
      calls += 1;
      // Another process writes while this change is being made, once.
      if (calls === 1) store.overwrite(documentToText({ ...document, nextEffect: 500 }));
      return { ...document, outbox: document.outbox.filter((entry) => entry.effect.type !== "create-task") };
    });
    expect(calls).toBe(2);
    expect(result && types(result.document).every((type) => type !== "create-task")).toBe(true);
    // What the other process wrote is kept.
    expect(result?.document.nextEffect).toBe(500);
  });

  it("writes nothing when the change has nothing to change, or there is no document", async () => {
    const store = new MemoryStateStore();
    expect(await amend(store, () => emptyDocument())).toBeNull();
    await decide(store, [planEvent], at(0));
    const writes = store.writes;
    expect(await amend(store, () => null)).not.toBeNull();
    expect(store.writes).toBe(writes);
  });
});

describe("the state document", () => {
  it("round-trips a document", async () => {
    const store = new MemoryStateStore();
    const { document } = await decide(store, [planEvent, dispatch("go")], at(0));
    expect(documentFromText(documentToText(document))).toEqual({ document });
  });

  it("names what is wrong with text that is not a state document", () => {
    expect(documentFromText("")).toMatchObject({ damaged: expect.stringContaining("not JSON") });
    expect(documentFromText("[]")).toMatchObject({
      damaged: expect.stringContaining("not a state document"),
    });
    expect(documentFromText('{"format":"other"}')).toMatchObject({
      damaged: expect.stringContaining("format"),
    });
    // The engine-only document of an earlier version is not read as this one.
    expect(
      documentFromText('{"format":"swarm-dispatch/state@1","state":{"version":1,"tracks":{},"seen":[]}}'),
    ).toMatchObject({ damaged: expect.stringContaining("format") });
    const missingRun: unknown = JSON.parse(documentToText(emptyDocument()));
    (missingRun as { document: AppDocument }).document.engine.tracks["7"] = {
      id: "7",
      units: { A: {} },
      runs: {},
    } as never;
    expect(documentFromText(JSON.stringify(missingRun))).toEqual({
      damaged: "track 7: unit A has no run record",
    });
  });

  it("refuses an outbox entry of an unknown effect type", () => {
    const text = JSON.parse(documentToText(emptyDocument()));
    text.document.outbox.push({
      id: "e1",
      effect: { type: "rm -rf", track: "7" },
      owner: "x",
      until: 0,
      tries: 0,
      lastError: null,
    });
    expect(documentFromText(JSON.stringify(text))).toMatchObject({
      damaged: expect.stringContaining("document.outbox.0.effect.type"),
    });
  });
});
