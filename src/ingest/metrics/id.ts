/**
 * Metric ids: `<topic-id>-<figure token>`, e.g. maternal-child-42337,
 * health-poverty-275p3wan, elderly-care-73p72pct. The token spells the number
 * as printed (. → p) with its magnitude (万 wan, 亿 yi) and %/‰ (pct, permille),
 * so an id reads like the figure and depends only on the article's text.
 * Collisions get -2, -3 … in reading order.
 */
import { toAsciiNumber, type Figure } from '../../figures/parse-figures.ts';

const MAGNITUDES: Readonly<Record<string, string>> = { 万: 'wan', 亿: 'yi', 万亿: 'wanyi' };

export function figureToken(figure: Figure): string {
  const digits = figure.chinese
    ? String(figure.value)
    : toAsciiNumber(figure.text.slice(figure.numberStart - figure.start, figure.numberEnd - figure.start));
  let token = digits.replace('.', 'p') + (MAGNITUDES[figure.magnitude] ?? '');
  if (figure.unit === '%') token += 'pct';
  if (figure.unit === '‰') token += 'permille';
  return token;
}

/** Make ids unique in order: the first keeps its base, later ones get -2, -3 … */
export function uniqueIds(bases: readonly string[]): string[] {
  const used = new Set<string>();
  return bases.map((base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
