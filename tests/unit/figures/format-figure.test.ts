import { describe, expect, it } from 'vitest';
import { formatFigure, rankText } from '../../../src/figures/format-number.ts';
import { findFigures } from '../../../src/figures/parse-figures.ts';
import { extractMetrics } from '../../../src/ingest/metrics/extract.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';
import { SEED_ARTICLES, articleParagraphs } from '../../../scripts/support/seed-articles.ts';
import { loadTruthSets } from '../../../scripts/support/metrics-truth.ts';
import type { Qualifier } from '../../../src/schemas/metric.ts';

const QUALIFIER_OF: Record<string, Qualifier> = {
  余: 'over',
  多: 'over',
  超: 'over',
  以上: 'over',
  突破: 'over',
  近: 'nearly',
  约: 'about',
  左右: 'about',
  以内: 'under',
  不足: 'under',
};

/** Every figure printed in the seeds, as the truth sets (read by hand) and the extractor give it. */
function printedFigures() {
  const topics = loadTaxonomy().topics;
  const fromTruth = loadTruthSets().flatMap((set) =>
    set.metrics.map((t) => ({
      value: t.value,
      unit: t.unit,
      qualifier: t.qualifier,
      printed: t.printed,
      kind: t.kind,
    })),
  );
  const fromSeeds = SEED_ARTICLES.flatMap((a) => extractMetrics(articleParagraphs(a), { year: a.year, topics }));
  return [...fromTruth, ...fromSeeds].filter((f) => f.printed !== undefined);
}

describe('formatFigure keeps the printed meaning of every figure in the seeds', () => {
  const figures = printedFigures();

  it('covers the printed patterns: 余/多/近/超/以上/左右 with 万/亿, %, ‰, ranks and streaks', () => {
    const printed = figures.map((f) => f.printed ?? '');
    for (const pattern of [
      /\d余万/u,
      /\d万余/u,
      /\d多万/u,
      /^近/u,
      /^突破/u,
      /以上$/u,
      /左右$/u,
      /%/u,
      /‰/u,
      /亿/u,
      /第/u,
      /强$/u,
      /连续/u,
    ]) {
      expect(
        printed.some((p) => pattern.test(p)),
        String(pattern),
      ).toBe(true);
    }
  });

  it('keeps the value, the hedge and where the hedge stands', () => {
    for (const f of figures) {
      const shown = formatFigure(f);
      const where = `${f.printed} → ${shown}`;
      if (f.kind === 'rank' || f.kind === 'streak') {
        expect(shown, where).toBe(rankText(f.printed ?? ''));
        continue;
      }
      const [read, ...more] = findFigures(shown);
      expect(more, where).toEqual([]);
      expect(read?.unit, where).toBe(f.unit === '％' ? '%' : f.unit);
      // Compact figures keep three significant digits: 275.3万 shows as 275万.
      expect(Math.abs((read?.value ?? 0) - f.value) / Math.max(1, f.value), where).toBeLessThan(0.005);
      expect(read?.qualifier, where).toBe(f.qualifier);
      // 2000余万元 is "over 2000万": the hedge never moves behind the magnitude.
      if (/\d[余多][万亿]/u.test(f.printed ?? '')) expect(shown, where).toMatch(/\d余[万亿]/u);
    }
  });

  it("prints the seeds' hedged sums as printed", () => {
    const money = (value: number, printed: string) => formatFigure({ value, unit: '元', qualifier: 'over', printed });
    expect(money(20000000, '2000余万元')).toBe('2000余万元');
    expect(money(10000000, '1000余万元')).toBe('1000余万元');
    expect(money(5590000, '559万余元')).toBe('559万余元');
    expect(formatFigure({ value: 400000, unit: '份', qualifier: 'over', printed: '40多万份' })).toBe('40余万份');
    expect(formatFigure({ value: 60, unit: '%', qualifier: 'about', printed: '60%左右' })).toBe('约60%');
    expect(formatFigure({ value: 400000, unit: '人次', qualifier: 'nearly', printed: '近40万人次' })).toBe(
      '近40万人次',
    );
  });

  it('prints ranks and streaks as printed, numerals as digits', () => {
    const rank = (value: number, printed: string, kind = 'rank') => formatFigure({ value, unit: '名', printed, kind });
    expect(rank(4, '全省第四')).toBe('全省第4');
    expect(rank(3, '前三名')).toBe('前3名');
    expect(rank(20, '全国20强')).toBe('全国20强');
    expect(rank(1, '全市首位')).toBe('全市首位');
    expect(rank(10, '连续十届', 'streak')).toBe('连续10届');
  });

  it('reads the hedge words the seeds print', () => {
    for (const f of figures) {
      const word = Object.keys(QUALIFIER_OF).find((w) => (f.printed ?? '').includes(w) && f.kind !== 'rank');
      if (word !== undefined && f.kind !== 'streak') expect(f.qualifier, f.printed).toBe(QUALIFIER_OF[word]);
    }
  });
});
