// How each bar looks, and the legend that explains it. Presentation attributes rather than CSS: every SVG viewer
// (browsers, GitHub's image proxy, rsvg, Inkscape) honours them, and a file without <style> has nothing to inject into.

import type { BarStatus, PreparedBars } from "./svg-bars.js";
import { coordinate, escapeXml, textWidth } from "./svg-text.js";

export interface BarStyle {
  fill: string;
  stroke: string;
  /** Failed, cancelled and running bars also differ by outline, for readers who cannot tell the colours apart. */
  dash: string | null;
  /** Label colour with enough contrast on the fill. */
  text: string;
  legend: string;
}

export const barStyles: Readonly<Record<BarStatus, BarStyle>> = {
  planned: { fill: "#4e79a7", stroke: "#2c4a6b", dash: null, text: "#ffffff", legend: "planned" },
  done: { fill: "#3b8a3e", stroke: "#1f5221", dash: null, text: "#ffffff", legend: "done" },
  running: { fill: "#f1ce63", stroke: "#8a6a0c", dash: "2 2", text: "#1f1f1f", legend: "running" },
  failed: { fill: "#d64541", stroke: "#7a1614", dash: "5 2", text: "#ffffff", legend: "failed attempt" },
  cancelled: { fill: "#c9c2be", stroke: "#5e5855", dash: "1 2", text: "#1f1f1f", legend: "cancelled" },
};

export const criticalStroke = { color: "#111111", width: 2.5 };
export const fontSize = 11;

const swatch = 12;
const itemGap = 18;
export const legendRowHeight = 18;

interface LegendItem {
  label: string;
  /** The swatch, drawn at (0, 0). */
  shape: string;
}

function barSwatch(style: BarStyle, stroke: string, width: number): string {
  const dash = style.dash === null ? "" : ` stroke-dasharray="${style.dash}"`;
  return `<rect x="0" y="0" width="${swatch}" height="${swatch}" fill="${style.fill}" stroke="${stroke}" stroke-width="${width}"${dash}/>`;
}

/** Only the styles the chart uses, in a fixed order, so the legend never explains what is not there. */
export function legendItems(prepared: PreparedBars): LegendItem[] {
  const used = new Set(prepared.bars.map((bar) => bar.status));
  const items: LegendItem[] = [];
  for (const status of ["planned", "running", "done", "failed", "cancelled"] as const) {
    const style = barStyles[status];
    if (used.has(status)) items.push({ label: style.legend, shape: barSwatch(style, style.stroke, 1) });
  }
  if (prepared.bars.some((bar) => bar.critical)) {
    const shape = barSwatch(barStyles.planned, criticalStroke.color, criticalStroke.width);
    items.push({ label: "critical path", shape });
  }
  if (prepared.makespan !== null) {
    const line = `<line x1="${swatch / 2}" y1="-1" x2="${swatch / 2}" y2="${swatch + 1}" stroke="#555555" stroke-width="1.5" stroke-dasharray="3 2"/>`;
    items.push({ label: "makespan", shape: line });
  }
  return items;
}

export interface LegendLayout {
  rows: number;
  /** Draws the legend with its first row's top at `top`. */
  draw(top: number): string;
}

/** Items left to right from `left`, wrapping before `right`. */
export function layoutLegend(items: readonly LegendItem[], left: number, right: number): LegendLayout {
  const placed: { item: LegendItem; x: number; row: number }[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const width = swatch + 5 + textWidth(item.label, fontSize);
    if (x > left && x + width > right) {
      row++;
      x = left;
    }
    placed.push({ item, x, row });
    x += width + itemGap;
  }
  return {
    rows: items.length === 0 ? 0 : row + 1,
    draw(top) {
      const parts = placed.map(({ item, x: itemX, row: itemRow }) => {
        const y = top + itemRow * legendRowHeight;
        const label = `<text x="${swatch + 5}" y="${swatch - 2}">${escapeXml(item.label)}</text>`;
        return `<g class="legend-item" transform="translate(${coordinate(itemX)},${coordinate(y)})">${item.shape}${label}</g>`;
      });
      return `<g class="legend" fill="#333333">${parts.join("")}</g>`;
    },
  };
}
