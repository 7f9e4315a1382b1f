/**
 * Minimal stand-in for src/lib/parse-figures.ts (metrics branch): does a
 * figure with this value appear in a quote? Same signature as its
 * `quoteHasValue`, so the content check switches to it by changing one import
 * once that module is merged.
 */

const NUMBER = /(?<![0-9０-９.．])([0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?)\s?[余多]?(万亿|亿|万)?[余多]?\s?/gu;

function toAscii(digits: string): string {
  return digits.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/gu, '.').replace(/,/gu, '');
}

const MAGNITUDES: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** Same number, allowing for float noise in values read from YAML. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Every number printed in the text with 万/亿 applied, and what follows it (for the unit). */
export function printedValues(text: string): Array<{ value: number; after: string }> {
  return [...text.matchAll(NUMBER)].map((m) => {
    const value = Number(toAscii(m[1] ?? '')) * (MAGNITUDES[m[2] ?? ''] ?? 1);
    return { value: Number(value.toPrecision(12)), after: text.slice(m.index + m[0].length) };
  });
}

/** Does a figure with this value (and unit, when one is given) appear in the quote? */
export function quoteHasValue(quote: string, value: number, unit?: string): boolean {
  return printedValues(quote).some(
    (f) => sameValue(f.value, value) && (!unit || f.after.replace(/^％/u, '%').startsWith(unit)),
  );
}
