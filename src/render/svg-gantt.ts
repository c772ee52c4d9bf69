// The schedule as a standalone SVG 1.1 Gantt chart (`swarm-dispatch simulate --svg`): one lane per agent, one
// bar per entry (a retried unit has one bar per attempt), a time axis on 1-2-5 steps and a legend.
//
// The output is a picture and nothing else: no script, no event handler, no link, no external font or image
// (the generic `sans-serif` family renders offline), no CSS; the same input always gives the same bytes, whatever
// the order of its entries. How bad numbers are clamped and which agents are refused: see svg-bars.ts.

import { type PreparedBars, prepareBars, type SvgGanttInput } from "./svg-bars.js";
import { drawAxis, drawBar, drawLanes, drawMakespan, timeText } from "./svg-draw.js";
import { type Frame, frameOf, heightOf, legendTop, margin } from "./svg-frame.js";
import { fontSize, layoutLegend, legendItems } from "./svg-styles.js";
import { cleanText, coordinate, escapeXml, fitText } from "./svg-text.js";

export type { AttemptStatus, SvgGanttInput } from "./svg-bars.js";

const titleFontSize = 14;
const maxHeadingChars = 200;
const emptyWidth = 392;

/**
 * Renders the chart as a complete SVG document. Throws a RangeError naming the entry when an agent is not a
 * whole number from 1; every other value is drawn (clamped where it cannot be).
 */
export function renderSvgGantt(input: SvgGanttInput): string {
  const prepared = prepareBars(input);
  const heading = cleanText(String(input.title ?? ""), maxHeadingChars);
  if (prepared.bars.length === 0) return renderEmpty(heading);
  const frame = frameOf(prepared, heading !== "");
  const unit = input.unit ?? "";
  const legend = layoutLegend(legendItems(prepared), frame.left, frame.width - margin);
  const height = heightOf(frame, legend.rows);
  const parts = [
    open(frame.width, height, heading === "" ? "Gantt chart" : heading, describe(prepared, unit)),
    drawHeading(heading, frame.width),
    drawLanes(prepared.lanes, frame),
    drawAxis(frame, unit),
    drawBars(prepared, frame, input.titles, unit),
    prepared.makespan === null ? "" : drawMakespan(prepared.makespan, frame, unit),
    legend.draw(legendTop(frame)),
    "</svg>",
  ];
  return `${parts.filter((part) => part !== "").join("\n")}\n`;
}

function drawBars(
  prepared: PreparedBars,
  frame: Frame,
  titles: ReadonlyMap<string, string> | undefined,
  unit: string,
): string {
  const bars = prepared.bars.map((bar) => drawBar(bar, frame, titles, unit));
  return `<g class="bars">\n${bars.join("\n")}\n</g>`;
}

/** The XML declaration, the root element and the accessible name and description. */
function open(width: number, height: number, name: string, description: string): string {
  const size = `width="${coordinate(width)}" height="${coordinate(height)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" ${size} viewBox="0 0 ${coordinate(width)} ${coordinate(height)}" font-family="sans-serif" font-size="${fontSize}">`,
    `<title>${escapeXml(name)}</title>`,
    `<desc>${escapeXml(description)}</desc>`,
    `<rect class="background" x="0" y="0" width="${coordinate(width)}" height="${coordinate(height)}" fill="#ffffff"/>`,
  ].join("\n");
}

function describe(prepared: PreparedBars, unit: string): string {
  const entries = prepared.bars.length;
  const agents = prepared.lanes.length;
  const span = prepared.makespan === null ? "" : `, makespan ${timeText(prepared.makespan, unit)}`;
  return `Gantt chart: ${entries} ${entries === 1 ? "entry" : "entries"} on ${agents} ${agents === 1 ? "agent" : "agents"}${span}.`;
}

function drawHeading(heading: string, width: number): string {
  const text = fitText(heading, width - 2 * margin, titleFontSize);
  if (text === "") return "";
  return `<text class="heading" x="${margin}" y="${margin + titleFontSize}" font-size="${titleFontSize}" font-weight="bold" fill="#222222">${escapeXml(text)}</text>`;
}

/** A small chart that says there is nothing to draw, keeping its heading. */
function renderEmpty(heading: string): string {
  const headingHeight = heading === "" ? 0 : 26;
  const height = margin * 2 + headingHeight + 24;
  const message = `<text class="empty" x="${emptyWidth / 2}" y="${margin + headingHeight + 16}" text-anchor="middle" fill="#555555">No entries to draw</text>`;
  return `${[
    open(emptyWidth, height, heading === "" ? "Gantt chart" : heading, "Gantt chart: no entries."),
    drawHeading(heading, emptyWidth),
    message,
    "</svg>",
  ]
    .filter((part) => part !== "")
    .join("\n")}\n`;
}
