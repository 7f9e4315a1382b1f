import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/support/random.ts';
import { buildTermShards, type IndexedPage } from '../../../src/search/shared/terms.ts';
import { referenceTermShards } from '../../support/search-files-reference.ts';

// Characters of every kind the index meets: common Chinese, Latin and digits, full-width punctuation, and
// characters outside the BMP (surrogate pairs), which the gram order and the UTF-8 lengths must get right.
const POOL = [...'卫生健康医疗服务县局乡镇村家庭签约急救电话中医药国医堂的一是在了和人abcXY1234，。、；：“”𠀋𡈽😀'];

function randomPages(seed: number, count: number): IndexedPage[] {
  const random = seededRandom(seed);
  const text = (min: number, max: number) =>
    Array.from({ length: random.int(min, max) }, () => random.pick(POOL)).join('');
  return Array.from({ length: count }, () => ({
    // Some pages long (a pair repeated often), some empty.
    text: random.chance(0.05) ? '' : text(1, random.chance(0.1) ? 4000 : 300),
    title: text(0, 12),
    headings: Array.from({ length: random.int(0, 3) }, () => text(0, 10)),
  }));
}

describe('TermIndexBuilder (buildTermShards) against the in-memory build it replaced', () => {
  it.each([
    [1, 1],
    [2, 7],
    [3, 60],
    [4, 400],
  ])('seed %i, %i pages: byte-identical shards, markers included', (seed, count) => {
    const pages = randomPages(seed, count);
    const traditional = ['衛生', '醫療', '衛', '卫生', '𠀋𠀋', '醫'];
    const shards = buildTermShards(pages, traditional);
    const expected = referenceTermShards(pages, traditional);
    expect(shards.length).toBe(expected.length);
    shards.forEach((shard, n) => expect(Buffer.from(shard).equals(Buffer.from(expected[n]!)), `shard ${n}`).toBe(true));
  });

  it('makes the single empty shard of an index without pages', () => {
    expect(buildTermShards([])).toEqual(referenceTermShards([]));
  });
});
