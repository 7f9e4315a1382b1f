import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_GRAMS,
  SHARD_BYTES,
  buildTermShards,
  collectPostings,
  countLevel,
  deferHeavyGrams,
  gramHash,
  gramWeight,
  gramsProveTerm,
  hashShardCount,
  heavyKey,
  heavyKeyBits,
  pagesWithTerms,
  planQuery,
  readTermShard,
  shardOf,
  shardsForGrams,
  shardCount,
  shardLayout,
  termGrams,
  termsProven,
  type GramPostings,
} from '../../../src/search/shared/terms.ts';
import { containsAllTerms, normaliseText, parseQuery } from '../../../src/search/shared/query.ts';

const pages = [
  { title: '医保改革', text: '山亭区推进医保支付方式改革，家庭医生签约服务。医保医保医保', headings: ['家庭医生'] },
  { title: '国医堂', text: '中医药：国医堂建设；保健食品抽检。', headings: ['中医', '药品'] }, // 医 and 保 both occur, never 医保 together
  { title: '', text: '签约率２５％，５８个村，８０人。', headings: [] }, // full-width: 25, 58 and 80 occur apart
  { title: 'surrogate', text: '𠀀𠀁 surrogate pairs', headings: [] },
  // Every pair of 国医堂 and of 签约服务 occurs, never the whole term: 国医 and 医堂, 签约, 约服 and 服务 apart.
  { title: '', text: '国医、医堂。签约；约服，服务', headings: [] },
];
const index = buildTermShards(pages);
const shards = index.shards.map(readTermShard);
const lookup = (gram: string): GramPostings | undefined => shards[shardOf(gram, index.layout)]!.get(gram);
const check = (q: string) => pagesWithTerms(planQuery(parseQuery(q).terms), lookup, pages.length);

describe('termGrams and gramsProveTerm', () => {
  it('is the character itself for a one-character term, each distinct neighbouring pair otherwise', () => {
    expect(termGrams('医')).toEqual(['医']);
    expect(termGrams('医保')).toEqual(['医保']);
    expect(termGrams('哈哈哈')).toEqual(['哈哈']);
    expect(termGrams('97.4%')).toEqual(['97', '7.', '.4', '4%']);
    expect(termGrams('𠀀𠀁')).toEqual(['𠀀𠀁']);
    expect(termGrams('')).toEqual([]);
  });

  it('proves one- and two-character terms only', () => {
    expect(['医', '医保', '𠀀𠀁'].map(gramsProveTerm)).toEqual([true, true, true]);
    expect(['医养结合', '25%'].map(gramsProveTerm)).toEqual([false, false]);
  });
});

describe('countLevel', () => {
  it('steps once, 2–3, 4–7, 8 or more', () => {
    expect([0, 1, 2, 3, 4, 7, 8, 100].map(countLevel)).toEqual([0, 1, 2, 2, 3, 3, 4, 4]);
  });
});

