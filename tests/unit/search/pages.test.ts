import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  CHUNK_PAGES,
  buildDisplayChunks,
  buildFiltersFile,
  buildPagesFile,
  chunkOf,
  comparePages,
  lengthCode,
  lengthOfCode,
  readDisplayChunk,
  readFiltersFile,
  readPagesFile,
  type PageSource,
} from '../../../src/search/shared/pages.ts';
import { NO_HEAVY_KEYS } from '../../../src/search/shared/terms.ts';

const article = (slug: string, year: string, region: string, topics: string[]): PageSource => ({
  id: `zh-cn_${slug}`,
  url: `/articles/${slug}/`,
  meta: { title: `${region}${year}`, type: 'article', region, year, authors: '都慧芳' },
  filters: { 类型: ['文章'], 地区: [region], 年份: [year], 主题: topics },
});
const story: PageSource = {
  id: 'zh-cn_story',
  url: '/stories/timeline/',
  meta: { title: '时间线', type: 'story', year: '2026', date: '2026-11-25', regions: '巨野县、聊城市' },
  filters: { 类型: ['专题'], 地区: ['巨野县', '聊城市'], 年份: ['2026'], 主题: ['党建'] },
};
const pages = [
  article('juye-2020', '2020', '巨野县', ['健康扶贫', '党建']),
  story,
  article('shanting-2018', '2018', '山亭区', []),
  article('juye-2020-2', '2020', '巨野县', ['党建']),
];

describe('comparePages', () => {
  it('numbers pages newest first (year, then date), then by URL', () => {
    expect([...pages].sort(comparePages).map((p) => p.url)).toEqual([
      '/stories/timeline/',
      '/articles/juye-2020-2/',
      '/articles/juye-2020/',
      '/articles/shanting-2018/',
    ]);
  });
});

describe('buildPagesFile and readPagesFile', () => {
  const names = { directories: ['d0'], chunks: ['c0', 'c1'], traditional: 't', filters: 'f' };
  const read = readPagesFile(
    buildPagesFile(pages, {
      version: 'v1',
      names,
      shards: { hashed: 3, heavy: { bits: 12, keys: [7, 300], weights: [2, 9] } },
      chunkPages: 2,
      shardsPerDirectory: 128,
    }),
  );

  it('gives back every page’s type and time rank, and the build’s version, file names and chunk size', () => {
    const { version, shards, chunkPages, shardsPerDirectory } = read;
    expect({
      version,
      shards,
      heavy: [...read.layout.heavy.keys()],
      weights: [...read.layout.weights.values()],
      chunkPages,
      shardsPerDirectory,
      names: read.names,
    }).toEqual({
      version: 'v1',
      shards: 5,
      heavy: [7, 300],
      weights: [2, 9],
      chunkPages: 2,
      shardsPerDirectory: 128,
      names,
    });
    expect(read.pages.map((p) => p.type)).toEqual(['article', 'story', 'article', 'article']);
  });

  it('gives back every page’s filter values from the filters file, by page', () => {
    const filters = readFiltersFile(buildFiltersFile(pages));
    expect(filters[0]).toEqual({
      类型: ['文章'],
      地区: ['巨野县'],
      年份: ['2020'],
      主题: ['党建', '健康扶贫'].sort(),
    });
    expect(filters[1]).toEqual({
      类型: ['专题'],
      地区: ['巨野县', '聊城市'].sort(),
      年份: ['2026'],
      主题: ['党建'],
    });
    expect(filters[2]!.主题).toEqual([]);
  });

  it('ranks pages in time order, equal for the same time', () => {
    const [juye, timeline, shanting, juye2] = read.pages.map((p) => p.time);
    expect(juye).toBe(juye2);
    expect(shanting!).toBeLessThan(juye!);
    expect(juye!).toBeLessThan(timeline!);
  });

  it('takes a few bytes a page once gzipped, far less than the pages’ metadata as JSON', () => {
    const oneShard = {
      names: { directories: ['d'], chunks: [], traditional: 't', filters: 'f' },
      shards: { hashed: 1, heavy: NO_HEAVY_KEYS },
      shardsPerDirectory: 128,
    };
    const regions = ['巨野县', '山亭区', '商河县', '聊城市', '济阳区', '东阿县', '冠县', '莘县'];
    const topics = ['党建', '健康扶贫', '疫情防控', '妇幼健康', '医养结合与老年健康', '计划生育'];
    const many = Array.from({ length: 2_000 }, (_, i) =>
      article(
        `a-${i}`,
        String(2018 + (i % 7)),
        regions[(i * 7) % regions.length]!,
        topics.filter((_, t) => (i >> t) % 3 === 0),
      ),
    );
    const gzipped = gzipSync(buildPagesFile(many, { version: 'v', ...oneShard, chunkPages: CHUNK_PAGES }), {
      level: 9,
    }).length;
    expect(gzipped / many.length).toBeLessThan(2);
    const filters = gzipSync(buildFiltersFile(many), { level: 9 }).length;
    expect(filters).toBeLessThan(gzipSync(JSON.stringify(many.map((p) => p.filters)), { level: 9 }).length / 3);
    expect(readFiltersFile(buildFiltersFile(many)).map((p) => p.主题)).toEqual(
      many.map((p) => [...p.filters.主题!].sort()),
    );
  });

  it('keeps each page’s text length to within 2%, and every filter value whether written as gaps or as a bit set', () => {
    for (const length of [1, 7, 386, 2_807, 15_929, 250_000]) {
      const kept = lengthOfCode(lengthCode(length));
      expect(Math.abs(kept - length) / length, String(length)).toBeLessThanOrEqual(0.02);
    }
    // 40 regions (gaps) and 20 topics, about half of them a page (a bit set): both read back whole.
    const many = Array.from({ length: 300 }, (_, i) =>
      article(
        `p${i}`,
        String(2018 + (i % 7)),
        `地区${i % 40}`,
        Array.from({ length: 20 }, (_, t) => `主题${t}`).filter((_, t) => (i * 7 + t * 13) % 3 !== 0),
      ),
    );
    expect(readFiltersFile(buildFiltersFile(many))).toEqual(
      many.map((p) => ({
        类型: ['文章'],
        地区: p.filters.地区,
        年份: p.filters.年份,
        主题: [...p.filters.主题!].sort(),
      })),
    );
  });
});

describe('buildDisplayChunks and readDisplayChunk', () => {
  it('puts chunkPages pages in each chunk, with what a result row shows and nothing else', () => {
    const chunks = buildDisplayChunks(pages, 3);
    expect(chunks).toHaveLength(2);
    const first = readDisplayChunk(chunks[0]!);
    expect(first[0]).toEqual({
      id: 'zh-cn_juye-2020',
      url: '/articles/juye-2020/',
      title: '巨野县2020',
      region: '巨野县',
      regions: '',
      year: '2020',
      date: '',
    });
    expect(first[1]).toEqual({
      id: 'zh-cn_story',
      url: '/stories/timeline/',
      title: '时间线',
      region: '',
      regions: '巨野县、聊城市',
      year: '2026',
      date: '2026-11-25',
    });
    expect(chunks[0]).not.toContain('都慧芳');
    expect(readDisplayChunk(chunks[1]!).map((p) => p.id)).toEqual(['zh-cn_juye-2020-2']);
  });

  it('finds a page’s chunk and place', () => {
    expect(chunkOf(0, 32)).toEqual({ chunk: 0, at: 0 });
    expect(chunkOf(70, 32)).toEqual({ chunk: 2, at: 6 });
  });
});
