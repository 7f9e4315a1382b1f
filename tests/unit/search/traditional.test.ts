import { describe, expect, it } from 'vitest';
import { buildTraditionalDictionary, traditionalGrams } from '../../../src/search/build/traditional.ts';
import { buildTermShards, readTermShard, shardOf, type GramPostings } from '../../../src/search/shared/terms.ts';

const texts = ['卫生健康局推进医养结合', '回复率'];
const dictionary = buildTraditionalDictionary(texts);
const grams = traditionalGrams(dictionary, texts);

describe('buildTraditionalDictionary', () => {
  it('keeps the entries whose Simplified side the archive can hold', () => {
    const entries = new Map(dictionary.split('|').map((entry) => entry.split(' ') as [string, string]));
    expect(entries.get('衛')).toBe('卫');
    expect(entries.get('醫')).toBe('医');
    expect(entries.get('灣')).toBeUndefined(); // 湾 is not in the archive
  });
});

describe('traditionalGrams', () => {
  it('marks the archive’s characters and pairs with one or both characters in a Traditional form', () => {
    for (const gram of ['衛', '醫', '衛生', '醫養', '醫养', '医養', '結合', '回覆'])
      expect(grams, gram).toContain(gram);
  });

  it('leaves out what the archive holds as typed, and Simplified grams it lacks', () => {
    expect(grams).not.toContain('卫生');
    expect(grams).not.toContain('青岛');
    expect(grams.filter((gram) => texts.some((text) => text.includes(gram)))).toEqual([]);
  });

  it('files the marks in the term shards, where a query’s own grams are looked up, with no pages', () => {
    const pages = texts.map((text) => ({ text, title: '', headings: [] }));
    const index = buildTermShards(pages, grams);
    const shards = index.shards.map(readTermShard);
    const lookup = (gram: string): GramPostings | undefined => shards[shardOf(gram, index.layout)]!.get(gram);
    expect(lookup('醫養')).toMatchObject({ traditional: true, pages: new Uint32Array(0) });
    expect(lookup('衛')?.traditional).toBe(true);
    expect(lookup('医养')?.traditional).toBeUndefined();
    expect(Array.from(lookup('医养')!.pages)).toEqual([0]);
    expect(lookup('青岛')).toBeUndefined();
  });
});
