// The sections of a report the parser reads, found by their headings. Agents vary the wording ("Executive
// Summary", "Summary (What Was Done)", "SpawnCandidates (v1.1.1 — MANDATORY)", "Handoff Notes to Integrator"), so a
// heading is matched by its first words after parenthetical notes, emoji and punctuation are removed. A section
// runs from its heading to the next heading at the same level or above, or to a thematic break (`---`, which the
// swarm-iosm reports put between sections, so a closing "Report completed by" line is not part of the last
// section); the first heading of each kind counts.

import type { Heading, Nodes, Root, RootContent } from "mdast";
import { nodeText } from "../plan/markdown/node-text.js";
import { stripParentheticals } from "../plan/markdown/split-list.js";

export type SectionKind =
  | "summary"
  | "whatWasDone"
  | "filesTouched"
  | "touchesPlanned"
  | "touchesActual"
  | "spawnCandidates"
  | "escalations"
  | "handoff"
  | "metrics"
  | "performanceMetrics"
  | "cost";

// Longest phrases first within a kind does not matter: a heading is matched against every phrase of every kind.
const phrases: Record<SectionKind, string[]> = {
  summary: ["summary", "executive summary", "tl dr"],
  whatWasDone: ["what was done", "work done"],
  filesTouched: ["files touched", "files changed", "changed files"],
  touchesPlanned: ["touches planned", "planned touches"],
  touchesActual: ["touches actual", "actual touches"],
  spawnCandidates: ["spawncandidates", "spawn candidates"],
  escalations: ["escalation requests", "escalations", "escalation"],
  handoff: ["handoff notes", "handoff", "hand off notes"],
  metrics: ["metrics", "gate metrics"],
  performanceMetrics: ["performance metrics"],
  cost: ["cost", "costs"],
};

export interface Section {
  kind: SectionKind;
  heading: Heading;
  /** Index of the heading in the root's children; the content is (start, end). */
  start: number;
  end: number;
  content: RootContent[];
}

export type SectionIndex = Partial<Record<SectionKind, Section>>;

/** `### ✅ Touches Actual (observed) — v1.1.1` → `touches actual v1 1 1`. */
export function headingLabel(heading: Heading): string {
  return stripParentheticals(nodeText(heading as Nodes).toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function sectionKind(label: string): SectionKind | undefined {
  for (const [kind, list] of Object.entries(phrases) as [SectionKind, string[]][]) {
    if (list.some((phrase) => label === phrase || label.startsWith(`${phrase} `))) return kind;
  }
  return undefined;
}

/** Every known section of the document (top-level headings only: headings in lists or quotes are content). */
export function findSections(root: Root): SectionIndex {
  const index: SectionIndex = {};
  const children = root.children;
  children.forEach((node, start) => {
    if (node.type !== "heading") return;
    const kind = sectionKind(headingLabel(node));
    if (kind === undefined || index[kind]) return;
    let end = start + 1;
    while (end < children.length) {
      const next = children[end] as RootContent;
      if ((next.type === "heading" && next.depth <= node.depth) || next.type === "thematicBreak") break;
      end += 1;
    }
    index[kind] = { kind, heading: node, start, end, content: children.slice(start + 1, end) };
  });
  return index;
}

/** The section's content without the parts that belong to the given subsections (headings included). */
export function contentWithout(section: Section, others: readonly (Section | undefined)[]): RootContent[] {
  const out: RootContent[] = [];
  for (let i = section.start + 1; i < section.end; i++) {
    if (others.some((other) => other && i >= other.start && i < other.end)) continue;
    out.push(section.content[i - section.start - 1] as RootContent);
  }
  return out;
}
