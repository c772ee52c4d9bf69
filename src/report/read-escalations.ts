// The "Escalation Requests" section → questions for a person. Each is a subheading `### E-01: Title` followed by
// its Context, Question, Options and Recommendation, kept as plain text lines (a person reads them whole). The
// subheadings at the level of the first one start entries; deeper headings are part of an entry's text.
// "None" means none; text without such subheadings is a problem, never a silently lost question.

import type { Heading, Nodes, RootContent } from "mdast";
import { nodeText } from "../plan/markdown/node-text.js";
import { maxEscalations, maxIdChars, maxQuestionChars, maxTitleChars } from "./report-limits.js";
import type { ReportEscalation } from "./report-model.js";
import type { Section } from "./report-sections.js";
import { capText, cleanLine, count } from "./report-text.js";
import { saysNone, sectionLines } from "./section-lines.js";

export function readEscalations(section: Section | undefined): {
  escalations: ReportEscalation[];
  problems: string[];
} {
  const escalations: ReportEscalation[] = [];
  const problems: string[] = [];
  if (!section) return { escalations, problems };
  const content = section.content;
  const first = content.find((node): node is Heading => node.type === "heading");
  if (!first) {
    if (!saysNone(sectionLines(content))) {
      problems.push(
        "the Escalation Requests section has text but no '### E-01: Title' entries, so no question was read",
      );
    }
    return { escalations, problems };
  }
  const starts = content.flatMap((node, index) =>
    node.type === "heading" && node.depth <= first.depth ? [index] : [],
  );
  if (starts.length > maxEscalations) {
    problems.push(
      `the report asks ${starts.length} questions; at most ${maxEscalations} are read, so the last ${starts.length - maxEscalations} were dropped`,
    );
  }
  starts.slice(0, maxEscalations).forEach((start, number) => {
    // An entry also ends at a thematic break: what follows it is not part of the question.
    let end = starts[number + 1] ?? content.length;
    const rule = content.findIndex(
      (node, index) => index > start && index < end && node.type === "thematicBreak",
    );
    if (rule >= 0) end = rule;
    const read = readEntry(content[start] as Heading, content.slice(start + 1, end), number + 1);
    for (const problem of read.problems) problems.push(problem);
    escalations.push(read.escalation);
  });
  return { escalations, problems };
}

function readEntry(
  heading: Heading,
  body: readonly RootContent[],
  number: number,
): { escalation: ReportEscalation; problems: string[] } {
  const problems: string[] = [];
  const { id: rawId, title: rawTitle } = splitHeading(cleanLine(nodeText(heading as Nodes)));
  const fallback = `E-${String(number).padStart(2, "0")}`;
  const id = capText(rawId || fallback, maxIdChars);
  const where = `escalation ${id.text}`;
  if (rawId === "") problems.push(`escalation number ${number} has no id; it is called ${fallback}`);
  if (id.cut) problems.push(`${where}: the id is ${rawId.length} characters long; cut to ${maxIdChars}`);
  const title = capText(rawTitle, maxTitleChars);
  if (title.cut)
    problems.push(`${where}: the title is ${rawTitle.length} characters long; cut to ${maxTitleChars}`);
  const text = sectionLines(body as Nodes[]).join("\n");
  const question = capText(text, maxQuestionChars);
  if (question.cut) {
    problems.push(
      `${where}: the question is ${count(text.length)} characters long; cut to ${count(maxQuestionChars)}`,
    );
  }
  if (text === "") problems.push(`${where}: there is no question under its heading`);
  return { escalation: { id: id.text, title: title.text, question: question.text }, problems };
}

/** `E-01: Title` → id and title; without a colon the first word is the id (`E-01 — Title`). */
export function splitHeading(text: string): { id: string; title: string } {
  const colon = text.indexOf(":");
  if (colon >= 0) return { id: text.slice(0, colon).trim(), title: text.slice(colon + 1).trim() };
  const space = text.indexOf(" ");
  if (space < 0) return { id: text, title: "" };
  return { id: text.slice(0, space), title: text.slice(space + 1).replace(/^[—–-]\s*/, "") };
}
