// Numbers in a report as plain decimals: `0.0000001`, never `1e-7`. People and the money parser read plain
// decimals only, and written this way every finite number reads back as exactly the same number (the digits are
// JavaScript's shortest round-trip digits, only the decimal point moves).

const exponentForm = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;
const decimal = /^-?\d+(?:\.\d+)?$/;

export function plainNumber(value: number): string {
  const text = String(value === 0 ? 0 : value);
  const match = exponentForm.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A plain decimal (`-3`, `0.87`) as a number; null for anything else (`85%`, `1,200`, `1e3`). */
export function readPlainNumber(text: string): number | null {
  if (text.length > 400 || !decimal.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value + 0 : null;
}