describe('planQuery', () => {
  it('looks up the pairs that cover each term’s characters', () => {
    expect(planQuery(['家庭医生', '签约'])).toEqual([
      { term: '家庭医生', grams: ['家庭', '医生'] },
      { term: '签约', grams: ['签约'] },
    ]);
  });

  it('keeps at most MAX_QUERY_GRAMS for a long query, every term still covered', () => {
    const long = '山亭区推进医保支付方式改革家庭医生签约服务';
    const plans = planQuery([long, '医保']);
    const grams = new Set(plans.flatMap((p) => p.grams));
    expect(grams.size).toBeLessThanOrEqual(MAX_QUERY_GRAMS);
    expect(plans[1]).toEqual({ term: '医保', grams: ['医保'] });
    // The long term's pairs are its own, from the start.
    for (const gram of plans[0]!.grams) expect(long).toContain(gram);
    expect(plans[0]!.grams[0]).toBe('山亭');
  });

  it('leaves out a heavy pair first where the term’s other pairs cover its characters, and only then', () => {
    // Heavier first: the first gram listed weighs most.
    const heavy =
      (...grams: string[]) =>
      (gram: string): number | undefined =>
        grams.includes(gram) ? grams.length - grams.indexOf(gram) : undefined;
    expect(planQuery(['11861'], heavy('18'))[0]!.grams).toEqual(['11', '86', '61']);
    // 00 is printed twice in 57000; the last two characters need it, and it covers the 0 after 7.
    expect(planQuery(['57000'], heavy('00'))[0]!.grams).toEqual(['57', '00']);
    // The first and last pairs are always needed; a pair between two others is not.
    expect(planQuery(['服务中心'], heavy('服务'))[0]!.grams).toEqual(['服务', '中心']);
    expect(planQuery(['优质服务中心'], heavy('服务'))[0]!.grams).toEqual(['优质', '质服', '务中', '中心']);
    // Two heavy neighbours: the heavier (first listed) goes, then the other is needed.
    expect(planQuery(['卫生健康'], heavy('生健', '卫生'))[0]!.grams).toEqual(['卫生', '健康']);
    expect(termsProven(planQuery(['11861', '优质服务中心'], heavy('18', '服务')))).toBe(true);
  });

  it('finds the same pages with pairs left out (heavy or not) as with every pair, for every term of three to five characters', () => {
    const texts = pages.map((page) => normaliseText(page.text));
    const terms = new Set<string>();
    for (const text of texts) {
      const chars = [...text];
      for (let length = 3; length <= 5; length += 1)
        for (let i = 0; i + length <= chars.length; i += 1) terms.add(chars.slice(i, i + length).join(''));
    }
    // Every pair heavy at once: the plan keeps as few as cover each term.
    const pairs = new Set([...collectPostings(pages).keys()].filter((g) => [...g].length === 2));
    const everyPair = (gram: string): number | undefined => (pairs.has(gram) ? gramHash(gram) % 7 : undefined);
    let fewer = 0;
    for (const term of terms) {
      const lean = planQuery([term], everyPair);
      if (lean[0]!.grams.length < termGrams(term).length) fewer += 1;
      const every = pagesWithTerms([{ term, grams: termGrams(term) }], lookup, pages.length);
      expect(pagesWithTerms(lean, lookup, pages.length), term).toEqual(every);
      expect(pagesWithTerms(planQuery([term]), lookup, pages.length), term).toEqual(every);
    }
    expect(fewer).toBeGreaterThan(terms.size / 3);
  });
});

describe('deferHeavyGrams', () => {
  const weights = (entries: Record<string, number>) => (gram: string) => entries[gram];

  it('replaces a heavy pair by the pairs beside it, and marks the term for its texts to settle', () => {
    const heavy00 = weights({ '00': 19 });
    const plans = planQuery(['57000'], heavy00);
    expect(plans[0]!.grams).toEqual(['57', '00']);
    expect(deferHeavyGrams(plans, heavy00)).toEqual({
      plans: [{ term: '57000', grams: ['57', '70'] }],
      unproven: ['57000'],
    });
    const heavyAction = weights({ 行动: 13 });
    const longer = planQuery(['槐荫护苗行动'], heavyAction);
    expect(longer[0]!.grams).toEqual(['槐荫', '护苗', '行动']);
    expect(deferHeavyGrams(longer, heavyAction).plans[0]!.grams).toEqual(['槐荫', '护苗', '苗行']);
  });

  it('leaves a plan alone when the shard left out would not outweigh the pairs added fourfold, or nothing is left', () => {
    // 1200034 is planned as 12, 00 and 34; without 00 it needs 20 and 03: two pairs added, so 00 must weigh eight
    // times SHARD_BYTES (weight 12) to be left out.
    const light = weights({ '00': 11 });
    const plans = planQuery(['1200034'], light);
    expect(plans[0]!.grams).toEqual(['12', '00', '34']);
    expect(deferHeavyGrams(plans, light)).toEqual({ plans, unproven: [] });
    const heavier = weights({ '00': 12 });
    expect(deferHeavyGrams(plans, heavier).plans[0]!.grams).toEqual(['12', '20', '03', '34']);
    const zeros = weights({ '00': 19 });
    expect(deferHeavyGrams(planQuery(['0000'], zeros), zeros).unproven).toEqual([]);
    expect(deferHeavyGrams(planQuery(['00'], zeros), zeros).unproven).toEqual([]);
    // A term without a heavy pair is untouched beside one that has it.
    const both = planQuery(['家庭医生', '57000'], zeros);
    expect(deferHeavyGrams(both, zeros).plans[0]).toEqual(both[0]);
  });
});

