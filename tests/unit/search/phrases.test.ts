import { describe, expect, it } from 'vitest';
import { PhraseFinder, choosePhrases, phraseSample } from '../../../src/search/shared/phrases.ts';
import {
  buildTermShards,
  countLevel,
  gramPositions,
  pagesWithTerms,
  readTermShard,
  shardOf,
  termsProven,
  type GramPostings,
} from '../../../src/search/shared/terms.ts';

/** Where `term` starts in `text`, overlapping starts included: the truth every count here is judged by. */
function starts(text: string, term: string): number {
  let count = 0;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) count += 1;
  return count;
}

/** A seeded generator, so a failing case can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Texts of a small alphabet, so that many strings recur, overlap and nest (哈哈哈 holds 哈哈 twice). */
function corpus(pages: number, seed: number): string[] {
  const next = random(seed);
  const words = ['医养', '结合', '医养结合', '健康', '扶贫', '哈', '哈哈哈', '服务', '家庭医生', '签约', '率'];
  return Array.from({ length: pages }, () =>
    Array.from({ length: 6 + Math.floor(next() * 20) }, () => words[Math.floor(next() * words.length)]).join(''),
  );
}

describe('choosePhrases', () => {
  const sample = [
    // What comes before each phrase varies, so none always extends to the left.
    ...Array.from({ length: 60 }, (_, i) => `${'县市区镇'[i % 4]}医养结合服务中心`),
    ...Array.from({ length: 30 }, (_, i) => `${'县市区镇'[i % 4]}医养结合机构`),
    ...Array.from({ length: 10 }, (_, i) => `${'县市区镇'[i % 4]}健康扶贫`),
  ];

  it('chooses nothing for an archive smaller than the pages a phrase must be on', () => {
    expect(choosePhrases(sample, 10, 999)).toEqual([]);
    expect(choosePhrases([], 500, 50_000)).toEqual([]);
  });

  it('keeps strings on enough pages that no longer string always extends, most frequent first', () => {
    // 100 sample pages, each standing for 100: a phrase must be on 10 of them.
    const chosen = choosePhrases(sample, 100, 10_000);
    expect(chosen.slice(0, 2)).toEqual(['医养结合', '医养结合服务中心']);
    expect(chosen).toContain('医养结合机构');
    expect(chosen).toContain('健康扶贫');
    // Always followed by 合, or always part of a longer phrase held as often: not closed.
    for (const part of ['医养结', '养结合', '扶贫', '健康扶', '医养结合服']) expect(chosen).not.toContain(part);
  });

  it('needs more pages of a smaller archive, and keeps at most `limit`', () => {
    // Each sample page stands for 12: 84 of them.
    expect(choosePhrases(sample, 12, 1_200)).toEqual(['医养结合']);
    expect(choosePhrases(sample, 100, 10_000, { limit: 1 })).toEqual(['医养结合']);
    expect(choosePhrases(sample, 100, 10_000, { maxChars: 4 })).not.toContain('医养结合机构');
  });

  it('samples by the top of the key, so one page added leaves the rest of the sample alone', () => {
    expect(phraseSample([5, 6, 7], 1000)).toEqual({ pages: [0, 1, 2], scale: 1 });
    const keys = Array.from({ length: 4_000 }, (_, i) => (i * 2_654_435_761) >>> 0);
    const { pages, scale } = phraseSample(keys, 1000);
    expect(scale).toBe(4);
    expect(pages.every((i) => keys[i]! < 2 ** 30)).toBe(true);
    expect(pages.length).toBeGreaterThan(900);
    const added = phraseSample([...keys.slice(0, 10), 12, ...keys.slice(10)], 1000);
    expect(added.scale).toBe(4);
    expect(added.pages.filter((i) => i !== 10).map((i) => (i > 10 ? i - 1 : i))).toEqual(pages);
  });
});

describe('PhraseFinder', () => {
  it('counts every start of every phrase, overlapping and nested ones too', () => {
    const phrases = ['哈哈哈', '医养结合', '医养结合服务', '家庭医生签约'];
    const finder = new PhraseFinder(phrases);
    for (const text of corpus(200, 7)) {
      const chars = [...text];
      const counted = finder.count(chars, gramPositions(text));
      for (const phrase of phrases) expect(counted.get(phrase) ?? 0, `${phrase} in ${text}`).toBe(starts(text, phrase));
    }
  });
});

describe('the term index with phrases', () => {
  const texts = corpus(300, 11);
  const pages = texts.map((text, i) => ({
    text,
    title: i % 7 === 0 ? '医养结合的家' : '标题',
    headings: i % 5 === 0 ? ['健康扶贫', '小节'] : [],
  }));
  const phrases = choosePhrases(texts, 1, 300, { minPages: 60 });
  const index = buildTermShards(pages, [], phrases);
  const shards = index.shards.map(readTermShard);
  const lookup = (gram: string): GramPostings | undefined => shards[shardOf(gram, index.layout)]!.get(gram);
  const holding = (pick: (page: (typeof pages)[number]) => string, term: string) =>
    pages.flatMap((page, i) => (pick(page).includes(term) ? [i] : []));

  it('chose phrases from this corpus', () => {
    expect(phrases.length).toBeGreaterThan(10);
    expect(phrases).toContain('医养结合');
  });

  it('files each phrase with exactly the pages, counts, titles and headings that hold it', () => {
    for (const phrase of phrases) {
      const record = lookup(phrase)!;
      expect([...record.pages], phrase).toEqual(holding((page) => page.text, phrase));
      expect([...record.levels], phrase).toEqual([...record.pages].map((i) => countLevel(starts(texts[i]!, phrase))));
      expect([...record.title], phrase).toEqual(holding((page) => page.title, phrase));
      expect([...record.heading], phrase).toEqual(holding((page) => page.headings.join('|'), phrase));
      expect(record.positions).toEqual([]);
    }
  });

  it('finds the same pages by a phrase as by its pairs, and the phrase proves the term', () => {
    for (const phrase of phrases) {
      const whole = [{ term: phrase, grams: [phrase] }];
      const pairs = [{ term: phrase, grams: [...new Set([...phrase].slice(1).map((ch, i) => `${phrase[i]}${ch}`))] }];
      expect(pagesWithTerms(whole, lookup, pages.length), phrase).toEqual(pagesWithTerms(pairs, lookup, pages.length));
      expect(pagesWithTerms(whole, lookup, pages.length), phrase).toEqual(holding((page) => page.text, phrase));
      expect(termsProven(whole)).toBe(true);
    }
  });

  it('leaves the characters and pairs as they were', () => {
    const without = buildTermShards(pages).shards.map(readTermShard);
    const plain = new Map(without.flatMap((shard) => [...shard]));
    for (const [gram, record] of plain) expect(lookup(gram), gram).toEqual(record);
  });
});
