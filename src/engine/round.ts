// Rounding for the numbers `swarm-dispatch plan` prints: hours and dollars summed as floats, kept stable and
// readable (`0.3`, not `0.30000000000000004`). A plan of 10,000 tasks rounds some 40,000 numbers, so the usual
// answer is computed without building the decimal string.

/** Exact powers of ten for the digit counts used. */
const scales = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** Exactly `Number(value.toFixed(digits))`. */
export function roundTo(value: number, digits: number): number {
  const scale = scales[digits];
  if (value === 0) return 0;
  // Below 10^6, value × 10^digits (≤ 10^12 < 2^40) is off by at most 2^-13 from its exact product, so unless the
  // fraction is near one half, rounding the product gives the integer n that toFixed would; n / 10^digits is
  // then the double nearest n × 10^-digits, as parsing toFixed's text would give.
  if (scale !== undefined && value > 0 && value < 1e6) {
    const scaled = value * scale;
    const whole = Math.floor(scaled);
    const fraction = scaled - whole;
    if (fraction < 0.499) return whole / scale;
    if (fraction > 0.501) return (whole + 1) / scale;
  }
  return Number(value.toFixed(digits));
}
