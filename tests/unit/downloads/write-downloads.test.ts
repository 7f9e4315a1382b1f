import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFiles } from '../../../src/downloads/article-files.ts';
import { writeArticleDownloads } from '../../../src/downloads/build/write-downloads.ts';
import { forgetBuiltFileHashes, recordedRevision } from '../../../src/lib/built-file-hashes.ts';
import type { ArticleSource } from '../../../src/site/open-data.ts';
import { realArticle } from './fixture.ts';

const origin = 'https://archive.example.org';
const first = realArticle('juye-2020');
const second = realArticle('liaocheng-2023');

let root = '';
const site = (n: number): string => join(root, `site-${n}`);
const cache = (): string => join(root, 'cache');
const inode = (path: string): number => statSync(path).ino;
const filesOf = (dir: string): string[] =>
  readdirSync(join(dir, 'data'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.includes('.'))
    .sort();

/** Every file's text in the site is the article's own download, and its revision is recorded for the precache list. */
function expectSite(dir: string, articles: readonly ArticleSource[]): void {
  const expected = articles.flatMap((article) => articleFiles(article, origin));
  expect(filesOf(dir)).toEqual(expected.map((file) => file.path.slice('data/'.length)).sort());
  for (const file of expected) {
    const path = join(dir, file.path);
    expect(readFileSync(path, 'utf8')).toBe(file.text);
    const { size, mtimeMs } = statSync(path);
    expect(recordedRevision(file.path, size, mtimeMs)).toMatch(/^[0-9a-f]{16}$/u);
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'downloads-'));
  forgetBuiltFileHashes();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writing the articles’ downloads', () => {
  it('writes every article’s files into the site', () => {
    const count = writeArticleDownloads(site(1), cache(), { origin, articles: [first, second] });
    expectSite(site(1), [first, second]);
    expect(count).toBe(articleFiles(first, origin).length + articleFiles(second, origin).length);
  });

  it('makes again only the files of an article that changed, and links the rest from the cache', () => {
    writeArticleDownloads(site(1), cache(), { origin, articles: [first, second] });
    const firstPath = join(site(1), articleFiles(first, origin)[0]!.path);
    const secondPath = join(site(1), articleFiles(second, origin)[0]!.path);
    const before = { first: inode(firstPath), second: inode(secondPath) };
    const edited = { ...second, title: `${second.title}（修订）` };
    writeArticleDownloads(site(2), cache(), { origin, articles: [first, edited] });
    expectSite(site(2), [first, edited]);
    expect(inode(join(site(2), articleFiles(first, origin)[0]!.path))).toBe(before.first);
    expect(inode(join(site(2), articleFiles(edited, origin)[0]!.path))).not.toBe(before.second);
    // The last build's site still has its own text: a file in the cache is replaced, never rewritten.
    expect(readFileSync(secondPath, 'utf8')).toBe(articleFiles(second, origin)[0]!.text);
  });

  it('makes every file again for another origin', () => {
    writeArticleDownloads(site(1), cache(), { origin, articles: [first] });
    const other = 'https://mirror.example.net';
    writeArticleDownloads(site(2), cache(), { origin: other, articles: [first] });
    const file = articleFiles(first, other).at(-1)!;
    expect(readFileSync(join(site(2), file.path), 'utf8')).toBe(file.text);
    expect(file.text).toContain(other);
  });

  it('drops the files of an article no longer in the archive from the cache', () => {
    writeArticleDownloads(site(1), cache(), { origin, articles: [first, second] });
    writeArticleDownloads(site(2), cache(), { origin, articles: [first] });
    expectSite(site(2), [first]);
    const kept = readdirSync(join(cache(), 'files'), { recursive: true, encoding: 'utf8' });
    expect(kept.filter((name) => name.includes(second.slug))).toEqual([]);
  });

  it('starts afresh after a build that stopped part-way (no manifest)', () => {
    writeArticleDownloads(site(1), cache(), { origin, articles: [first] });
    const path = join(site(1), articleFiles(first, origin)[0]!.path);
    const before = inode(path);
    rmSync(join(cache(), 'manifest.json'));
    writeArticleDownloads(site(2), cache(), { origin, articles: [first] });
    expectSite(site(2), [first]);
    expect(inode(join(site(2), articleFiles(first, origin)[0]!.path))).not.toBe(before);
  });
});
