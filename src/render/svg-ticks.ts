// The time axis of the SVG Gantt chart: ticks on 1-2-5 steps (…, 0.5, 1, 2, 5, 10, …), and an axis that ends on
// the first tick at or past the last time drawn, so the right edge is always labelled.

export interface TimeAxis {
  /** Where the axis ends: a whole number of steps, at or past the extent it was built for. */
  end: number;
  step: number;
  /** 0, step, 2·step … end. */
  ticks: number[];
}

/** The smallest 1, 2 or 5 times a power of ten that is at least `rough` (which must be positive and finite). */
export function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  // The small tolerance keeps a rough step of exactly 2 or 5 (give or take rounding in the division) on itself.
  const factor = scaled <= 1 + 1e-9 ? 1 : scaled <= 2 + 1e-9 ? 2 : scaled <= 5 + 1e-9 ? 5 : 10;
  return factor * power;
}

/** An axis from 0 covering `extent` (positive, finite) with at most `maxTicks` steps. */
export function timeAxis(extent: number, maxTicks: number): TimeAxis {
  const step = niceStep(extent / Math.max(1, maxTicks));
  const steps = Math.max(1, Math.ceil(extent / step - 1e-9));
  // Multiplying, not adding, keeps 0.1-steps from drifting into 0.30000000000000004.
  const ticks = Array.from({ length: steps + 1 }, (_, index) => index * step);
  return { end: steps * step, step, ticks };
}

/**
 * A tick's label: as many decimals as the step needs (`0.5`, `2`, `0.25` is never a step), powers of ten from a
 * million up (`2e6`) so labels stay short, and the unit appended when there is one (`2h`).
 */
export function tickLabel(value: number, step: number, unit: string): string {
  if (value === 0) return `0${unit}`;
  if (value >= 1e6) return `${Number(value.toPrecision(12)).toExponential().replace("+", "")}${unit}`;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return `${value.toFixed(Math.min(decimals, 20))}${unit}`;
}
