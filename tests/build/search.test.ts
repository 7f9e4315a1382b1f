import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../support/content.ts';
import { builtArticles, builtHtml, builtSite } from '../support/site.ts';
import { indexedText } from '../support/search.ts';
import { searchRecord } from '../../src/lib/search-index.ts';
import { loadTaxonomy } from '../../src/lib/taxonomy.ts';
import { ui } from '../../src/lib/ui-strings.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Pagefind's files are gzip-compressed behind a "pagefind_dcd" signature. */
function readPagefindFile(path: string): Buffer {
  const data = gunzipSync(readFileSync(path));
  expect(data.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return data.subarray(12);
}

function fragments(): Map<string, Fragment> {
  const dir = join(builtSite(), 'pagefind', 'fragment');
  const all = readdirSync(dir).map((file) => JSON.parse(readPagefindFile(join(dir, file)).toString('utf8')) as Fragment);
  return new Map(all.map((f) => [/\/articles\/([^/]+)\//u.exec(f.url)?.[1] ?? f.url, f]));
}

const fold = (text: string) => text.replace(/[\s\u200b]+/gu, '');

describe('what Pagefind indexes', () => {
  it('indexes the article pages and nothing else', () => {
    const entry = JSON.parse(readFileSync(join(builtSite(), 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages['zh-cn']?.page_count).toBe(readEntries().length);
    expect([...fragments().keys()].sort()).toEqual(readEntries().map((e) => e.slug).sort());
  });

  it('indexes headline, subtitle, byline, body and captions, but not chrome, provenance, corrections or photo placeholders', () => {
    const found = fragments();
    for (const entry of readEntries()) {
      const text = fold(found.get(entry.slug)!.content);
      const data = entry.data;
      for (const wanted of [data.title, data.subtitle, ...data.sections, ...data.captions, ...data.credits].filter((s): s is string => Boolean(s))) {
        expect(text, `${entry.slug}: ${wanted}`).toContain(fold(wanted));
      }
      const reasons = data.corrections.map((c) => c.reason);
      for (const unwanted of [ui.siteName, ui.footerNote, ui.corrections, ui.correctionsIntro, ui.source, ui.photoMissing, ui.search.label, data.source!.file, ...reasons]) {
        expect(text, `${entry.slug}: ${unwanted}`).not.toContain(fold(unwanted));
      }
      // The test harness's notion of indexed text agrees with Pagefind's.
      expect(fold(found.get(entry.slug)!.content).replace(/\./gu, '')).toBe(fold(indexedText(builtArticles().get(entry.slug)!)).replace(/\./gu, ''));
    }
  });

  it('gives each result its metadata, filter values and year sort key', () => {
    const found = fragments();
    const taxonomy = loadTaxonomy();
    for (const entry of readEntries()) {
      const record = searchRecord(entry.data, taxonomy);
      const fragment = found.get(entry.slug)!;
      expect(fragment.meta).toEqual({ title: entry.data.title, ...record.meta });
      const filters = Object.fromEntries(Object.entries(record.filters).filter(([, values]) => values.length > 0));
      expect(fragment.filters).toEqual(filters);
      const page = builtArticles().get(entry.slug)!;
      expect(page.querySelector(`[data-pagefind-sort="year:${entry.data.year}"]`)).not.toBeNull();
    }
  });

  it('weights the headline and subtitle above the body text', () => {
    for (const [slug, page] of builtArticles()) {
      expect(page.querySelector('h1')?.getAttribute('data-pagefind-weight'), slug).toBe('10');
      const subtitle = page.querySelector('.subtitle');
      if (subtitle) expect(subtitle.getAttribute('data-pagefind-weight')).toBe('7');
    }
  });

  it('ships the search API in small index chunks, without the stock UI', () => {
    const bundle = join(builtSite(), 'pagefind');
    const files = readdirSync(bundle);
    expect(files).toContain('pagefind.js');
    expect(files.filter((f) => /^pagefind-(ui|component-ui|modular-ui|highlight)\./u.test(f))).toEqual([]);
    // Each chunk a query may fetch stays small (INDEX_CHUNK_SIZE); Pagefind's default would make ~40 KB chunks.
    const chunks = readdirSync(join(bundle, 'index')).map((f) => statSync(join(bundle, 'index', f)).size);
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks)).toBeLessThan(12_000);
  });
});

describe('the search pages', () => {
  it('has a search page whose form and no-JavaScript message work without scripts', () => {
    const page = builtHtml('search/index.html');
    const form = page.querySelector('archive-search form[role="search"]')!;
    expect(form.getAttribute('action')).toBe('/search/');
    expect(form.getAttribute('method')).toBe('get');
    expect(form.querySelector('input[name="q"]')).not.toBeNull();
    const noscript = page.querySelector('main noscript')!.innerHTML;
    expect(noscript).toContain(ui.search.noScript);
    expect(noscript).toContain('href="/"');
    expect(page.querySelector('[data-pagefind-body]')).toBeNull();
  });

  it('puts a search box in the header of every other page', () => {
    for (const path of ['index.html', ...readEntries().map((e) => `articles/${e.slug}/index.html`)]) {
      const form = builtHtml(path).querySelector('header form[role="search"]');
      expect(form?.getAttribute('action'), path).toBe('/search/');
      expect(form?.querySelector('input[name="q"][data-search-shortcut]'), path).not.toBeNull();
    }
  });
});
