import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findPages, loadFacts } from '../../../src/search/browser/data.ts';
import { deriveSearchFiles, searchFilePath, type PagefindFragment } from '../../../src/search/shared/files.ts';
import { comparePages } from '../../../src/search/shared/pages.ts';
import { normaliseText, parseQuery } from '../../../src/search/shared/query.ts';
import { DEFER_WEIGHT, gramWeight, shardOf } from '../../../src/search/shared/terms.ts';

const hash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

/**
 * 600 pages full of round numbers, so the pair 00 fills a heavy shard; 57000 is printed on three pages and 57001
 * on a fourth (57 and 70 place a candidate there, which its text rules out); 12000 on ten.
 */
function archive(pages = 600): Array<{ id: string; fragment: PagefindFragment }> {
  return Array.from({ length: pages }, (_, i) => {
    // Round hundreds from 1000 to 9900, but never 5700: only the planted figures hold 570.
    const figures = Array.from({ length: 40 }, (_, j) => `${((i * 37 + j * 11) % 90) + 10}00人`)
      .filter((figure) => !figure.startsWith('57'))
      .join('，');
    const planted = [
      i < 3 ? '全县57000名群众' : '',
      i === 3 ? '编号57001' : '',
      i % 60 === 5 ? '投入12000元' : '',
      i % 375 === 9 ? '培训57500人次' : '',
    ];
    const content = `第${i}篇报道。${figures}。${planted.join('')}卫生院建设。`;
    return {
      id: `zh-cn_p${i}`,
      fragment: {
        url: `/articles/p${i}/`,
        content,
        meta: { title: `报道${i}`, type: 'article', year: '2020' },
        filters: { 类型: ['文章'], 年份: ['2020'] },
      },
    };
  });
}

/**
 * The search files of these fragments, served by a stubbed fetch under `bundle` while a describe's tests run
 * (a bundle path of its own: the search page's module keeps what it fetched, by path).
 */
function servedArchive(fragments: ReadonlyArray<{ id: string; fragment: PagefindFragment }>, bundle: string) {
  const files = new Map<string, Uint8Array>();
  deriveSearchFiles(
    fragments.map(({ id, fragment }) => ({ id, read: () => fragment })),
    hash,
    () => ({ dictionary: '', grams: [] }),
    (file) =>
      files.set(searchFilePath(file), typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data),
  );
  // Pages are numbered as the facts file numbers them (comparePages).
  const byNumber = fragments.map(({ id, fragment }) => ({ id, ...fragment })).sort(comparePages);
  const fetched: string[] = [];
  beforeEach(() => {
    fetched.length = 0;
    vi.stubGlobal('fetch', (url: string) => {
      const path = url.slice(bundle.length);
      fetched.push(path);
      const bytes = files.get(path);
      return Promise.resolve(bytes ? new Response(new Uint8Array(bytes)) : new Response('', { status: 404 }));
    });
  });
  afterEach(() => vi.unstubAllGlobals());
  const holding = (term: string): string[] =>
    fragments
      .filter(({ fragment }) => normaliseText(fragment.content).includes(term))
      .map(({ fragment }) => fragment.url);
  return { byNumber, fetched, holding };
}

describe('findPages with a heavy pair in a term', () => {
  const fragments = archive();
  const { byNumber, fetched, holding } = servedArchive(fragments, '/bundle/');

  const found = async (q: string) => {
    const facts = await loadFacts('/bundle/');
    const result = await findPages('/bundle/', parseQuery(q));
    const urls = result.hits.map((hit) => byNumber[hit.page]!.url);
    return { facts, result, urls };
  };

  it('settles a term from the few texts its lighter pairs leave, without the heavy shard', async () => {
    const { facts, result } = await found('57000');
    expect(gramWeight(facts.layout)('00')).toBeGreaterThanOrEqual(DEFER_WEIGHT);
    const heavyShard = shardOf('00', facts.layout);
    expect(fetched.some((path) => path.startsWith('terms/') && path.endsWith(`-${heavyShard}.bin.gz`))).toBe(false);
    // Exactly the pages that print it: the page with 57001 was a candidate, and its text ruled it out.
    expect(result.hits.map((hit) => byNumber[hit.page]!.url).sort()).toEqual(holding('57000').sort());
    expect(result.hits).toHaveLength(3);
    expect(result.proven).toBe(true);
  });

  // Before any other query fetches it: the page keeps what it fetched.
  it('fetches the heavy shard when the lighter pairs leave more pages than a first screen lists', async () => {
    const { facts, urls } = await found('12000');
    expect(urls).toHaveLength(10);
    const heavyShard = shardOf('00', facts.layout);
    expect(fetched.some((path) => path.endsWith(`-${heavyShard}.bin.gz`))).toBe(true);
  });
  it('finds the same pages as a substring scan of every text, whether or not it fetches the heavy shard', async () => {
    for (const q of ['57000', '57001', '12000', '5700', '0000']) {
      const { urls } = await found(q);
      expect(urls.sort(), q).toEqual(holding(normaliseText(q)).sort());
    }
  });
});

