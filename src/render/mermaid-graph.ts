// The dependency graph over dispatch units as a Mermaid flowchart: an arrow from each prerequisite to the unit that
// waits for it. Takes any unit-like list (DispatchUnit from the engine satisfies it), so the dashboard can reuse it.

import type { DispatchUnit } from "../engine/types.js";
import { plainText } from "./markdown-text.js";
import { createMermaidIds, flowchartLabel } from "./mermaid-text.js";

export type GraphUnit = Pick<DispatchUnit, "id" | "title" | "deps" | "status">;

/**
 * A fenced ```mermaid block. Deps on ids that are not in `units` are left out (Mermaid would invent an empty node
 * for them); done units are greyed and units in progress get a thick border.
 */
export function renderMermaidGraph(units: readonly GraphUnit[]): string {
  const mermaidId = createMermaidIds();
  const known = new Set(units.map((unit) => unit.id));
  const lines = ["```mermaid", "flowchart TD"];
  for (const unit of units) {
    const label = flowchartLabel(plainText(unit.title) === "" ? unit.id : `${unit.id}: ${unit.title}`);
    lines.push(`  ${mermaidId(unit.id)}["${label}"]`);
  }
  for (const unit of units) {
    for (const dep of new Set(unit.deps)) {
      if (dep !== unit.id && known.has(dep)) lines.push(`  ${mermaidId(dep)} --> ${mermaidId(unit.id)}`);
    }
  }
  const done = units.filter((unit) => unit.status === "done").map((unit) => mermaidId(unit.id));
  const doing = units.filter((unit) => unit.status === "doing").map((unit) => mermaidId(unit.id));
  if (done.length > 0) {
    lines.push("  classDef done fill:#eeeeee,stroke:#999999,color:#777777");
    lines.push(`  class ${done.join(",")} done`);
  }
  if (doing.length > 0) {
    lines.push("  classDef doing stroke-width:3px");
    lines.push(`  class ${doing.join(",")} doing`);
  }
  lines.push("```");
  return lines.join("\n");
}
