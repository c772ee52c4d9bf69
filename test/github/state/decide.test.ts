import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../../src/engine/track/events.js";
import type { EngineState } from "../../../src/engine/track/state.js";
import { DamagedStateError, decide, StateConflictError } from "../../../src/github/state/decide.js";
import { MemoryStateStore } from "../../../src/github/state/memory-state-store.js";
import { stateFromText, stateToText } from "../../../src/github/state/state-document.js";
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

describe("deciding against the stored state", () => {
  it("writes the new state and returns the effects", async () => {
    const store = new MemoryStateStore();
    const first = await decide(store, [planEvent], 0);
    expect(first.effects.filter((e) => e.type === "create-task")).toHaveLength(5);
    expect(store.writes).toBe(1);
    const loaded = await store.load();
    expect(loaded && "state" in loaded && Object.keys(loaded.state.tracks)).toEqual(["7"]);
  });

  it("writes nothing and does nothing for a redelivered event", async () => {
    const store = new MemoryStateStore();
    await decide(store, [planEvent], 0);
    const again = await decide(store, [planEvent], 1);
    expect(again.effects).toEqual([]);
    expect(store.writes).toBe(1);
  });

  it("lets two instances race: one write loses, decides again, and every task goes out once", async () => {
    const store = new MemoryStateStore();
    await decide(store, [planEvent], 0);
    const [one, two] = await Promise.all([
      decide(store, [dispatch("c1")], 1),
      decide(store, [dispatch("c2")], 1),
    ]);
    const dispatched = [...one.effects, ...two.effects].flatMap((e) =>
      e.type === "dispatch" ? [e.unit] : [],
    );
    // A and E write the same file: E waits.
    expect(dispatched.sort()).toEqual(["A", "B", "C", "D"]);
    expect(one.conflicts + two.conflicts).toBe(1);
  });

  it("retries a conflicting write, and gives up with a clear error when it never goes through", async () => {
    class Contended extends MemoryStateStore {
      constructor(private losses: number) {
        super();
      }
      override async save(state: EngineState, expected: StateVersion | null) {
        if (this.losses > 0) {
          this.losses -= 1;
          return "conflict" as const;
        }
        return super.save(state, expected);
      }
    }
    const twice = new Contended(2);
    expect((await decide(twice, [planEvent], 0)).conflicts).toBe(2);
    await expect(decide(new Contended(10), [planEvent], 0, { attempts: 3 })).rejects.toThrow(
      StateConflictError,
    );
  });

  it("refuses to decide on a damaged document and says /resume rebuilds it", async () => {
    const store = new MemoryStateStore();
    store.overwrite('{"format":"swarm-dispatch/state@1","state":{"version":1}}');
    await expect(decide(store, [planEvent], 0)).rejects.toThrow(DamagedStateError);
    await expect(decide(store, [planEvent], 0)).rejects.toThrow(/state\.tracks.*\/resume rebuilds it/);
  });
});

describe("the state document", () => {
  it("round-trips a state", async () => {
    const store = new MemoryStateStore();
    const { state } = await decide(store, [planEvent, dispatch("go")], 0);
    expect(stateFromText(stateToText(state))).toEqual({ state });
  });

  it("names what is wrong with text that is not a state document", () => {
    expect(stateFromText("")).toMatchObject({ damaged: expect.stringContaining("not JSON") });
    expect(stateFromText("[]")).toMatchObject({ damaged: expect.stringContaining("not a state document") });
    expect(stateFromText('{"format":"other"}')).toMatchObject({ damaged: expect.stringContaining("format") });
    const missingRun = {
      format: "swarm-dispatch/state@1",
      state: {
        version: 1,
        maxParallel: null,
        seen: [],
        tracks: { "7": { id: "7", units: { A: {} }, runs: {} } },
      },
    };
    expect(stateFromText(JSON.stringify(missingRun))).toEqual({
      damaged: "track 7: unit A has no run record",
    });
  });
});
