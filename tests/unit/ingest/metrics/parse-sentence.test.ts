import { describe, expect, it } from 'vitest';
import { parseParagraph, parseSentence } from '../../../../src/ingest/metrics/parse-sentence.ts';

describe('parseSentence: one reading of a sentence', () => {
  it('holds its figures with why each is or is not a metric, its times, names, ranks and clauses', () => {
    const text = '2020年1月至11月，“1143”工程完成查体7296人，满意度98.5%，名列全省第四。';
    const parsed = parseSentence(text, 2020);
    expect(parsed.figures.map((f) => f.text)).toEqual(['2020年', '1月', '11月', '1143', '7296人', '98.5%']);
    expect(parsed.metrics.map((f) => f.text)).toEqual(['7296人', '98.5%']);
    expect(parsed.exclusions.slice(3)).toEqual(['name', undefined, undefined]);
    expect(parsed.times.map((t) => t.period)).toEqual(['2020-01/2020-11']);
    expect(parsed.names.map((n) => text.slice(n.start, n.end))).toEqual(['“1143”']);
    expect(parsed.ranks.map((r) => [r.printed, r.value])).toEqual([['全省第四', 4]]);
    expect(parsed.clauses.map((c) => text.slice(c.start, c.end))).toEqual([
      '2020年1月至11月',
      '“1143”工程完成查体7296人',
      '满意度98.5%',
      '名列全省第四',
    ]);
    expect(parsed.endsStatement).toBe(true);
  });

  it('reads a paragraph as its sentences and the period of a year that opens it', () => {
    const p = parseParagraph('2019年，全县新建村卫生室12个；改造8个。今年完成签约3000人。', 2020);
    expect(p.lead).toBe('2019');
    expect(p.sentences.map((s) => s.endsStatement)).toEqual([false, true, true]);
    expect(parseParagraph('全县新建村卫生室12个，2019年完成。', 2020).lead).toBeUndefined();
  });
});
