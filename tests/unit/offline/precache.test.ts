import { describe, expect, it } from 'vitest';
import { searchFilePaths } from '../../../src/search/shared/files.ts';
import {
  buildPrecacheManifest,
  groupOf,
  serviceWorkerManifest,
  urlForFile,
  type BuiltFile,
} from '../../../src/offline/shared/precache.ts';

const hash = (text: string) => `h${text.length}`;

describe('urlForFile', () => {
  it.each([
    ['index.html', '/'],
    ['articles/juye-2020/index.html', '/articles/juye-2020/'],
    ['offline/saved/index.html', '/offline/saved/'],
    ['data/articles.json', '/data/articles.json'],
    ['sources/000_x.txt', '/sources/000_x.txt'],
    ['pagefind/facts.bin.gz', '/pagefind/facts.bin.gz'],
  ])('%s is served at %s', (path, url) => expect(urlForFile(path)).toBe(url));

  it.each(['sw.js', 'sw-manifest.json', '_astro/app.js.map', '.DS_Store', 'articles/.hidden', '404.html'])(
    '%s is never precached',
    (path) => expect(urlForFile(path)).toBeNull(),
  );
});

describe('groupOf', () => {
  it.each([
    ['/', 'shell'],
    ['/offline/', 'shell'],
    ['/offline/saved/', 'shell'],
    ['/_astro/index.Bx1.js', 'shell'],
    ['/icons/icon-192.png', 'shell'],
    ['/manifest.webmanifest', 'shell'],
    ['/pagefind/facts.bin.gz', 'search'],
    ['/pagefind/terms/3f9a1c0b2d-7.bin.gz', 'search'],
    ['/pagefind/display/3f9a1c0b2d-0.json.gz', 'search'],
    ['/pagefind/shard-names/3f9a1c0b2d-0.json.gz', 'search'],
    ['/pagefind/text/zh-cn_107454b.txt.gz', 'archive'],
    ['/pagefind/anything-else.js', 'archive'],
    ['/articles/juye-2020/', 'archive'],
    ['/stories/flood/', 'archive'],
    ['/data/articles.json', 'archive'],
    ['/data/metrics.csv', 'archive'],
    ['/sources/000_x.txt', 'archive'],
  ])('%s → %s', (url, group) => expect(groupOf(url)).toBe(group));

  it('keeps every kind of search file with search but the page texts (a file per page), so a new kind is not left out', () => {
    const kinds = Object.entries(searchFilePaths).map(([kind, path]) => {
      const file = typeof path === 'string' ? path : path('3f9a1c0b2d', 0);
      return [kind, groupOf(`/pagefind/${file}`)];
    });
    expect(Object.fromEntries(kinds)).toEqual({
      facts: 'search',
      filters: 'search',
      shard: 'search',
      directory: 'search',
      chunk: 'search',
      text: 'archive',
      block: 'archive',
      traditional: 'search',
    });
  });
});

const files: BuiltFile[] = [
  { path: 'index.html', bytes: 100, revision: 'a' },
  { path: 'articles/a/index.html', bytes: 400, revision: 'b' },
  { path: 'pagefind/terms/v-0.bin.gz', bytes: 200, revision: 'c' },
  { path: 'pagefind/facts.bin.gz', bytes: 50, revision: 'd' },
  { path: 'pagefind/text/x.txt.gz', bytes: 150, revision: 'e' },
  { path: 'sw.js', bytes: 9999, revision: 'old-worker' },
];

describe('buildPrecacheManifest', () => {
  it('caches the whole archive in the background when everything fits the budget', () => {
    const manifest = buildPrecacheManifest(files, 900, hash);
    expect(manifest.fitsBudget).toBe(true);
    expect(manifest.totalBytes).toBe(900);
    expect(manifest.totalFiles).toBe(5);
    expect(manifest.core.map((e) => e.url)).toEqual(['/', '/pagefind/facts.bin.gz', '/pagefind/terms/v-0.bin.gz']);
    expect(manifest.background.map((e) => e.url)).toEqual(['/articles/a/', '/pagefind/text/x.txt.gz']);
    expect(manifest.onDemand).toEqual([]);
  });

  it('keeps only the shell and the search index (not the page texts) when the archive is over budget', () => {
    const manifest = buildPrecacheManifest(files, 899, hash);
    expect(manifest.fitsBudget).toBe(false);
    expect(manifest.core.map((e) => e.url)).toEqual(['/', '/pagefind/facts.bin.gz', '/pagefind/terms/v-0.bin.gz']);
    expect(manifest.background).toEqual([]);
    expect(manifest.onDemand.map((e) => e.url)).toEqual(['/articles/a/', '/pagefind/text/x.txt.gz']);
  });

  it('changes version when any file changes, and only then', () => {
    const version = buildPrecacheManifest(files, 900, (t) => t).version;
    expect(buildPrecacheManifest([...files].reverse(), 900, (t) => t).version).toBe(version);
    const changed = files.map((f) => (f.path === 'articles/a/index.html' ? { ...f, revision: 'b2' } : f));
    expect(buildPrecacheManifest(changed, 900, (t) => t).version).not.toBe(version);
    // The worker itself is not part of the version (it is written after the scan).
    const newWorker = files.map((f) => (f.path === 'sw.js' ? { ...f, revision: 'new-worker' } : f));
    expect(buildPrecacheManifest(newWorker, 900, (t) => t).version).toBe(version);
  });

  it('hands the worker [url, revision] pairs and the background size', () => {
    const worker = serviceWorkerManifest(buildPrecacheManifest(files, 900, hash));
    expect(worker.core).toContainEqual(['/', 'a']);
    expect(worker.background).toEqual([
      ['/articles/a/', 'b'],
      ['/pagefind/text/x.txt.gz', 'e'],
    ]);
    expect(worker.backgroundBytes).toBe(550);
  });
});