describe('findPages with a very heavy pair in a term', () => {
  // Five times the pages: 00 is heavy enough that two dozen texts cost less than its shard.
  const fragments = archive(3_000);
  const { byNumber, fetched, holding } = servedArchive(fragments, '/heavier/');

  it('settles a term from the texts of more pages than a first screen lists when the shard left out is heavier still', async () => {
    const facts = await loadFacts('/heavier/');
    const result = await findPages('/heavier/', parseQuery('57500'));
    expect(result.hits.map((hit) => byNumber[hit.page]!.url).sort()).toEqual(holding('57500').sort());
    // Eight pages print it; 第575篇, 第1575篇 and 第2575篇 were candidates too, which their texts ruled out.
    expect(result.hits).toHaveLength(8);
    const heavyShard = shardOf('00', facts.layout);
    expect(fetched.some((path) => path.endsWith(`-${heavyShard}.bin.gz`))).toBe(false);
  });
});

/** 1,200 pages, most of which print 医养结合 eight times: the archive indexes it as a phrase (src/search/shared/phrases.ts). */
function phraseArchive(): Array<{ id: string; fragment: PagefindFragment }> {
  return Array.from({ length: 1_200 }, (_, i) => {
    const place = '县市区镇乡'[i % 5]!;
    const held =
      i % 20 !== 0 ? Array.from({ length: 8 }, (_, j) => `${place}医养结合${j % 2 ? '服务' : '机构'}第${j}项`) : [];
    const content = `第${i}篇报道。${held.join('，')}。医养与结合分开写。`;
    return {
      id: `zh-cn_m${i}`,
      fragment: {
        url: `/articles/m${i}/`,
        content,
        meta: { title: `报道${i}`, type: 'article', year: '2021' },
        filters: { 类型: ['文章'], 年份: ['2021'] },
      },
    };
  });
}

describe('findPages with an indexed phrase', () => {
  const fragments = phraseArchive();
  const { byNumber, fetched, holding } = servedArchive(fragments, '/phrases/');

  it('looks the phrase up whole, without its pairs, and finds exactly the pages that print it', async () => {
    const facts = await loadFacts('/phrases/');
    const result = await findPages('/phrases/', parseQuery('医养结合'));
    expect(result.hits.map((hit) => byNumber[hit.page]!.url).sort()).toEqual(holding('医养结合').sort());
    expect(result.hits).toHaveLength(1_140);
    expect(result.proven).toBe(true);
    const phraseShard = shardOf('医养结合', facts.layout);
    for (const pair of ['医养', '结合', '养结']) {
      const shard = shardOf(pair, facts.layout);
      if (shard === phraseShard) continue;
      expect(
        fetched.some((path) => path.endsWith(`-${shard}.bin.gz`)),
        pair,
      ).toBe(false);
    }
  });

  it('finds the same pages as a substring scan for phrases, their parts and their extensions', async () => {
    for (const q of ['医养结合', '医养结', '养结合', '县医养结合', '医养结合服务', '医养结合 报道', '结合分开']) {
      const result = await findPages('/phrases/', parseQuery(q));
      const urls = result.hits.map((hit) => byNumber[hit.page]!.url).sort();
      const truth = fragments
        .filter(({ fragment }) => parseQuery(q).terms.every((term) => normaliseText(fragment.content).includes(term)))
        .map(({ fragment }) => fragment.url)
        .sort();
      expect(urls, q).toEqual(truth);
    }
  });
});
