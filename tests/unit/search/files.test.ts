import { describe, expect, it } from 'vitest';
import { buildSearchFiles, pageHeadings, pageText, searchFilePaths } from '../../../src/search/shared/files.ts';
import { readDisplayChunk, readPagesFile } from '../../../src/search/shared/pages.ts';
import { pagesWithTerms, planQuery, readTermShard, shardOf } from '../../../src/search/shared/terms.ts';

const zw = (words: string[]) => words.join('\u200b');
const fragments = [
  {
    id: 'zh-cn_a1',
    fragment: {
      url: '/articles/a/',
      content: `${zw(['提升', '健康', '水平'])}. ${zw(['家庭', '医生', '签约', '。'])}`,
      meta: { title: '提升健康水平', type: 'article', year: '2018' },
      filters: { 类型: ['文章'], 年份: ['2018'] },
    },
  },
  {
    id: 'zh-cn_b2',
    fragment: {
      url: '/stories/b/',
      content: `${zw(['一通', '急救', '电话'])}. ${zw(['医疗', '保障'])}`,
      meta: { title: '一通急救电话', type: 'story', year: '2026', date: '2026-11-25' },
      filters: { 类型: ['专题'], 年份: ['2026'] },
    },
  },
];

describe('pageText', () => {
  it("reads Pagefind's text as a reader would: no word breaks, no stray full stops after Chinese blocks (a block break instead)", () => {
    expect(pageText(fragments[0]!.fragment.content)).toBe('提升健康水平\u2029家庭医生签约。');
  });
});

describe('pageHeadings', () => {
  it('takes the subtitle meta, then the h2–h6 anchors of a fragment, in order, and nothing else', () => {
    const anchors = [
      { element: 'h2', text: ' 医养结合 打通服务“最后一公里” ' },
      { element: 'span', text: '2020年3月，荣获称号；' },
      { element: 'figcaption', text: '图注' },
      { element: 'h3', text: '托育' },
      { element: 'h2', text: '' },
      { element: 'h1', text: '标题' },
    ];
    expect(pageHeadings({ ...fragments[0]!.fragment, anchors })).toEqual(['医养结合 打通服务“最后一公里”', '托育']);
    expect(pageHeadings({ ...fragments[0]!.fragment, meta: { title: '标题', subtitle: '副题' }, anchors })).toEqual([
      '副题',
      '医养结合 打通服务“最后一公里”',
      '托育',
    ]);
    expect(pageHeadings(fragments[0]!.fragment)).toEqual([]);
  });
});

describe('buildSearchFiles', () => {
  const hash = (bytes: Uint8Array) => `h${bytes.length}-${bytes.reduce((sum, byte) => (sum * 31 + byte) % 65_521, 0)}`;
  const files = buildSearchFiles(fragments, hash, (texts) => `dictionary for ${texts.length} texts`);
  const facts = readPagesFile(files.facts);
  const lookup = (gram: string) => readTermShard(files.shards[shardOf(gram, files.shards.length)]!).get(gram);

  it('numbers the pages newest first in the facts, the display chunks and the term index alike', () => {
    expect(facts.pages.map((p) => p.type)).toEqual(['story', 'article']);
    expect(readDisplayChunk(files.chunks[0]!).map((p) => [p.id, p.url, p.title])).toEqual([
      ['zh-cn_b2', '/stories/b/', '一通急救电话'],
      ['zh-cn_a1', '/articles/a/', '提升健康水平'],
    ]);
    expect(pagesWithTerms(planQuery(['医生签约']), lookup, 2)).toEqual([1]);
    expect(pagesWithTerms(planQuery(['急救']), lookup, 2)).toEqual([0]);
    expect(pagesWithTerms(planQuery(['医保']), lookup, 2)).toEqual([]);
    expect(lookup('急救')!.title).toEqual(Uint32Array.from([0]));
  });

  it('names each shard, chunk and the dictionary by a hash of its own bytes, recorded in the facts file', () => {
    const encoder = new TextEncoder();
    expect(files.names).toEqual({
      shards: files.shards.map(hash),
      chunks: files.chunks.map((chunk) => hash(encoder.encode(chunk))),
      traditional: hash(encoder.encode('dictionary for 2 texts')),
    });
    expect(files.traditional).toBe('dictionary for 2 texts');
    expect(facts.names).toEqual(files.names);
    expect(facts.version).toBe(files.version);
    expect(facts.shards).toBe(files.shards.length);
    expect(files.texts.get('zh-cn_b2')).toBe('一通急救电话\u2029医疗保障');
  });

  it('puts the files where the search page looks for them', () => {
    expect(searchFilePaths.facts).toBe('facts.bin.gz');
    expect(searchFilePaths.shard('3f9a1c0b2d', 7)).toBe('terms/3f9a1c0b2d-7.bin.gz');
    expect(searchFilePaths.chunk('3f9a1c0b2d', 2)).toBe('display/3f9a1c0b2d-2.json.gz');
    expect(searchFilePaths.text('zh-cn_a1')).toBe('text/zh-cn_a1.txt.gz');
  });
});
