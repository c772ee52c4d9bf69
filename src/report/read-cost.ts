// What the attempt cost, in US dollars: a `**Cost:** $1.23` line, or the first amount in a "Cost" section. An
// amount may carry a note (`$1.23 (estimated)`); "unknown" or "n/a" means the agent does not know, and the
// engine books the estimate instead. A cost above maxCostUsd is refused: no attempt costs that.

import type { BoldField } from "../plan/markdown/paragraph-lines.js";
import { parseMoney } from "../plan/parse-values.js";
import { plainNumber } from "./plain-number.js";
import { maxCostUsd } from "./report-limits.js";
import type { Section } from "./report-sections.js";
import { cleanLine, quote } from "./report-text.js";
import { sectionLines } from "./section-lines.js";

const amount = /\$\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?(?:usd|dollars?)\b/i;
const unknown = /^(unknown|not known|n\/a|none|-|—|–|\?)\b/i;

export function readCost(
  field: BoldField | undefined,
  section: Section | undefined,
): { costUsd: number | null; problems: string[] } {
  const problems: string[] = [];
  const lines = field
    ? [cleanLine(field.segments.map((segment) => segment.text).join(""))]
    : section
      ? sectionLines(section.content)
      : [];
  for (const line of lines) {
    if (unknown.test(line)) return { costUsd: null, problems };
    const value = amountOf(line);
    if (value === null) continue;
    if (value > maxCostUsd) {
      problems.push(
        `the cost $${plainNumber(value)} is over $${plainNumber(maxCostUsd)}; it was read as unknown`,
      );
      return { costUsd: null, problems };
    }
    return { costUsd: value, problems };
  }
  if (lines.length > 0) {
    problems.push(`the cost ${quote(lines[0] ?? "")} is not an amount like $1.23; it was read as unknown`);
  }
  return { costUsd: null, problems };
}

/** `$1.23`, `1.23 USD`, `2` → the amount; null when the text holds none. */
export function amountOf(text: string): number | null {
  const whole = parseMoney(text);
  if (whole !== null) return whole;
  const match = amount.exec(text);
  if (!match) return null;
  return parseMoney(match[1] ?? match[2] ?? "");
}
