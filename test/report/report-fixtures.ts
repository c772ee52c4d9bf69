// The report fixtures: the two swarm-iosm example reports and our own, as files.

import { readFileSync } from "node:fs";

export function reportFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url), "utf8");
}

export const fixtureNames = [
  "T01.md",
  "T03.md",
  "partial-escalations.md",
  "needs-input.md",
  "metrics-cost.md",
  "parent-subtasks.md",
];
