// Gates: the plan's targets, measured by CI (a `gate` event) or by a report's metrics, compared here. A numeric
// target reads `≥0.75`, `>= 0.75`, `> 3`, `≤ 200`, `< 1`, `= 0` or a bare number (at least that); any other
// target (`pass`, `tests pass`) passes on a value such as pass, passed, success, ok, green or true.

import type { Gate } from "../../plan/model.js";
import type { Effect } from "./effects.js";
import type { GateState, TrackState } from "./state.js";

export function gateStatesOf(gates: readonly Gate[]): GateState[] {
  return gates.map((gate) => ({
    name: gate.name,
    target: gate.target,
    skip: gate.skip,
    status: "unknown",
    current: gate.current,
    fix: { ...gate.fix, touches: [...gate.fix.touches] },
    fixes: 0,
  }));
}

const numeric = /^\s*(≥|>=|>|≤|<=|<|==|=)?\s*(-?\d+(?:\.\d+)?)\s*(%?)\s*$/;
const passWords = /^(pass|passed|passing|success|succeeded|ok|green|true|yes|met)$/i;

/** Whether `value` meets `target`; null when they cannot be compared (a word against a number). */
export function meetsTarget(target: string, value: number | string): boolean | null {
  const match = numeric.exec(target);
  if (match) {
    const bound = Number(match[2]);
    const measured = typeof value === "number" ? value : Number(String(value).replace(/%$/, "").trim());
    if (!Number.isFinite(measured) || String(value).trim() === "") return null;
    switch (match[1]) {
      case ">":
        return measured > bound;
      case "≤":
      case "<=":
        return measured <= bound;
      case "<":
        return measured < bound;
      case "=":
      case "==":
        return measured === bound;
      default:
        return measured >= bound;
    }
  }
  if (typeof value === "number") return null;
  return passWords.test(value.trim());
}

/** Records a gate's result; returns whether it changed. Unknown gates are ignored: the plan names the gates. */
export function recordGate(
  track: TrackState,
  name: string,
  passed: boolean,
  current: string | null,
): boolean {
  const gate = track.gates.find((g) => g.name.toLowerCase() === name.toLowerCase());
  if (!gate || gate.skip) return false;
  const status = passed ? "pass" : "fail";
  const changed = gate.status !== status || gate.current !== current;
  gate.status = status;
  gate.current = current;
  return changed;
}

/**
 * Compares a report's metrics with the targets of the gates they name (metric keys match gate names, any case),
 * records them, and posts a check result for each gate the unit is checked by.
 */
export function applyMetrics(
  track: TrackState,
  unit: string,
  metrics: Readonly<Record<string, number | string>>,
  effects: Effect[],
): void {
  const unitGates = (track.units[unit]?.gates ?? []).map((name) => name.toLowerCase());
  for (const key of Object.keys(metrics).sort()) {
    const gate = track.gates.find((g) => g.name.toLowerCase() === key.toLowerCase());
    const value = metrics[key];
    if (!gate || gate.skip || value === undefined) continue;
    const passed = meetsTarget(gate.target, value);
    if (passed === null) continue;
    recordGate(track, gate.name, passed, String(value));
    if (unitGates.includes(gate.name.toLowerCase())) {
      effects.push({
        type: "post-check",
        track: track.id,
        unit,
        name: gate.name,
        conclusion: passed ? "success" : "failure",
        summary: `${gate.name}: target ${gate.target}, measured ${String(value)}: ${passed ? "met" : "gap"}`,
      });
    }
  }
}

/** Gates with a gap: measured and failing, not skipped. */
export function failingGates(track: TrackState): GateState[] {
  return track.gates.filter((gate) => !gate.skip && gate.status === "fail");
}
