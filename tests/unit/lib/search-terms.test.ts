import { describe, expect, it } from 'vitest';
import { TERM_SHARD_COUNT, buildTermShards, pagesWithTerms, shardOf, shardsForTerms, termGrams, type TermShard } from '../../../src/lib/search-terms.ts';
import { containsAllTerms, parseQuery } from '../../../src/lib/search-query.ts';

const texts = [
  '山亭区推进医保支付方式改革，家庭医生签约服务。',
  '中医药：国医堂建设；保健食品抽检。', // 医 and 保 both occur, never 医保 together
  '签约率２５％，５８个村，８０人。', // full-width: 25, 58 and 80 occur apart
  '𠀀𠀁 surrogate pairs',
];
const shards = buildTermShards(texts);
const all = new Map(shards.map((shard, n) => [n, shard]));
const check = (q: string) => pagesWithTerms(parseQuery(q).terms, all, texts.length);

describe('termGrams', () => {
  it('is the character itself for a one-character term, each distinct neighbouring pair otherwise', () => {
    expect(termGrams('医')).toEqual(['医']);
    expect(termGrams('医保')).toEqual(['医保']);
    expect(termGrams('哈哈哈')).toEqual(['哈哈']);
    expect(termGrams('97.4%')).toEqual(['97', '7.', '.4', '4%']);
    expect(termGrams('𠀀𠀁')).toEqual(['𠀀𠀁']);
    expect(termGrams('')).toEqual([]);
  });
});

describe('buildTermShards and pagesWithTerms', () => {
  it('files every gram of every text once, in its shard, pages ascending', () => {
    expect(shards).toHaveLength(TERM_SHARD_COUNT);
    expect(shards[shardOf('医保')]!['医保']).toEqual([0]);
    expect(shards[shardOf('签约')]!['签约']).toEqual([0, 2]);
    expect(shards[shardOf('医')]!['医']).toEqual([0, 1]);
    for (const [n, shard] of shards.entries()) for (const gram of Object.keys(shard)) expect(shardOf(gram)).toBe(n);
  });

  it('finds exactly the pages that contain a one- or two-character term', () => {
    expect(check('医保')).toEqual([0]);
    expect(check('签约')).toEqual([0, 2]);
    expect(check('医')).toEqual([0, 1]);
    expect(check('青岛')).toEqual([]);
    expect(check('𠀀𠀁')).toEqual([3]);
  });

  it('compares in the normalised form queries are in (full-width digits, case, spaces)', () => {
    expect(check('25%')).toEqual([2]);
    expect(check('SURROGATE')).toEqual([3]);
    expect(check('家庭 医生')).toEqual([0]);
  });

  it('requires every term of a query', () => {
    expect(check('签约 医保')).toEqual([0]);
    expect(check('签约 国医堂')).toEqual([]);
  });

  it('never leaves out a page that contains the terms; may keep one whose pairs occur apart', () => {
    for (const q of ['医保', '家庭医生签约', '国医堂', '保健', '2580', '签约率', '25', '８０人']) {
      const truth = texts.flatMap((text, i) => (containsAllTerms(text, parseQuery(q).terms) ? [i] : []));
      expect(check(q), q).toEqual(expect.arrayContaining(truth));
    }
    // 25, 58 and 80 all occur on page 2, 2580 nowhere: the page's text settles it when shown.
    expect(check('2580')).toEqual([2]);
    expect(containsAllTerms(texts[2]!, ['2580'])).toBe(false);
  });

  it('lists every page for no terms, and needs only the shards shardsForTerms names', () => {
    expect(pagesWithTerms([], new Map(), texts.length)).toEqual([0, 1, 2, 3]);
    const terms = parseQuery('家庭医生 签约').terms;
    const needed = new Map<number, TermShard>(shardsForTerms(terms).map((n) => [n, shards[n]!]));
    expect(pagesWithTerms(terms, needed, texts.length)).toEqual([0]);
    expect(() => pagesWithTerms(['医保'], new Map(), texts.length)).toThrow(/shard/u);
  });
});
