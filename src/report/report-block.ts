// The pull request's machine-readable block: written by the Action as the body's last line, read by the app.
// It is read only from a line that is exactly a block (agent text in the body always sits inside a line, and
// its `<` is escaped), and only from the last such line, so a block quoted higher up never counts. Anything that
// is not a valid block by the strict schema reads as no block at all.

import { blockLine, blockPrefix, blockSuffix } from "./block-line.js";
import { fitReportBlock } from "./fit-report-block.js";
import { reportBlockSchema } from "./report-block-schema.js";
import { maxBlockChars } from "./report-limits.js";
import type { ReportBlock } from "./report-model.js";

/** Bodies are scanned this far from their end: GitHub holds 65,536 characters, a hostile edit may send more. */
const maxScannedChars = 262_144;

/** One line, at most maxBlockChars long; what had to be cut to get there is named in its problems. */
export function renderReportBlock(block: ReportBlock): string {
  return blockLine(fitReportBlock(block));
}

export function parseReportBlock(body: string | null | undefined): ReportBlock | null {
  if (typeof body !== "string") return null;
  let text = body;
  if (text.length > maxScannedChars) {
    // The cut lands inside a line; that partial line is dropped, so a line's tail never reads as a block.
    text = text.slice(text.length - maxScannedChars);
    const firstBreak = text.indexOf("\n");
    text = firstBreak < 0 ? "" : text.slice(firstBreak + 1);
  }
  let last: string | null = null;
  for (const raw of text.split("\n")) {
    // Bodies edited in the web UI come back with CRLF line ends.
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.startsWith(blockPrefix) && line.endsWith(blockSuffix)) last = line;
  }
  if (last === null || last.length > maxBlockChars) return null;
  const json = last.slice(blockPrefix.length, last.length - blockSuffix.length);
  // A line holding a second comment end is not one block but text that looks like one.
  if (json.includes("-->") || json.includes("--!>")) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = reportBlockSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
