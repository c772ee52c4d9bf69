// Gate progress: each gate's target, what was last measured and whether it passes, and how many fix tasks a gap
// has spawned. The track completes only when every gate not skipped passes.

import type { GateState } from "../engine/track/state.js";
import type { DashboardContext } from "./dashboard-context.js";
import { plural } from "./dashboard-links.js";
import { renderTable } from "./markdown-text.js";
import { issueInline } from "./markdown-text-github.js";

const header = ["Gate", "Target", "Current", "Status", "Fix tasks"];
const statusWords: Record<GateState["status"], string> = {
  pass: "pass",
  fail: "fail",
  unknown: "not measured",
};

export function renderGates(context: DashboardContext): string[] {
  const lines = ["### Gates", ""];
  const { gates } = context.track;
  if (gates.length === 0) {
    lines.push("No gates: the track completes when every task is done.");
    return lines;
  }
  const passed = gates.filter((gate) => !gate.skip && gate.status === "pass").length;
  const counted = gates.filter((gate) => !gate.skip).length;
  lines.push(`${passed} of ${plural(counted, "gate")} pass.`, "");
  const { listRows, reasonChars } = context.limits;
  const rows = gates
    .slice(0, listRows)
    .map((gate) => [
      issueInline(gate.name, 60) || "(blank)",
      gate.target === "" ? "—" : issueInline(gate.target, Math.min(reasonChars, 100)),
      gate.current === null || gate.current === ""
        ? "—"
        : issueInline(gate.current, Math.min(reasonChars, 100)),
      gate.skip ? "skipped" : (statusWords[gate.status] ?? "not measured"),
      String(gate.fixes),
    ]);
  lines.push(...renderTable(header, rows));
  if (gates.length > listRows) lines.push("", `${plural(gates.length - listRows, "more gate")} not listed.`);
  return lines;
}
