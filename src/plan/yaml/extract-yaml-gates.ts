// The `gates:` section of a YAML plan → raw gates. A gate is a name, a target and optionally the task a gap
// spawns (`fix`), written as a mapping or, for short, just the fix's title.

import { isScalar } from "yaml";
import type { DraftGate } from "../draft.js";
import { namedEntries } from "./named-entries.js";
import { canonicalKey, gateFixKeys, gateKeys } from "./yaml-keys.js";
import type { YamlReader } from "./yaml-reader.js";

export function extractYamlGates(reader: YamlReader, value: unknown, line: number): DraftGate[] {
  const gates: DraftGate[] = [];
  for (const entry of namedEntries(reader, value, "gates", line)) {
    const gate: DraftGate = { name: entry.name, line: entry.line, target: "" };
    const node = reader.resolve(entry.value);
    if (isScalar(node)) {
      // `Gate-O: all tests pass`: the mapping-by-name form with only a target.
      gate.target = reader.text(node, `${entry.name}`, entry.line) ?? "";
      gates.push(gate);
      continue;
    }
    const map = reader.mapping(
      entry.value,
      `gate ${entry.name}`,
      entry.line,
      "write target: and fix: below it",
    );
    for (const field of map ? reader.entries(map) : []) {
      const key = canonicalKey(field.key, gateKeys);
      if (key === "name" && entry.inline) continue;
      if (key === null || key === "name") {
        reader.diag.warning(
          field.line,
          `${entry.name}: unknown gate field "${field.key}" ignored`,
          `known: ${gateKeys.join(", ")}`,
        );
      } else if (key === "fix") {
        const fix = extractFix(reader, field.value, `${entry.name}.fix`, field.line);
        if (fix) gate.fix = fix;
      } else {
        const text = reader.text(field.value, `${entry.name}.${key}`, field.line);
        if (text !== undefined) gate[key] = text;
      }
    }
    gates.push(gate);
  }
  return gates;
}

function extractFix(reader: YamlReader, value: unknown, what: string, line: number): DraftGate["fix"] {
  const node = reader.resolve(value);
  if (isScalar(node)) {
    const title = reader.text(node, what, line);
    return title === undefined ? undefined : { title, line };
  }
  const map = reader.mapping(value, what, line, "write { title: …, role: …, touches: […] }");
  if (!map) return undefined;
  const fix: NonNullable<DraftGate["fix"]> = { title: "", line };
  for (const field of reader.entries(map)) {
    const key = canonicalKey(field.key, gateFixKeys);
    if (key === null) {
      reader.diag.warning(
        field.line,
        `${what}: unknown field "${field.key}" ignored`,
        `known: ${gateFixKeys.join(", ")}`,
      );
    } else if (key === "touches") {
      const touches = reader.list(field.value, `${what}.touches`, field.line);
      if (touches) fix.touches = touches.map((item) => item.value);
    } else {
      const text = reader.text(field.value, `${what}.${key}`, field.line);
      if (text !== undefined) fix[key] = text;
    }
  }
  return fix;
}
