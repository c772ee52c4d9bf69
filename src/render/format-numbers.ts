// Numbers as the dispatch plan and dashboard print them: hours, money, shares and speedups.

/**
 * `2h`, `2h 30m`, `45m`, `0h` for zero. Rounds to whole minutes first, so 1.999 h reads `2h`, not `1h 60m`.
 * Non-finite input (a bug upstream, or a hostile plan) renders as `—` instead of `NaNh`.
 */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return "—";
  const totalMinutes = Math.round(Math.abs(hours) * 60);
  if (totalMinutes === 0) return "0h";
  const sign = hours < 0 ? "-" : "";
  const wholeHours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (wholeHours === 0) return `${sign}${minutes}m`;
  if (minutes === 0) return `${sign}${wholeHours}h`;
  return `${sign}${wholeHours}h ${minutes}m`;
}

/** `$12.34`, `$1,234.50`, `-$3.00`; `—` for a non-finite amount. */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount)) return "—";
  // Plain arithmetic rather than Intl: the first Intl.NumberFormat costs ~90 ms of ICU set-up per process.
  const abs = Math.abs(amount);
  const text = abs >= 1e15 ? abs.toExponential(2) : groupThousands(abs.toFixed(2));
  // A negative amount that rounds to zero must not print as `-$0.00`.
  return amount < 0 && text !== "0.00" ? `-$${text}` : `$${text}`;
}

function groupThousands(fixed: string): string {
  const [whole = "0", cents = "00"] = fixed.split(".");
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ",")}.${cents}`;
}

/** `25%`, `<1%` for a small but non-zero share, `—` when the share is undefined (a zero budget). */
export function formatShare(part: number, whole: number): string {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return "—";
  const percent = (part / whole) * 100;
  if (percent > 0 && percent < 1) return "<1%";
  return `${Math.round(percent)}%`;
}

/** `2.4×` (one decimal); `—` when the speedup is not a finite number. */
export function formatSpeedup(speedup: number): string {
  if (!Number.isFinite(speedup)) return "—";
  return `${(Math.round(speedup * 10) / 10).toFixed(1)}×`;
}
