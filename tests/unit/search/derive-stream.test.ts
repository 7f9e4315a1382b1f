import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/support/random.ts';
import { buildTraditionalDictionary, traditionalGrams } from '../../../src/search/build/traditional.ts';
import { deriveSearchFiles, searchFilePath, type PagefindFragment } from '../../../src/search/shared/files.ts';
import { buildTermShards, heavyKey, type IndexedPage } from '../../../src/search/shared/terms.ts';
import { referenceSearchFiles, referenceTermShards } from '../../support/search-files-reference.ts';

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
    const { shards, heavy } = buildTermShards(pages, traditional);
    const expected = referenceTermShards(pages, traditional);
    expect(heavy).toEqual(expected.heavy);
    expect(shards.length).toBe(expected.shards.length);
    shards.forEach((shard, n) =>
      expect(Buffer.from(shard).equals(Buffer.from(expected.shards[n]!)), `shard ${n}`).toBe(true),
    );
  });

  it('files heavy grams (a record over SHARD_BYTES) by their keys, after the hash shards, as the in-memory build did', () => {
    // 卫生 and 2020 on every page, many times: records far over SHARD_BYTES.
    const pages = randomPages(5, 300).map((page, i) => ({
      ...page,
      text: `${'卫生'.repeat(12)}${page.text}${'2020年'.repeat(8)}${i}`,
    }));
    const { shards, heavy, layout } = buildTermShards(pages);
    const expected = referenceTermShards(pages);
    expect(heavy.keys).toEqual([heavyKey('20', heavy.bits), heavyKey('卫生', heavy.bits)].sort((a, b) => a - b));
    expect(heavy).toEqual(expected.heavy);
    expect(layout.hashed).toBe(expected.layout.hashed);
    expect(shards.map((shard) => Buffer.from(shard).toString('base64'))).toEqual(
      expected.shards.map((shard) => Buffer.from(shard).toString('base64')),
    );
  });

  it('makes the single empty shard of an index without pages', () => {
    expect(buildTermShards([])).toEqual(referenceTermShards([]));
  });
});

describe('deriveSearchFiles against the in-memory derive it replaced', () => {
  // Fragments as Pagefind writes them: words split by zero-width spaces, blocks ending in ". ", headings as anchors.
  const WORDS = [
    '卫生',
    '健康',
    '医疗',
    '服务',
    '县',
    '局',
    '乡镇',
    '家庭医生',
    '签约',
    '急救',
    '电话',
    '中医药',
    '国医堂',
    '2020',
    '年',
    '98.5%',
    '发展',
    '。',
    '，',
  ];
  function randomFragments(seed: number, count: number): Array<{ id: string; fragment: PagefindFragment }> {
    const random = seededRandom(seed);
    const words = (min: number, max: number) =>
      Array.from({ length: random.int(min, max) }, () => random.pick(WORDS)).join('\u200b');
    return Array.from({ length: count }, (_, n) => {
      const year = String(random.int(2016, 2019));
      const story = random.chance(0.2);
      // Long pages (in excerpt blocks) and short ones; several pages share a time, so the URL breaks the tie.
      const content = Array.from({ length: random.int(1, random.chance(0.3) ? 120 : 4) }, () => words(3, 20)).join(
        '. ',
      );
      const meta: Record<string, string> = {
        title: words(1, 4).replaceAll('\u200b', ''),
        type: story ? 'story' : 'article',
        year,
      };
      if (story) meta.date = `${year}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
      if (random.chance(0.3)) meta.subtitle = words(2, 5).replaceAll('\u200b', '');
      return {
        id: `zh-cn_${n.toString(16).padStart(4, '0')}`,
        fragment: {
          url: `/${story ? 'stories' : 'articles'}/p${random.int(0, 999)}-${n}/`,
          content,
          meta,
          filters: { 类型: [story ? '专题' : '文章'], 年份: [year], 地区: random.chance(0.5) ? ['历城区'] : [] },
          anchors: [
            { element: 'h2', text: words(1, 3).replaceAll('\u200b', '') },
            { element: 'span', text: 'x' },
          ],
        },
      };
    });
  }
  const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const bytes = (data: string | Uint8Array) => Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

  it.each([
    [8, 0],
    [5, 1],
    [6, 33],
    [7, 150],
  ])('seed %i, %i pages: the same files, by name and by bytes', (seed, count) => {
    const fragments = randomFragments(seed, count);
    const expected = referenceSearchFiles(fragments, hash, (texts) => {
      const dictionary = buildTraditionalDictionary(texts);
      return { dictionary, grams: traditionalGrams(dictionary, texts) };
    });
    const made = new Map<string, string | Uint8Array>();
    const result = deriveSearchFiles(
      fragments.map(({ id, fragment }) => ({ id, read: () => fragment })),
      hash,
      (grams) => {
        const dictionary = buildTraditionalDictionary(grams);
        return { dictionary, grams: traditionalGrams(dictionary, grams) };
      },
      (file) => {
        const path = searchFilePath(file);
        expect(made.has(path), path).toBe(false);
        made.set(path, file.data);
      },
    );
    expect(result.pages).toBe(count);
    expect([...made.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, data] of expected) expect(bytes(made.get(path)!).equals(bytes(data)), path).toBe(true);
    // The larger fixtures reach what the comparison must cover: several chunks, excerpt blocks, a Traditional dictionary.
    if (count > 32) {
      expect([...made.keys()].filter((path) => path.startsWith('display/')).length).toBeGreaterThan(1);
      expect([...made.keys()].some((path) => path.startsWith('excerpt/'))).toBe(true);
      expect(String([...made].find(([path]) => path.startsWith('traditional/'))?.[1])).toContain('衛 卫');
    }
  });
});
