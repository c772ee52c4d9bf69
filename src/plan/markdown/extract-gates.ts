// Gates shared by the markdown formats: the "Gate Targets" table (`| Gate | Target | Current | Status |`) and
// the "Auto-spawn triggers" list (`Gate-O gap → spawn test/perf fixes`). The swarm-iosm template puts both in a
// ```markdown fence, so such fences are parsed too, with their lines mapped back onto the document.

import type { Nodes, Root, Table } from "mdast";
import type { DraftGate } from "../draft.js";
import { parseMarkdown } from "./parse-markdown.js";
import { type GateTrigger, readGateTrigger } from "./read-gate-trigger.js";
import { bodyRows, cellText, tableColumns } from "./table-cells.js";
import { lineOf, walkTree } from "./walk-tree.js";

interface Found {
  gates: DraftGate[];
  triggers: (GateTrigger & { line: number })[];
}

export function extractGates(root: Root, skip: (node: Nodes) => boolean = () => false): DraftGate[] {
  const found: Found = { gates: [], triggers: [] };
  collect(root, 0, skip, found, true);

  const byName = new Map<string, DraftGate>();
  for (const gate of found.gates)
    if (!byName.has(gate.name.toLowerCase())) byName.set(gate.name.toLowerCase(), gate);
  for (const trigger of found.triggers) {
    const fix = { title: trigger.title, line: trigger.line };
    const gate = byName.get(trigger.gate.toLowerCase());
    if (gate) {
      gate.fix ??= fix;
      continue;
    }
    // A trigger for a gate the table does not list still declares the gate: it must pass.
    const created: DraftGate = { name: trigger.gate, line: trigger.line, target: "pass", fix };
    found.gates.push(created);
    byName.set(trigger.gate.toLowerCase(), created);
  }
  return found.gates;
}

function collect(
  root: Root,
  offset: number,
  skip: (node: Nodes) => boolean,
  found: Found,
  fences: boolean,
): void {
  walkTree(root, (node) => {
    if (skip(node)) return false;
    if (node.type === "table") {
      readGateTable(node, offset, found.gates);
      return false;
    }
    if (node.type === "listItem") {
      const trigger = readGateTrigger(node);
      if (trigger) found.triggers.push({ ...trigger, line: offset + lineOf(node) });
      return true;
    }
    // One level only: a fence inside a fence is an example of an example, and re-parsing it again and again
    // would let a hostile plan multiply the work.
    if (node.type === "code" && fences && /^(markdown|md)$/i.test(node.lang ?? "")) {
      collect(parseMarkdown(node.value), offset + lineOf(node), () => false, found, false);
    }
    return true;
  });
}

function readGateTable(table: Table, offset: number, gates: DraftGate[]): void {
  const columns = tableColumns(table);
  const find = (label: string) => columns.find((column) => column.label === label)?.index;
  const name = find("gate");
  const target = find("target");
  if (name === undefined || target === undefined) return;
  const current = find("current");
  const status = find("status");
  for (const row of bodyRows(table)) {
    const gate: DraftGate = {
      name: cellText(row, name),
      line: offset + lineOf(row),
      target: cellText(row, target),
    };
    if (current !== undefined) gate.current = cellText(row, current);
    if (status !== undefined) gate.status = cellText(row, status);
    gates.push(gate);
  }
}
