// Effort as plans write it: a size (`M`), a size with hours (`M (3 hours)`, `L (4-6 hours)`), or a duration
// (`2h`, `90min`, `2h 30m`, `1.5`). Explicit hours win over the size's default; a range counts as its midpoint.

import { effortHours } from "./defaults.js";
import type { effortSizes } from "./model.js";

export type EffortSize = (typeof effortSizes)[number];

export interface Effort {
  size: EffortSize | null;
  hours: number;
}

/** The longest effort a task may declare; anything larger is almost surely a typo (minutes written as hours). */
const maxHours = 10_000;

const unitHours: Record<string, number> = {
  h: 1,
  hr: 1,
  hrs: 1,
  hour: 1,
  hours: 1,
  m: 1 / 60,
  min: 1 / 60,
  mins: 1 / 60,
  minute: 1 / 60,
  minutes: 1 / 60,
};

const sizePattern = /^(XL|S|M|L)\b\s*(?:\((.*)\))?\s*$/i;
const partPattern = /^(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?\s*([a-z]*)$/i;

/** Hours from `2h`, `90min`, `2-4 hours`, `2h 30m`, `1.5`; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const parts = text
    .trim()
    .replace(/(\d)\s+(?=[a-z])/gi, "$1")
    .split(/\s+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 3) return null;
  let total = 0;
  for (const part of parts) {
    const match = partPattern.exec(part);
    if (!match) return null;
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    const unit = (match[3] ?? "").toLowerCase();
    const perUnit = unit === "" ? 1 : unitHours[unit];
    if (perUnit === undefined || high < low) return null;
    total += ((low + high) / 2) * perUnit;
  }
  return Number.isFinite(total) ? total : null;
}

/** The effort, or an error message that says what to write instead. */
export function parseEffort(text: string): Effort | { error: string } {
  const trimmed = text.trim();
  const sized = sizePattern.exec(trimmed);
  let effort: Effort | null = null;
  if (sized) {
    const size = (sized[1] as string).toUpperCase() as EffortSize;
    const note = sized[2]?.trim();
    const hours = note ? parseDuration(note) : null;
    if (note && hours === null) {
      return { error: `effort "${trimmed}": cannot read hours from "(${note})"` };
    }
    effort = { size, hours: hours ?? effortHours[size] };
  } else {
    const hours = parseDuration(trimmed);
    if (hours !== null) effort = { size: null, hours };
  }
  if (!effort) {
    return {
      error: `effort "${trimmed}" is not a size or a duration (write S, M, L, XL, or hours like 3h or 90min)`,
    };
  }
  if (effort.hours > maxHours) return { error: `effort "${trimmed}" is over ${maxHours} hours` };
  return effort;
}
