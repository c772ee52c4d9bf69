// Small value parsers shared by the normaliser: each returns the value or null, and the caller reports the error
// at the field's line with what to write instead.

export function parseBoolean(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (["true", "yes", "y", "1"].includes(value)) return true;
  if (["false", "no", "n", "0", "none", "-"].includes(value)) return false;
  return null;
}

/** `$25`, `25`, `25.50 USD`, `USD 3`; null for anything else. */
export function parseMoney(text: string): number | null {
  const value = text
    .trim()
    .replace(/^(usd|\$)\s*/i, "")
    .replace(/\s*(usd|\$)$/i, "")
    .replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const amount = Number(value);
  return Number.isFinite(amount) ? amount : null;
}

/** A whole number within [min, max]; null otherwise. */
export function parseCount(text: string, min: number, max: number): number | null {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return null;
  const count = Number(value);
  return count >= min && count <= max ? count : null;
}

/** Lower-case, dashes for spaces and underscores: `Safe Only` → `safe-only`. */
export function canonicalWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/** Values written in plans that mean "nothing here". */
export function isNone(text: string): boolean {
  return /^(none|n\/a|na|-|—|–|)$/i.test(text.trim());
}
