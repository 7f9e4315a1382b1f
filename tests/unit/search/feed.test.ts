import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, openSearchCache } from '../../../src/search/build/integration.ts';
import { closeSearchFeed, feedPage } from '../../../src/search/build/feed.ts';

/**
 * Pages handed to Pagefind as they render (feed.ts, through the middleware) must give the same search files as pages
 * indexed from disk after the build, and a page whose bytes on disk differ from what was fed is indexed from disk.
 */
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = (title: string, text: string) =>
  `<!doctype html><html lang="zh-cn"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
const TEXTS = [
  '家庭医生签约服务团队208个',
  '受理急救电话426184次',
  '医养结合机构达到14家',
  '两癌筛查2.75万人',
  '慢病一体化门诊13家',
];

const files = (root: string): Map<string, string> =>
  new Map(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => statSync(join(root, path)).isFile())
      .map((path) => [path, readFileSync(join(root, path)).toString('base64')]),
  );

function writeSite(site: string): string[] {
  return TEXTS.map((text, n) => {
    mkdirSync(join(site, 'articles', `a${n}`), { recursive: true });
    const html = page(`文章${n}`, text);
    writeFileSync(join(site, 'articles', `a${n}`, 'index.html'), html);
    return html;
  });
}

describe('indexing pages as they render', () => {
  it('gives byte-identical search files to indexing the written pages, in runs of any size', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-feed-'));
    const logger = { info: () => undefined };
    const plain = join(dir, 'plain');
    writeSite(plain);
    await buildSearchIndex(plain, logger, { cacheDir: join(dir, 'plain-cache') });

    const fed = join(dir, 'fed');
    const html = writeSite(fed);
    const manifest = openSearchCache(join(dir, 'fed-cache'), 2);
    html.forEach((h, n) => feedPage(`/articles/a${n}/`, h));
    const { found, error } = await closeSearchFeed();
    expect(error).toBeUndefined();
    expect(found.size).toBe(TEXTS.length);
    await buildSearchIndex(fed, logger, { cacheDir: join(dir, 'fed-cache'), manifest, fed: found, batchPages: 2 });
    expect(files(join(fed, 'pagefind'))).toEqual(files(join(plain, 'pagefind')));
  });

  it('indexes from disk a page whose written bytes are not the ones fed, and never one the cache knows', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-feed-'));
    const site = join(dir, 'site');
    const cacheDir = join(dir, 'cache');
    const html = writeSite(site);
    const counted: string[] = [];
    const logger = { info: (message: string) => counted.push(message) };
    let manifest = openSearchCache(cacheDir);
    html.forEach((h, n) => feedPage(`/articles/a${n}/`, n === 3 ? h.replace('两癌', '两 癌') : h));
    let { found } = await closeSearchFeed();
    await buildSearchIndex(site, logger, { cacheDir, manifest, fed: found });
    expect(counted.at(-1)).toMatch(/4 as they rendered, 1 after, 0 unchanged/u);

    // The next build: every page is in the cache, so nothing is fed again.
    manifest = openSearchCache(cacheDir);
    html.forEach((h, n) => feedPage(`/articles/a${n}/`, h));
    ({ found } = await closeSearchFeed());
    expect(found.size).toBe(0);
    await buildSearchIndex(site, logger, { cacheDir, manifest, fed: found });
    expect(counted.at(-1)).toMatch(/0 as they rendered, 0 after, 5 unchanged/u);
  });

  it('does nothing outside a build', async () => {
    feedPage('/articles/x/', page('x', '文字'));
    expect((await closeSearchFeed()).found.size).toBe(0);
  });
});
