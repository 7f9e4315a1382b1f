import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries, readStories } from '../support/content.ts';
import { builtArticles, builtHtml, builtSearchablePages, builtSite, builtStories } from '../support/site.ts';
import { indexedText, pageKey, readBuiltSearch } from '../../scripts/support/search.ts';
import { SEARCH_BUNDLE } from '../../src/search/build/integration.ts';
import { searchRecord, storySearchRecord } from '../../src/search/build/index-data.ts';
import { storySources } from '../../src/site/story-sources.ts';
import { containsAllTerms, normaliseText } from '../../src/search/shared/query.ts';
import { FACETS } from '../../src/search/shared/state.ts';
import { pagesWithTerms, planQuery } from '../../src/search/shared/terms.ts';
import { loadTaxonomy } from '../../src/lib/taxonomy.ts';
import { ui } from '../../src/lib/ui-strings.ts';

const search = () => readBuiltSearch(builtSite());

/**
 * What Pagefind indexed, as the search files carry it (they are derived from its
 * fragments, which are not deployed): by page key (see pageKey), each page's
 * number, display entry and text.
 */
function indexed(): Map<string, { page: number; url: string; title: string; text: string }> {
  const built = search();
  return new Map(
    built.displays.map((d, page) => [pageKey(d.url), { page, url: d.url, title: d.title, text: built.text(page) }]),
  );
}

/** The first character pair of a text, as the term index files it. */
const firstPair = (text: string) => [...normaliseText(text)].slice(0, 2).join('');
const fold = (text: string) => text.replace(/[\s\u200b]+/gu, '');
const stories = readStories();
const storyKeys = stories.map((s) => `stories/${s.slug}`);

