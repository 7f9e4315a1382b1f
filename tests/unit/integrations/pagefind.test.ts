import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneStockUi, readFragment, writeSearchFiles } from '../../../src/integrations/pagefind.ts';
import { searchFilePaths, type SearchCatalogue } from '../../../src/lib/search-catalogue.ts';
import { TERM_SHARD_COUNT } from '../../../src/lib/search-terms.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('pruneStockUi', () => {
  it("removes Pagefind's stock UI files and nothing the search API needs", () => {
    dir = mkdtempSync(join(tmpdir(), 'pagefind-'));
    const keep = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'pagefind.zh-cn_1.pf_meta', 'wasm.unknown.pagefind'];
    const stock = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];
    for (const file of [...keep, ...stock]) writeFileSync(join(dir, file), '');
    expect(pruneStockUi(dir).sort()).toEqual([...stock].sort());
    expect(readdirSync(dir).sort()).toEqual([...keep].sort());
  });
});

describe('writeSearchFiles', () => {
  const fragment = (url: string, content: string) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url, content, word_count: 2, meta: { title: url }, filters: {}, anchors: [] })}`));
  const read = (path: string) => gunzipSync(readFileSync(join(dir, path))).toString('utf8');

  it("writes the catalogue, term shards and page texts from Pagefind's fragments", () => {
    dir = mkdtempSync(join(tmpdir(), 'pagefind-'));
    mkdirSync(join(dir, 'fragment'));
    writeFileSync(join(dir, 'fragment', 'zh-cn_b.pf_fragment'), fragment('/stories/b/', '急救\u200b电话'));
    writeFileSync(join(dir, 'fragment', 'zh-cn_a.pf_fragment'), fragment('/articles/a/', '家庭\u200b医生'));
    expect(writeSearchFiles(dir)).toBe(2);
    const catalogue = JSON.parse(read(searchFilePaths.catalogue)) as SearchCatalogue;
    expect(catalogue.pages.map((p) => [p.id, p.url])).toEqual([
      ['zh-cn_a', '/articles/a/'],
      ['zh-cn_b', '/stories/b/'],
    ]);
    expect(read(searchFilePaths.text('zh-cn_b'))).toBe('急救电话');
    for (let n = 0; n < TERM_SHARD_COUNT; n += 1) expect(() => JSON.parse(read(searchFilePaths.shard(catalogue.version, n)))).not.toThrow();
    expect(readdirSync(join(dir, 'terms'))).toHaveLength(TERM_SHARD_COUNT + 1);
  });

  it('refuses a file that is not a Pagefind fragment', () => {
    expect(() => readFragment(gzipSync(Buffer.from('{"url":"/"}')))).toThrow(/signature/u);
  });
});
