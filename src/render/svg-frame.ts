// Where things go in the SVG Gantt chart. The plot is as wide as the content asks (every bar wide enough for its
// id, at least 40 px per hour) between 360 and 1,400 px; a longer schedule compresses into the cap, and its bars
// then carry a shortened label or none (the tooltip always has the full id).

import type { PreparedBars } from "./svg-bars.js";
import { fontSize, legendRowHeight } from "./svg-styles.js";
import { cleanText, textWidth } from "./svg-text.js";
import { type TimeAxis, timeAxis } from "./svg-ticks.js";

export const margin = 16;
export const laneHeight = 24;
export const barHeight = 16;
export const labelPadding = 4;
const titleHeight = 26;
const axisHeight = 40;
const minPlotWidth = 360;
const maxPlotWidth = 1400;
const minHourWidth = 40;
// Room for one tick label; fewer ticks than this spacing allows would waste the 1-2-5 steps' precision.
const tickSpacing = 64;
// Labels are sized for at most this many characters: a long id does not get to stretch the whole chart.
const sizingChars = 16;

export interface Frame {
  width: number;
  /** Left edge of the plot: time 0. */
  left: number;
  plotWidth: number;
  /** Top of the first lane. */
  top: number;
  axis: TimeAxis;
  /** Time (hours) → x. */
  x(time: number): number;
  /** The lane's top edge. */
  laneTop(lane: number): number;
  lanesBottom: number;
}

export function frameOf(prepared: PreparedBars, hasTitle: boolean): Frame {
  // The highest agent number has the longest label; no spread over the lanes, which may be very many.
  const lastLane = prepared.lanes.at(-1);
  const left = margin + (lastLane === undefined ? 0 : textWidth(`Agent ${lastLane}`, fontSize)) + 10;
  // An empty or all-zero schedule still gets a one-hour axis; a microscopic one gets at least 36 seconds.
  const extent = prepared.extent > 0 ? Math.max(prepared.extent, 0.01) : 1;
  const plotWidth = Math.min(maxPlotWidth, Math.max(minPlotWidth, extent * hourWidth(prepared)));
  const axis = timeAxis(extent, Math.max(2, Math.floor(plotWidth / tickSpacing)));
  const scale = plotWidth / axis.end;
  const top = margin + (hasTitle ? titleHeight : 0);
  const laneIndex = new Map(prepared.lanes.map((agent, index) => [agent, index]));
  return {
    width: left + plotWidth + margin * 2,
    left,
    plotWidth,
    top,
    axis,
    x: (time) => left + time * scale,
    laneTop: (agent) => top + (laneIndex.get(agent) ?? 0) * laneHeight,
    lanesBottom: top + prepared.lanes.length * laneHeight,
  };
}

/** Pixels per hour that give every bar with a duration room for its label (up to `sizingChars` characters). */
function hourWidth(prepared: PreparedBars): number {
  let widest = minHourWidth;
  const labelWidths = new Map<string, number>();
  for (const bar of prepared.bars) {
    const duration = bar.end - bar.start;
    if (duration <= 0) continue;
    let label = labelWidths.get(bar.id);
    if (label === undefined) {
      label = textWidth(cleanText(bar.id, sizingChars), fontSize) + 2 * labelPadding;
      labelWidths.set(bar.id, label);
    }
    widest = Math.max(widest, label / duration);
  }
  return widest;
}

/** Everything below the lanes: the axis, its caption, then the legend's rows. */
export function heightOf(frame: Frame, legendRows: number): number {
  return frame.lanesBottom + axisHeight + legendRows * legendRowHeight + margin;
}

export function legendTop(frame: Frame): number {
  return frame.lanesBottom + axisHeight;
}