describe('what Pagefind indexes', () => {
  it('indexes article and story pages and nothing else', () => {
    expect(stories.length).toBeGreaterThanOrEqual(3);
    expect(search().facts.pages).toHaveLength(readEntries().length + stories.length);
    expect([...indexed().keys()].sort()).toEqual([...readEntries().map((e) => e.slug), ...storyKeys].sort());
    expect([...builtSearchablePages().keys()].sort()).toEqual([...indexed().keys()].sort());
  });

  it('indexes headline, subtitle, byline, body and captions, but not chrome, provenance, corrections or photo placeholders', () => {
    const found = indexed();
    for (const entry of readEntries()) {
      const text = fold(found.get(entry.slug)!.text);
      const data = entry.data;
      for (const wanted of [data.title, data.subtitle, ...data.sections, ...data.captions, ...data.credits].filter(
        (s): s is string => Boolean(s),
      )) {
        expect(text, `${entry.slug}: ${wanted}`).toContain(fold(wanted));
      }
      const reasons = data.corrections.map((c) => c.reason);
      for (const unwanted of [
        ui.siteName,
        ui.footerNote,
        ui.corrections,
        ui.correctionsIntro,
        ui.source,
        ui.photoMissing,
        ui.search.label,
        data.source!.file,
        ...reasons,
      ]) {
        expect(text, `${entry.slug}: ${unwanted}`).not.toContain(fold(unwanted));
      }
    }
  });

  it("indexes a story's headline, dek, prose, chart titles and data rows, but not its section link, date line, sources, table headers or chart controls", () => {
    const found = indexed();
    for (const story of stories) {
      const page = builtStories().get(story.slug)!;
      const text = fold(found.get(`stories/${story.slug}`)!.text);
      const where = story.slug;
      expect(text, where).toContain(fold(story.data.title));
      expect(text, where).toContain(fold(story.data.dek));
      // A paragraph of prose, every chart title and every data row.
      const prose = page
        .querySelectorAll('.story-body p:not([class])')
        .map((p) => p.textContent.trim())
        .filter(Boolean);
      expect(prose.length, where).toBeGreaterThan(0);
      for (const paragraph of prose) expect(text, where).toContain(fold(paragraph));
      const titles = page.querySelectorAll('chart-figure figcaption.chart-figure__title').map((f) => f.textContent);
      expect(titles.length, where).toBeGreaterThan(0);
      for (const title of titles) expect(text, where).toContain(fold(title));
      // Pagefind ends each unpunctuated table cell with ". " (kept after a figure).
      const undotted = text.replace(/\./gu, '');
      for (const row of page.querySelectorAll('.chart-table tbody tr'))
        expect(undotted, where).toContain(fold(row.textContent).replace(/\./gu, ''));
      // Chrome: none of it, anywhere in the story's text.
      for (const unwanted of [
        ui.stories.section,
        ui.stories.sources,
        ui.stories.sourcesNote,
        ui.stories.method,
        ui.stories.scrollyHint,
        ui.charts.showTable,
        ui.charts.download,
        '地区时间指标',
        'CSV',
        'JSON',
        ui.siteName,
      ]) {
        expect(text, `${where}: ${unwanted}`).not.toContain(fold(unwanted));
      }
      expect(text, where).not.toContain(fold(page.querySelector('.story-meta')!.textContent));
      for (const list of page.querySelectorAll('.region-map-articles li'))
        expect(text, where).not.toContain(fold(list.textContent));
    }
  });

  it("agrees with the tests' reading of each page's HTML (articles and stories)", () => {
    const found = indexed();
    for (const [key, page] of builtSearchablePages()) {
      // Pagefind ends unpunctuated blocks with ". ", which the HTML does not have.
      expect(fold(found.get(key)!.text).replace(/\./gu, ''), key).toBe(fold(indexedText(page)).replace(/\./gu, ''));
      // The text file is the text as read: without Pagefind's word breaks.
      expect(found.get(key)!.text, key).not.toContain('\u200b');
    }
  });

  it('gives each result its display entry, filter values, type and time order as the page declares them', () => {
    const built = search();
    const found = indexed();
    const taxonomy = loadTaxonomy();
    const expectRecord = (
      key: string,
      title: string,
      record: ReturnType<typeof searchRecord>,
      page: ReturnType<typeof builtHtml>,
    ) => {
      const { page: n } = found.get(key)!;
      const display = built.displays[n]!;
      const { meta } = record;
      expect(
        {
          title: display.title,
          region: display.region,
          regions: display.regions,
          year: display.year,
          date: display.date,
        },
        key,
      ).toEqual({
        title,
        region: meta.region ?? '',
        regions: meta.regions ?? '',
        year: meta.year,
        date: meta.date ?? '',
      });
      const facts = built.facts.pages[n]!;
      expect(facts.type, key).toBe(meta.type);
      for (const { filter } of FACETS)
        expect([...built.filters[n]![filter]].sort(), `${key} ${filter}`).toEqual([...record.filters[filter]].sort());
      expect(page.querySelector(`[data-pagefind-sort="year:${record.sort.year}"]`), key).not.toBeNull();
    };
    for (const entry of readEntries())
      expectRecord(entry.slug, entry.data.title, searchRecord(entry.data, taxonomy), builtArticles().get(entry.slug)!);
    const articleYears = readEntries().map((e) => ({
      slug: e.slug,
      title: e.data.title,
      region: e.data.region,
      year: e.data.year,
    }));
    for (const story of stories) {
      const covered = storySources(story.body, story.data.hero, articleYears).map((source) => source.year);
      const record = storySearchRecord(story.data, taxonomy, covered);
      expect(
        record.filters.年份.every((year) => articleYears.some((a) => String(a.year) === year)),
        story.slug,
      ).toBe(true);
      expect(record.filters.类型).toEqual([ui.search.types.story]);
      expect(record.filters.地区.length + record.filters.主题.length).toBeGreaterThan(0);
      expectRecord(`stories/${story.slug}`, story.data.title, record, builtStories().get(story.slug)!);
    }
    // Pages are numbered newest first, and their time ranks say the same.
    const times = built.facts.pages.map((p) => p.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const years = built.displays.map((d) => Number(d.year));
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('ranks the subtitle (or dek) and section headings of every page as headings, and its headline as its title', () => {
    const built = search();
    const holds = (list: ArrayLike<number> | undefined, page: number) => Array.from(list ?? []).includes(page);
    let checked = 0;
    for (const [key, page] of builtSearchablePages()) {
      const n = built.displays.findIndex((d) => pageKey(d.url) === key);
      expect(built.displays[n]!.title, key).toBe(page.querySelector('h1')!.textContent.trim());
      const headings = [
        page.querySelector('.subtitle, .story-dek')?.textContent ?? '',
        ...page
          .querySelectorAll('[data-pagefind-body] :is(h2, h3)[id]')
          .filter((h) => !h.closest('[data-pagefind-ignore], nav, footer, form'))
          .map((h) => h.textContent),
      ].filter((text) => normaliseText(text).length >= 2);
      for (const heading of headings) {
        expect(holds(built.lookup(firstPair(heading))?.heading, n), `${key}: ${heading}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('ships the search files alone, in small shards, and none of the Pagefind runtime', () => {
    const bundle = join(builtSite(), SEARCH_BUNDLE);
    expect(readdirSync(bundle).sort()).toEqual([
      'display',
      'excerpt',
      'facts.bin.gz',
      'filters',
      'shard-names',
      'terms',
      'text',
      'traditional',
    ]);
    const { facts, shardNames } = search();
    const shards = readdirSync(join(bundle, 'terms'));
    expect(shards).toHaveLength(facts.shards);
    // Each named by its own bytes, as its shard directory lists it, so an unchanged shard keeps its name from build to build.
    expect(shards.sort()).toEqual(shardNames.map((name, n) => `${name}-${n}.bin.gz`).sort());
    // The facts file names only the directories, each listing SHARDS_PER_DIRECTORY shards.
    expect(readdirSync(join(bundle, 'shard-names'))).toHaveLength(Math.ceil(facts.shards / facts.shardsPerDirectory));
    // Each shard a query may fetch stays small (SHARD_BYTES before gzip).
    expect(Math.max(...shards.map((f) => statSync(join(bundle, 'terms', f)).size))).toBeLessThan(16_000);
    expect(readdirSync(join(bundle, 'text'))).toHaveLength(facts.pages.length);
  });
});

describe("the search page's term index", () => {
  it('finds exactly the pages containing a one- or two-character term, and keeps every page containing a longer one', () => {
    const built = search();
    const count = built.facts.pages.length;
    const texts = built.facts.pages.map((_, page) => built.text(page));
    const check = (term: string) => pagesWithTerms(planQuery([term]), built.lookup, count);
    // Every character pair of the stories' headlines, and some longer terms.
    const pairs = stories.flatMap((s) =>
      [...normaliseText(s.data.title)].slice(0, -1).map((ch, i) => `${ch}${[...normaliseText(s.data.title)][i + 1]}`),
    );
    for (const term of [...new Set(pairs), '医', '保', '医保', '青岛', '97.44%']) {
      const truth = texts.flatMap((text, i) => (containsAllTerms(text, [term]) ? [i] : []));
      expect(check(term), term).toEqual(term.length > 2 ? expect.arrayContaining(truth) : truth);
    }
    for (const term of ['家庭医生签约', '一通急救电话背后', '不同的尺子']) {
      const truth = texts.flatMap((text, i) => (containsAllTerms(text, [term]) ? [i] : []));
      expect(truth.length, term).toBeGreaterThan(0);
      expect(check(term), term).toEqual(expect.arrayContaining(truth));
    }
  });

  it('knows which titles hold a term', () => {
    const built = search();
    for (const [n, display] of built.displays.entries()) {
      expect(Array.from(built.lookup(firstPair(display.title))?.title ?? []), display.title).toContain(n);
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
    for (const path of [
      'index.html',
      ...readEntries().map((e) => `articles/${e.slug}/index.html`),
      ...stories.map((s) => `stories/${s.slug}/index.html`),
    ]) {
      const form = builtHtml(path).querySelector('header form[role="search"]');
      expect(form?.getAttribute('action'), path).toBe('/search/');
      expect(form?.querySelector('input[name="q"][data-search-shortcut]'), path).not.toBeNull();
    }
  });
});