describe('gramHash and shardOf', () => {
  it('hash the whole gram (FNV-1a), so grams of one first character spread over shards', () => {
    expect(gramHash('')).toBe(0x811c9dc5);
    expect(gramHash('a')).toBe(0xe40c292c);
    const layout = shardLayout(64);
    const spread = new Set(
      ['医保', '医生', '医养', '医院', '医疗', '医药', '医师', '医务'].map((g) => shardOf(g, layout)),
    );
    expect(spread.size).toBeGreaterThan(4);
    expect(shardsForGrams(['医保', '医保', '医生'], layout)).toEqual(
      [...new Set([shardOf('医保', layout), shardOf('医生', layout)])].sort((a, b) => a - b),
    );
  });

  it('file the grams of a heavy key together, after the hash shards, in key order', () => {
    const bits = heavyKeyBits(2);
    const keys = [heavyKey('服务', bits), heavyKey('20', bits)].sort((a, b) => a - b);
    const layout = shardLayout(64, { bits, keys, weights: [3, 1] });
    expect(bits).toBe(12);
    expect(shardOf('服务', layout)).toBe(64 + keys.indexOf(heavyKey('服务', bits)));
    expect(shardOf('20', layout)).toBe(64 + keys.indexOf(heavyKey('20', bits)));
    expect(shardCount(layout)).toBe(66);
    // A gram of another key stays in its hash shard.
    const rare = ['医保', '医生', '签约', '家庭'].find((gram) => !keys.includes(heavyKey(gram, bits)))!;
    expect(shardOf(rare, layout)).toBe(shardOf(rare, shardLayout(64)));
    // The planner reads the weights by gram.
    expect(gramWeight(layout)('服务')).toBe(keys[0] === heavyKey('服务', bits) ? 3 : 1);
    expect(gramWeight(layout)(rare)).toBeUndefined();
  });

  it('give keys enough bits that a heavy key is one in about 256', () => {
    expect(heavyKeyBits(0)).toBe(0);
    expect(heavyKeyBits(2_682)).toBe(20);
    const grams = Array.from({ length: 20_000 }, (_, i) =>
      String.fromCodePoint(0x4e00 + (i % 2000), 0x4e00 + Math.floor(i / 2000)),
    );
    const heavyKeys = new Set(grams.slice(0, 100).map((gram) => heavyKey(gram, heavyKeyBits(100))));
    const joined = grams.slice(100).filter((gram) => heavyKeys.has(heavyKey(gram, heavyKeyBits(100)))).length;
    expect(joined / grams.length).toBeLessThan(0.01);
  });
});

describe('collectPostings', () => {
  const postings = collectPostings(pages);

  it('lists the pages of each gram ascending, with a count level per page and the pages whose title holds it', () => {
    const medical = postings.get('医保')!;
    expect(Array.from(medical.pages)).toEqual([0]);
    expect(Array.from(medical.levels)).toEqual([countLevel(4)]);
    // 山亭区推进医保… : 医保 starts at code points 5, 21, 23 and 25 of the normalised text.
    expect(medical.positions.map((at) => Array.from(at))).toEqual([[5, 21, 23, 25]]);
    expect(postings.get('医')!.positions).toEqual([]);
    expect(Array.from(medical.title)).toEqual([0]);
    const doctor = postings.get('医')!;
    expect(Array.from(doctor.pages)).toEqual([0, 1, 4]);
    expect(Array.from(doctor.title)).toEqual([0, 1]);
    expect(Array.from(postings.get('签约')!.pages)).toEqual([0, 2, 4]);
    expect(Array.from(postings.get('签约')!.title)).toEqual([]);
  });

  it('lists the pages one of whose headings holds a gram, never a pair that spans two headings', () => {
    expect(Array.from(postings.get('医生')!.heading)).toEqual([0]);
    expect(Array.from(postings.get('医')!.heading)).toEqual([0, 1]);
    expect(Array.from(postings.get('中医')!.heading)).toEqual([1]);
    expect(postings.get('医药')?.heading ?? new Uint32Array(0)).toHaveLength(0);
  });
});

