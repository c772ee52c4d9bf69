// A measured runtime in seconds → effort hours as the draft carries them: text the effort parser reads back to
// the same number. JavaScript prints very small and very large numbers with an exponent (`2.7e-7`), which no plan
// format accepts, so the shortest round-trip digits are written out as a plain decimal instead.

export function secondsToHours(seconds: number): string {
  return plainDecimal(seconds / 3600);
}

/** `2.5e-7` → `0.00000025`, `1e+21` → `1000000000000000000000`; any other number as JavaScript prints it. */
export function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = "", exponentText] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const digits = lead + rest;
  // The decimal point sits after the first digit, moved by the exponent.
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
