import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readEntries, readStories } from '../support/content.ts';
import { builtArticles, builtHtml, builtSite, builtStories } from '../support/site.ts';
import { builtSearchablePages, indexedText, pageKey } from '../support/search.ts';
import { readFragment } from '../../src/integrations/pagefind.ts';
import { pageText, searchFilePaths, type PagefindFragment, type SearchCatalogue } from '../../src/lib/search-catalogue.ts';
import { searchRecord, storySearchRecord } from '../../src/lib/search-index.ts';
import { containsAllTerms, normaliseText } from '../../src/lib/search-query.ts';
import { TERM_SHARD_COUNT, pagesWithTerms, type TermShard } from '../../src/lib/search-terms.ts';
import { loadTaxonomy } from '../../src/lib/taxonomy.ts';
import { ui } from '../../src/lib/ui-strings.ts';

/** Pagefind's fragments by page key (see pageKey), with their ids. */
function fragments(): Map<string, PagefindFragment & { id: string }> {
  const dir = join(builtSite(), 'pagefind', 'fragment');
  const all = readdirSync(dir).map((file) => ({ ...readFragment(readFileSync(join(dir, file))), id: file.replace(/\.pf_fragment$/u, '') }));
  return new Map(all.map((f) => [pageKey(f.url), f]));
}

/** One of the search page's gzip files in the bundle. */
const readSearchFile = (path: string): string => gunzipSync(readFileSync(join(builtSite(), 'pagefind', path))).toString('utf8');

const fold = (text: string) => text.replace(/[\s\u200b]+/gu, '');
const stories = readStories();
const storyKeys = stories.map((s) => `stories/${s.slug}`);

