import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import expected from '../fixtures/seed-articles.json' with { type: 'json' };
import { readEntries } from '../support/content.ts';
import { topicsOf } from '../../src/lib/archive.ts';
import { isTopic, loadTaxonomy } from '../../src/lib/taxonomy.ts';
import { readBuiltSearch } from '../../scripts/support/search.ts';
import { builtArticles, builtHtml, builtSite, readBuilt } from '../support/site.ts';
import { BLOCK_BREAK } from '../../src/search/shared/excerpt.ts';

describe('the built site', () => {
  it('has an article page for every entry, in Chinese, with its headline', () => {
    const pages = builtArticles();
    const entries = readEntries();
    expect([...pages.keys()].sort()).toEqual(entries.map((e) => e.slug).sort());
    for (const entry of entries) {
      const page = pages.get(entry.slug)!;
      expect(page.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
      expect(page.querySelector('h1')?.textContent).toBe(entry.data.title);
    }
  });

  it('shows each seed article with its hand-checked title, sections and captions', () => {
    const entries = readEntries();
    for (const want of expected.articles) {
      const entry = entries.find((e) => e.data.source?.file === want.file && e.data.source.part === want.part)!;
      const page = builtArticles().get(entry.slug)!;
      expect(page.querySelector('h1')?.textContent).toBe(want.title);
      expect(page.querySelectorAll('.article-body h2').map((h) => h.textContent.trim())).toEqual(want.sections);
      expect(page.querySelectorAll('.article-body figcaption').map((f) => f.textContent.trim())).toEqual(want.captions);
    }
  });

  it('exports /data/articles.json from the same collection', () => {
    const records = JSON.parse(readBuilt('data/articles.json')) as Array<Record<string, unknown>>;
    const entries = readEntries();
    expect(records).toHaveLength(entries.length);
    for (const entry of entries) {
      const record = records.find((r) => r.slug === entry.slug)!;
      expect(record).toEqual({
        slug: entry.slug,
        url: `/articles/${entry.slug}/`,
        title: entry.data.title,
        subtitle: entry.data.subtitle ?? null,
        region: entry.data.region,
        city: entry.data.city,
        year: entry.data.year,
        authors: entry.data.authors,
        source: entry.data.source?.file ?? null,
        sections: entry.data.sections,
        characters: expect.any(Number),
      });
      // 字数 of the page's running text, give or take the headings' spaces.
      const page = builtArticles().get(entry.slug)!;
      const bodyText = page
        .querySelectorAll('.article-body p, .article-body h2')
        .map((n) => n.textContent.replace(/\s/gu, ''))
        .join('');
      expect(record.characters).toBe(bodyText.length);
    }
  });

  it('serves every seed byte for byte at /sources/<file>', () => {
    for (const entry of readEntries()) {
      const file = entry.data.source!.file;
      expect(readFileSync(join(builtSite(), 'sources', file)).equals(readFileSync(join('seeds', file)))).toBe(true);
      expect(builtArticles().get(entry.slug)!.querySelector(`a[href="/sources/${file}"]`)).not.toBeNull();
    }
  });

  it('builds a search index that covers every article', () => {
    const search = readBuiltSearch(builtSite());
    const articleUrls = search.displays
      .filter((_, page) => search.facts.pages[page]!.type === 'article')
      .map((d) => d.url);
    expect(articleUrls.sort()).toEqual(
      readEntries()
        .map((e) => `/articles/${e.slug}/`)
        .sort(),
    );
    for (const entry of readEntries()) {
      const page = search.displays.findIndex((d) => d.url === `/articles/${entry.slug}/`);
      // A space between two Chinese characters is stored as a block break (excerpts print it as ｜).
      expect(search.text(page).replaceAll(BLOCK_BREAK, ' ')).toContain(entry.data.title);
    }
    expect(builtHtml('index.html').querySelectorAll('main a[href^="/articles/"]')).toHaveLength(readEntries().length);
  });
});

describe('topic pages', () => {
  it('list the articles about the topic, each card showing its figure for THAT topic, never an unrelated lead figure', () => {
    const entries = readEntries();
    const taxonomy = loadTaxonomy();
    for (const topic of taxonomy.topics) {
      const about = entries.filter((e) => [...topicsOf(e.data, taxonomy.topics)].some((t) => isTopic(topic, t)));
      if (about.length === 0) continue;
      const page = builtHtml(`topics/${topic.id}/index.html`);
      const items = page.querySelectorAll('li').filter((li) => li.querySelector('a.article-list-link'));
      const slugs = items.map(
        (li) => /\/articles\/([^/]+)\//u.exec(li.querySelector('a.article-list-link')?.getAttribute('href') ?? '')?.[1],
      );
      expect([...slugs].sort(), topic.id).toEqual(about.map((e) => e.slug).sort());
      for (const [i, item] of items.entries()) {
        const label = item.querySelector('.article-list-figure .figure-label')?.textContent.trim();
        if (label === undefined) continue;
        const metrics = entries.find((e) => e.slug === slugs[i])?.data.metrics ?? [];
        expect(
          metrics.some((m) => m.label === label && isTopic(topic, m.topic)),
          `${topic.id}: ${slugs[i]} shows "${label}"`,
        ).toBe(true);
      }
    }
  });
});
