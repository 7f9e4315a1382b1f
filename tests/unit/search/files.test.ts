import { describe, expect, it } from 'vitest';
import {
  BLOCK_CHARS,
  BLOCK_OVERLAP,
  buildSearchFiles,
  pageHeadings,
  pageText,
  searchFilePaths,
  textBlocks,
  directoryOf,
  readShardDirectory,
  shardDirectories,
} from '../../../src/search/shared/files.ts';
import { chooseBlock } from '../../../src/search/browser/data.ts';
import { normaliseText, parseQuery } from '../../../src/search/shared/query.ts';
import { readDisplayChunk, readPagesFile } from '../../../src/search/shared/pages.ts';
import {
  collectPostings,
  gramPositions,
  pagesWithTerms,
  planQuery,
  readTermShard,
  shardOf,
  termStarts,
} from '../../../src/search/shared/terms.ts';

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
  const files = buildSearchFiles(fragments, hash, (grams) => ({
    dictionary: `dictionary for ${[...grams].sort().join(',')}`,
    grams: [],
  }));
  // The dictionary is made from the archive's grams: every character and pair of the pages' normalised texts.
  const archiveGrams = [
    ...new Set(fragments.flatMap(({ fragment }) => [...gramPositions(pageText(fragment.content)).keys()])),
  ].sort();
  const dictionary = `dictionary for ${archiveGrams.join(',')}`;
  const facts = readPagesFile(files.facts);
  const lookup = (gram: string) => readTermShard(files.shards[shardOf(gram, facts.layout)]!).get(gram);

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

  it('names each shard, chunk, the dictionary and the filters file by a hash of its own bytes, shards in shard directories and the rest in the facts file', () => {
    const encoder = new TextEncoder();
    expect(files.shardNames).toEqual(files.shards.map(hash));
    expect(files.directories.flatMap(readShardDirectory)).toEqual(files.shardNames);
    expect(files.names).toEqual({
      directories: files.directories.map((directory) => hash(encoder.encode(directory))),
      chunks: files.chunks.map((chunk) => hash(encoder.encode(chunk))),
      traditional: hash(encoder.encode(dictionary)),
      filters: hash(files.filters),
    });
    expect(files.traditional).toBe(dictionary);
    expect(archiveGrams).toEqual(expect.arrayContaining(['急', '急救', '签约', '医生']));
    expect(facts.names).toEqual(files.names);
    expect(facts.version).toBe(files.version);
    expect(facts.shards).toBe(files.shards.length);
    expect(files.texts.get('zh-cn_b2')).toBe('一通急救电话\u2029医疗保障');
  });

  it('puts the files where the search page looks for them', () => {
    expect(searchFilePaths.facts).toBe('facts.bin.gz');
    expect(searchFilePaths.shard('3f9a1c0b2d', 7)).toBe('terms/3f9a1c0b2d-7.bin.gz');
    expect(searchFilePaths.chunk('3f9a1c0b2d', 2)).toBe('display/3f9a1c0b2d-2.json.gz');
    expect(searchFilePaths.directory('3f9a1c0b2d', 0)).toBe('shard-names/3f9a1c0b2d-0.json.gz');
    expect(searchFilePaths.text('zh-cn_a1')).toBe('text/zh-cn_a1.txt.gz');
  });
});

describe('shardDirectories', () => {
  const names = Array.from({ length: 300 }, (_, n) => `name${n}`);

  it('lists every shard’s name once, perDirectory to a directory, in shard order', () => {
    const directories = shardDirectories(names, 128);
    expect(directories.map((d) => readShardDirectory(d).length)).toEqual([128, 128, 44]);
    expect(directories.flatMap(readShardDirectory)).toEqual(names);
    for (const n of [0, 127, 128, 299]) {
      const { directory, at } = directoryOf(n, 128);
      expect(readShardDirectory(directories[directory]!)[at]).toBe(`name${n}`);
    }
  });

  it('refuses a directory that is not a list of names', () => {
    expect(() => readShardDirectory('{"a":1}')).toThrow(/not a list of names/u);
  });
});

describe('textBlocks and chooseBlock', () => {
  // 2,000 characters: a headline, then numbered sentences, 国医堂 once near the end.
  const body = Array.from({ length: 150 }, (_, i) => `第${i}句话，`).join('');
  const text = `标题医保\u2029${body}国医堂建设。`;
  const { blocks, starts } = textBlocks(text);

  it('cuts a long text into blocks that run on into the next, with their starts in the normalised text', () => {
    expect(blocks.length).toBe(Math.ceil(text.length / BLOCK_CHARS));
    expect(blocks.map((b) => b.slice(0, BLOCK_CHARS)).join('')).toBe(text);
    blocks.slice(0, -1).forEach((block, n) => {
      expect(block.length).toBe(BLOCK_CHARS + BLOCK_OVERLAP);
      expect(block.endsWith(blocks[n + 1]!.slice(0, BLOCK_OVERLAP))).toBe(true);
    });
    starts.forEach((start, n) => expect(start).toBe([...normaliseText(text.slice(0, n * BLOCK_CHARS))].length));
    expect(textBlocks('短文')).toEqual({ blocks: ['短文'], starts: [0] });
  });

  it('chooses the block where the most terms start after the headline, from the term index alone', () => {
    const pages = [{ text, title: '标题医保', headings: [] }];
    const lookup = (gram: string) => collectPostings(pages).get(gram);
    const where = (q: string) => planQuery(parseQuery(q).terms).map((plan) => termStarts(plan, lookup, 0));
    const last = blocks.length - 1;
    expect(chooseBlock(starts, where('国医堂'), 4)).toBe(last);
    expect(blocks[last]).toContain('国医堂');
    // 医保 is only in the headline: the first block, which holds it.
    expect(chooseBlock(starts, where('医保'), 4)).toBe(0);
    expect(chooseBlock(starts, where('第3句 国医堂'), 4)).toBe(0);
    // One-character terms have no positions, and a one-block page needs no choice.
    expect(chooseBlock(starts, where('堂'), 4)).toBeUndefined();
    expect(chooseBlock([0], where('国医堂'), 4)).toBeUndefined();
  });
});
