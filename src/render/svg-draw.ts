// The drawn parts of the SVG Gantt chart: lanes, time axis, bars and the makespan marker. Plan text reaches the
// output only through `cleanText` and `escapeXml`, and only as element content, never inside an attribute.

import type { GanttBar } from "./svg-bars.js";
import type { Frame } from "./svg-frame.js";
import { barHeight, labelPadding, laneHeight } from "./svg-frame.js";
import { barStyles, criticalStroke, fontSize } from "./svg-styles.js";
import { cleanText, coordinate, escapeXml, fitText } from "./svg-text.js";
import { tickLabel } from "./svg-ticks.js";

// Plan ids are at most 100 characters; titles get a few lines' worth in a tooltip.
const maxIdChars = 120;
const maxTitleChars = 300;
// A zero-length bar stays visible as a sliver at its start.
const minBarWidth = 2;

/** One band per agent, every other one shaded, labelled `Agent N` on the left. */
export function drawLanes(lanes: readonly number[], frame: Frame): string {
  const parts = lanes.map((agent, index) => {
    const top = frame.laneTop(agent);
    const band =
      index % 2 === 1
        ? `<rect x="${coordinate(frame.left)}" y="${coordinate(top)}" width="${coordinate(frame.plotWidth)}" height="${laneHeight}" fill="#f4f5f7"/>`
        : "";
    const label = `<text x="${coordinate(frame.left - 8)}" y="${coordinate(top + laneHeight / 2 + 4)}" text-anchor="end">Agent ${agent}</text>`;
    return `<g class="lane">${band}${label}</g>`;
  });
  return `<g class="lanes" fill="#333333">${parts.join("")}</g>`;
}

/** Grid lines across the lanes at every tick, the axis line, tick labels and the axis caption. */
export function drawAxis(frame: Frame, unit: string): string {
  const { axis, lanesBottom } = frame;
  const ticks = axis.ticks.map((value) => {
    const x = coordinate(frame.x(value));
    const grid = `<line x1="${x}" y1="${coordinate(frame.top)}" x2="${x}" y2="${coordinate(lanesBottom + 4)}" stroke="#d9dce1" stroke-width="1"/>`;
    const label = `<text x="${x}" y="${coordinate(lanesBottom + 16)}" text-anchor="middle">${escapeXml(tickLabel(value, axis.step, unit))}</text>`;
    return `<g class="tick">${grid}${label}</g>`;
  });
  const baseline = `<line x1="${coordinate(frame.left)}" y1="${coordinate(lanesBottom)}" x2="${coordinate(frame.x(axis.end))}" y2="${coordinate(lanesBottom)}" stroke="#8a8f98" stroke-width="1"/>`;
  const caption = `<text class="axis-caption" x="${coordinate(frame.left + frame.plotWidth / 2)}" y="${coordinate(lanesBottom + 31)}" text-anchor="middle">${unit === "h" ? "time (hours)" : "time"}</text>`;
  return `<g class="axis" fill="#333333">${ticks.join("")}${baseline}${caption}</g>`;
}

/** A time as the tooltip prints it: at most two decimals, with the unit. */
export function timeText(time: number, unit: string): string {
  return `${coordinate(time)}${unit}`;
}

function tooltip(bar: GanttBar, titles: ReadonlyMap<string, string> | undefined, unit: string): string {
  const title = titles?.get(bar.id);
  const parts = [cleanText(bar.id, maxIdChars)];
  if (title !== undefined && title !== "") parts[0] += ` — ${cleanText(String(title), maxTitleChars)}`;
  parts.push(`${timeText(bar.start, unit)}–${timeText(bar.end, unit)}`);
  if (bar.status !== "planned") parts.push(barStyles[bar.status].legend);
  if (bar.attempts > 1) parts.push(`attempt ${bar.attempt} of ${bar.attempts}`);
  if (bar.critical) parts.push("critical path");
  return escapeXml(parts.join(" · "));
}

/** One bar: a group holding its tooltip, its rectangle and, when it fits, its id. */
export function drawBar(
  bar: GanttBar,
  frame: Frame,
  titles: ReadonlyMap<string, string> | undefined,
  unit: string,
): string {
  const style = barStyles[bar.status];
  const x = frame.x(bar.start);
  const width = Math.max(frame.x(bar.end) - x, minBarWidth);
  const y = frame.laneTop(bar.agent) + (laneHeight - barHeight) / 2;
  const stroke = bar.critical ? criticalStroke.color : style.stroke;
  const strokeWidth = bar.critical ? criticalStroke.width : 1;
  const dash = style.dash === null ? "" : ` stroke-dasharray="${style.dash}"`;
  const classes = ["bar", bar.status];
  if (bar.critical) classes.push("critical");
  if (bar.end === bar.start) classes.push("zero-length");
  const rect = `<rect x="${coordinate(x)}" y="${coordinate(y)}" width="${coordinate(width)}" height="${barHeight}" rx="2" fill="${style.fill}" stroke="${stroke}" stroke-width="${strokeWidth}"${dash}/>`;
  const label = fitText(cleanText(bar.id, maxIdChars), width - 2 * labelPadding, fontSize);
  const text =
    label === ""
      ? ""
      : `<text x="${coordinate(x + labelPadding)}" y="${coordinate(y + barHeight / 2 + 4)}" fill="${style.text}">${escapeXml(label)}</text>`;
  return `<g class="${classes.join(" ")}"><title>${tooltip(bar, titles, unit)}</title>${rect}${text}</g>`;
}

/** A dashed line where the schedule ends: the axis may run on to its next tick. */
export function drawMakespan(makespan: number, frame: Frame, unit: string): string {
  const x = coordinate(frame.x(makespan));
  const line = `<line x1="${x}" y1="${coordinate(frame.top - 4)}" x2="${x}" y2="${coordinate(frame.lanesBottom)}" stroke="#555555" stroke-width="1.5" stroke-dasharray="3 2"/>`;
  return `<g class="makespan"><title>makespan ${escapeXml(timeText(makespan, unit))}</title>${line}</g>`;
}
