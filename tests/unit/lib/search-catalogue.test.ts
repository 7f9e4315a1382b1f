import { describe, expect, it } from 'vitest';
import { buildSearchFiles, pageText, searchFilePaths } from '../../../src/lib/search-catalogue.ts';
import { pagesWithTerms, shardsForTerms } from '../../../src/lib/search-terms.ts';

const zw = (words: string[]) => words.join('\u200b');
const fragments = [
  {
    id: 'zh-cn_a1',
    fragment: { url: '/articles/a/', content: `${zw(['提升', '健康', '水平'])}. ${zw(['家庭', '医生', '签约', '。'])}`, meta: { title: '提升健康水平', type: 'article' }, filters: { 类型: ['文章'] } },
  },
  {
    id: 'zh-cn_b2',
    fragment: { url: '/stories/b/', content: `${zw(['一通', '急救', '电话'])}. ${zw(['医疗', '保障'])}`, meta: { title: '一通急救电话', type: 'story' }, filters: { 类型: ['专题'] } },
  },
];

describe('pageText', () => {
  it("reads Pagefind's text as a reader would: no word breaks, no stray full stops after Chinese blocks", () => {
    expect(pageText(fragments[0]!.fragment.content)).toBe('提升健康水平 家庭医生签约。');
  });
});

describe('buildSearchFiles', () => {
  const files = buildSearchFiles(fragments, (json) => `v${json.length}`);

  it('lists each page with its id, URL, metadata and filters, in the order given', () => {
    expect(files.catalogue.pages).toEqual([
      { id: 'zh-cn_a1', url: '/articles/a/', meta: { title: '提升健康水平', type: 'article' }, filters: { 类型: ['文章'] } },
      { id: 'zh-cn_b2', url: '/stories/b/', meta: { title: '一通急救电话', type: 'story' }, filters: { 类型: ['专题'] } },
    ]);
    expect(files.texts.get('zh-cn_b2')).toBe('一通急救电话 医疗保障');
  });

  it('names the shards by their content and checks terms against the page texts', () => {
    expect(files.catalogue.version).toBe(`v${JSON.stringify(files.shards).length}`);
    const shards = new Map(files.shards.map((shard, n) => [n, shard]));
    expect(pagesWithTerms(['医生签约'], shards, 2)).toEqual([0]);
    expect(pagesWithTerms(['医保'], shards, 2)).toEqual([]);
    expect(shardsForTerms(['医生签约']).length).toBeGreaterThan(0);
  });

  it('puts the files where the search page looks for them', () => {
    expect(searchFilePaths.catalogue).toBe('terms/pages.json.gz');
    expect(searchFilePaths.shard('3f9a1c0b2d', 7)).toBe('terms/grams-7.3f9a1c0b2d.json.gz');
    expect(searchFilePaths.text('zh-cn_a1')).toBe('text/zh-cn_a1.txt.gz');
  });
});
