// Gates and track limits: when the track counts as finished, what a gap spawns, and the limits it runs under.

import type { Gate, Track } from "../../plan/model.js";
import { formatHours, formatUsd } from "../format-numbers.js";
import { escapeInline, renderTable } from "../markdown-text.js";
import type { DispatchPlanContext } from "./context.js";

const scopePolicyMeaning: Record<Track["scopePolicy"], string> = {
  fail: "a change outside the declared touches fails the attempt",
  escalate: "a change outside the declared touches waits for a person",
  extend: "a change outside the declared touches extends them",
};

export function renderGates(context: DispatchPlanContext): string[] {
  const lines = ["## Gates and track limits", ""];
  const { gates, track } = context.plan;
  if (gates.length === 0) {
    lines.push("No gates: the track is finished when every task is done.");
  } else {
    lines.push(...renderTable(["Gate", "Target", "Status", "Gap spawns"], gates.map(gateRow)));
  }
  lines.push(
    "",
    `- **Max parallel agents:** ${track.maxParallel}`,
    `- **Budget:** ${track.budgetUsd === null ? "none set" : formatUsd(track.budgetUsd)}`,
    `- **Spawn budget:** ${track.spawnBudget} auto-spawned tasks`,
    `- **Retry limit:** ${track.retryLimit} ${track.retryLimit === 1 ? "retry" : "retries"} per task`,
    `- **Scope policy:** ${track.scopePolicy} (${scopePolicyMeaning[track.scopePolicy]})`,
    `- **No-progress limit:** ${track.noProgressLimit} (the track stops after this many rounds without progress)`,
  );
  return lines;
}

function gateRow(gate: Gate): string[] {
  const name = escapeInline(gate.name, 60);
  const target = gate.target === "" ? "—" : escapeInline(gate.target, 100);
  if (gate.skip) return [name, target, "skip", "—"];
  const unmeasured = gate.current === null || gate.current === "" || gate.current === gate.status;
  const current = unmeasured ? "" : ` (current: ${escapeInline(gate.current ?? "", 60)})`;
  const status = gate.status === null || gate.status === "" ? "not measured" : escapeInline(gate.status, 40);
  const role = gate.fix.role === null ? "" : `${escapeInline(gate.fix.role, 60)}, `;
  const fix = `${escapeInline(gate.fix.title, 100)} (${role}${formatHours(gate.fix.effortHours)})`;
  return [name, target, `${status}${current}`, fix];
}