describe('what Pagefind indexes', () => {
  it('indexes article and story pages and nothing else', () => {
    const entry = JSON.parse(readFileSync(join(builtSite(), 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(stories.length).toBeGreaterThanOrEqual(3);
    expect(entry.languages['zh-cn']?.page_count).toBe(readEntries().length + stories.length);
    expect([...fragments().keys()].sort()).toEqual([...readEntries().map((e) => e.slug), ...storyKeys].sort());
    expect([...builtSearchablePages().keys()].sort()).toEqual([...fragments().keys()].sort());
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
    }
  });

  it("indexes a story's headline, dek, prose, chart titles and data rows, but not its section link, date line, sources, table headers or chart controls", () => {
    const found = fragments();
    for (const story of stories) {
      const page = builtStories().get(story.slug)!;
      const text = fold(found.get(`stories/${story.slug}`)!.content);
      const where = story.slug;
      expect(text, where).toContain(fold(story.data.title));
      expect(text, where).toContain(fold(story.data.dek));
      // A paragraph of prose, every chart title and every data row.
      const prose = page.querySelectorAll('.story-body p:not([class])').map((p) => p.textContent.trim()).filter(Boolean);
      expect(prose.length, where).toBeGreaterThan(0);
      for (const paragraph of prose) expect(text, where).toContain(fold(paragraph));
      const titles = page.querySelectorAll('chart-figure figcaption.chart-figure__title').map((f) => f.textContent);
      expect(titles.length, where).toBeGreaterThan(0);
      for (const title of titles) expect(text, where).toContain(fold(title));
      // Pagefind ends each unpunctuated table cell with ". ".
      const undotted = text.replace(/\./gu, '');
      for (const row of page.querySelectorAll('.chart-table tbody tr')) expect(undotted, where).toContain(fold(row.textContent).replace(/\./gu, ''));
      // Chrome: none of it, anywhere in the story's text.
      for (const unwanted of [ui.stories.section, ui.stories.sources, ui.stories.sourcesNote, ui.stories.method, ui.stories.scrollyHint, ui.charts.showTable, ui.charts.download, '地区时间指标', 'CSV', 'JSON', ui.siteName]) {
        expect(text, `${where}: ${unwanted}`).not.toContain(fold(unwanted));
      }
      expect(text, where).not.toContain(fold(page.querySelector('.story-meta')!.textContent));
      for (const list of page.querySelectorAll('.region-map-articles li')) expect(text, where).not.toContain(fold(list.textContent));
    }
  });

  it("agrees with the tests' reading of each page's HTML (articles and stories)", () => {
    const found = fragments();
    for (const [key, page] of builtSearchablePages()) {
      // Pagefind ends unpunctuated blocks with ". ", which the HTML does not have.
      expect(fold(found.get(key)!.content).replace(/\./gu, ''), key).toBe(fold(indexedText(page)).replace(/\./gu, ''));
    }
  });

  it('gives each result its metadata, filter values and year sort key', () => {
    const found = fragments();
    const taxonomy = loadTaxonomy();
    const expectRecord = (key: string, title: string, record: ReturnType<typeof searchRecord>, page: ReturnType<typeof builtHtml>) => {
      const fragment = found.get(key)!;
      expect(fragment.meta, key).toEqual({ title, ...record.meta });
      expect(fragment.filters, key).toEqual(Object.fromEntries(Object.entries(record.filters).filter(([, values]) => values.length > 0)));
      expect(page.querySelector(`[data-pagefind-sort="year:${record.sort.year}"]`), key).not.toBeNull();
    };
    for (const entry of readEntries()) expectRecord(entry.slug, entry.data.title, searchRecord(entry.data, taxonomy), builtArticles().get(entry.slug)!);
    for (const story of stories) {
      const record = storySearchRecord(story.data, taxonomy);
      expect(record.filters.类型).toEqual([ui.search.types.story]);
      expect(record.filters.地区.length + record.filters.主题.length).toBeGreaterThan(0);
      expectRecord(`stories/${story.slug}`, story.data.title, record, builtStories().get(story.slug)!);
    }
  });

  it('weights the headline and subtitle (or dek) above the body text', () => {
    for (const [slug, page] of builtArticles()) {
      expect(page.querySelector('h1')?.getAttribute('data-pagefind-weight'), slug).toBe('10');
      const subtitle = page.querySelector('.subtitle');
      if (subtitle) expect(subtitle.getAttribute('data-pagefind-weight')).toBe('7');
    }
    for (const [slug, page] of builtStories()) {
      expect(page.querySelector('[data-pagefind-body] h1')?.getAttribute('data-pagefind-weight'), slug).toBe('10');
      expect(page.querySelector('.story-dek')?.getAttribute('data-pagefind-weight'), slug).toBe('7');
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

describe("the search page's catalogue, term check and texts", () => {
  const catalogue = () => JSON.parse(readSearchFile(searchFilePaths.catalogue)) as SearchCatalogue;
  const shards = () => {
    const { version } = catalogue();
    return new Map(Array.from({ length: TERM_SHARD_COUNT }, (_, n) => [n, JSON.parse(readSearchFile(searchFilePaths.shard(version, n))) as TermShard]));
  };

  it("lists every page Pagefind indexed with its metadata and filters, and its text as Pagefind's", () => {
    const found = fragments();
    const pages = catalogue().pages;
    expect(pages.map((p) => pageKey(p.url)).sort()).toEqual([...found.keys()].sort());
    for (const page of pages) {
      const fragment = found.get(pageKey(page.url))!;
      expect(page.id).toBe(fragment.id);
      expect({ meta: page.meta, filters: page.filters }).toEqual({ meta: fragment.meta, filters: fragment.filters });
      const text = readSearchFile(searchFilePaths.text(page.id));
      expect(text).toBe(pageText(fragment.content));
      expect(normaliseText(text).replace(/\./gu, '')).toBe(normaliseText(fragment.content).replace(/\./gu, ''));
    }
  });

  it('finds exactly the pages containing a one- or two-character term, and keeps every page containing a longer one', () => {
    const { pages } = catalogue();
    const texts = pages.map((p) => readSearchFile(searchFilePaths.text(p.id)));
    const all = shards();
    // Every character pair of the stories' headlines, and some longer terms.
    const pairs = stories.flatMap((s) => [...normaliseText(s.data.title)].slice(0, -1).map((ch, i) => `${ch}${[...normaliseText(s.data.title)][i + 1]}`));
    for (const term of [...new Set(pairs), '医', '保', '医保', '青岛', '97.44%']) {
      const truth = texts.flatMap((text, i) => (containsAllTerms(text, [term]) ? [i] : []));
      expect(pagesWithTerms([term], all, pages.length), term).toEqual(term.length > 2 ? expect.arrayContaining(truth) : truth);
    }
    for (const term of ['家庭医生签约', '一通急救电话背后', '不同的尺子']) {
      const truth = texts.flatMap((text, i) => (containsAllTerms(text, [term]) ? [i] : []));
      expect(truth.length, term).toBeGreaterThan(0);
      expect(pagesWithTerms([term], all, pages.length), term).toEqual(expect.arrayContaining(truth));
    }
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
    for (const path of ['index.html', ...readEntries().map((e) => `articles/${e.slug}/index.html`), ...stories.map((s) => `stories/${s.slug}/index.html`)]) {
      const form = builtHtml(path).querySelector('header form[role="search"]');
      expect(form?.getAttribute('action'), path).toBe('/search/');
      expect(form?.querySelector('input[name="q"][data-search-shortcut]'), path).not.toBeNull();
    }
  });
});
