import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readFragment, writeSearchFiles } from '../../../src/search/build/integration.ts';
import { searchFilePaths } from '../../../src/search/shared/files.ts';
import { readDisplayChunk, readPagesFile } from '../../../src/search/shared/pages.ts';
import { readTermShard } from '../../../src/search/shared/terms.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeSearchFiles', () => {
  const fragment = (url: string, content: string, year: string) =>
    gzipSync(
      Buffer.from(
        `pagefind_dcd${JSON.stringify({ url, content, word_count: 2, meta: { title: url, year }, filters: {}, anchors: [] })}`,
      ),
    );
  const read = (path: string) => gunzipSync(readFileSync(join(dir, 'bundle', path)));

  it("writes the facts, term shards, display chunks and page texts from Pagefind's fragments, replacing an older bundle", () => {
    dir = mkdtempSync(join(tmpdir(), 'pagefind-'));
    mkdirSync(join(dir, 'fragment'));
    mkdirSync(join(dir, 'bundle', 'terms'), { recursive: true });
    writeFileSync(join(dir, 'bundle', 'terms', 'old-0.bin.gz'), '');
    writeFileSync(join(dir, 'bundle', 'pagefind.js'), '');
    writeFileSync(join(dir, 'fragment', 'zh-cn_b.pf_fragment'), fragment('/stories/b/', '急救\u200b电话', '2026'));
    writeFileSync(join(dir, 'fragment', 'zh-cn_a.pf_fragment'), fragment('/articles/a/', '家庭\u200b医生', '2018'));
    expect(writeSearchFiles(join(dir, 'fragment'), join(dir, 'bundle'))).toBe(2);
    const facts = readPagesFile(read(searchFilePaths.facts));
    expect(
      readDisplayChunk(read(searchFilePaths.chunk(facts.version, 0)).toString('utf8')).map((p) => [p.id, p.url]),
    ).toEqual([
      ['zh-cn_b', '/stories/b/'],
      ['zh-cn_a', '/articles/a/'],
    ]);
    expect(read(searchFilePaths.text('zh-cn_b')).toString('utf8')).toBe('急救电话');
    const grams = Array.from({ length: facts.shards }, (_, n) => [
      ...readTermShard(read(searchFilePaths.shard(facts.version, n))).keys(),
    ]).flat();
    expect(grams).toEqual(expect.arrayContaining(['急救', '医生', '家']));
    // Nothing of the older bundle is left.
    expect(readdirSync(join(dir, 'bundle')).sort()).toEqual(['display', 'facts.bin.gz', 'terms', 'text']);
    expect(readdirSync(join(dir, 'bundle', 'terms'))).toHaveLength(facts.shards);
  });

  it('refuses a file that is not a Pagefind fragment', () => {
    expect(() => readFragment(gzipSync(Buffer.from('{"url":"/"}')))).toThrow(/signature/u);
  });
});