describe('buildTermShards and readTermShard', () => {
  it('files every gram once, in the shard shardOf names, and reads back what was collected', () => {
    const collected = collectPostings(pages);
    const filed = shards.flatMap((shard, n) => [...shard.keys()].map((gram) => [gram, n] as const));
    expect(filed.map(([gram]) => gram).sort()).toEqual([...collected.keys()].sort());
    for (const [gram, n] of filed) {
      expect(shardOf(gram, index.layout)).toBe(n);
      const read = shards[n]!.get(gram)!;
      const want = collected.get(gram)!;
      expect(
        {
          pages: Array.from(read.pages),
          levels: Array.from(read.levels),
          positions: read.positions.map((at) => Array.from(at)),
          title: Array.from(read.title),
          heading: Array.from(read.heading),
        },
        gram,
      ).toEqual({
        pages: Array.from(want.pages),
        levels: Array.from(want.levels),
        positions: want.positions.map((at) => Array.from(at)),
        title: Array.from(want.title),
        heading: Array.from(want.heading),
      });
    }
  });

  it('makes more shards for more text, each about SHARD_BYTES, the same bytes for the same pages', () => {
    expect(shards).toHaveLength(1);
    // 500 pages of 80 characters drawn from 1,500 (a deterministic scramble): about 40,000 distinct pairs.
    const char = (n: number) => String.fromCodePoint(0x4e00 + (n % 1_500));
    const many = Array.from({ length: 500 }, (_, i) => ({
      title: '',
      text: Array.from({ length: 80 }, (_, j) => char(i * 7_919 + j * j * 104_729)).join(''),
      headings: [],
    }));
    const built = buildTermShards(many);
    expect(built.heavy.keys).toEqual([]);
    expect(built.shards.length).toBeGreaterThan(5);
    const sizes = built.shards.map((shard) => shard.length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(SHARD_BYTES * 0.8);
    expect(mean).toBeLessThan(SHARD_BYTES * 1.25);
    // Filed by hash, a shard of a few dozen records can draw twice its share.
    expect(Math.max(...sizes)).toBeLessThan(SHARD_BYTES * 2.5);
    expect(buildTermShards(many)).toEqual(built);
  });
});

describe('pagesWithTerms', () => {
  it('finds exactly the pages that contain a one- or two-character term', () => {
    expect(check('医保')).toEqual([0]);
    expect(check('签约')).toEqual([0, 2, 4]);
    expect(check('医')).toEqual([0, 1, 4]);
    expect(check('青岛')).toEqual([]);
    expect(check('𠀀𠀁')).toEqual([3]);
  });

  it('compares in the normalised form queries are in (full-width digits, case, spaces)', () => {
    expect(check('25%')).toEqual([2]);
    expect(check('SURROGATE')).toEqual([3]);
    expect(check('家庭 医生')).toEqual([0]);
  });

  it('requires every term of a query, and lists every page for none', () => {
    expect(check('签约 医保')).toEqual([0]);
    expect(check('签约 国医堂')).toEqual([]);
    expect(check('')).toEqual([0, 1, 2, 3, 4]);
  });

  it('finds exactly the pages that contain the terms, for terms of three or more characters too', () => {
    for (const q of [
      '医保',
      '家庭医生签约',
      '国医堂',
      '签约服务',
      '保健',
      '2580',
      '签约率',
      '25',
      '８０人',
      '医保医保',
      '签约 国医堂',
      '山亭区推进医保支付方式改革家庭医生签约服务',
    ]) {
      const truth = pages.flatMap((page, i) => (containsAllTerms(page.text, parseQuery(q).terms) ? [i] : []));
      expect(check(q), q).toEqual(truth);
    }
    // 25, 58 and 80 all occur on page 2, 2580 nowhere; page 4 holds every pair of 国医堂 and of 签约服务, apart.
    expect(check('2580')).toEqual([]);
    expect(check('国医堂')).toEqual([1]);
    expect(check('签约服务')).toEqual([0]);
  });

  it('proves a term only while its looked-up pairs cover every character', () => {
    expect(termsProven(planQuery(['国医堂', '签约']))).toBe(true);
    const long = Array.from({ length: 2 * MAX_QUERY_GRAMS + 4 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    expect(termsProven(planQuery([long]))).toBe(false);
  });

  it('counts hash shards of about SHARD_BYTES that a small edit seldom re-counts', () => {
    expect(hashShardCount(0)).toBe(1);
    expect(hashShardCount(SHARD_BYTES * 3)).toBe(3);
    let last = 0;
    let changed = 0;
    let tried = 0;
    // From 70 shards (6 articles) to 36,000 (5,000 articles): a sentence adds a few hundred bytes of records.
    for (let bytes = 280_000; bytes < 150_000_000; bytes = Math.ceil(bytes * 1.013)) {
      const count = hashShardCount(bytes);
      expect(count).toBeGreaterThanOrEqual(last);
      expect(Math.abs(bytes / count / SHARD_BYTES - 1)).toBeLessThan(0.05);
      last = count;
      tried += 1;
      if (hashShardCount(bytes + 500) !== count) changed += 1;
    }
    // One shard per SHARD_BYTES exactly would re-count about one edit in eight here.
    expect(changed / tried).toBeLessThan(0.01);
  });
});
