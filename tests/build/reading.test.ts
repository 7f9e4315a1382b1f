import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkArticleBudget } from '../../scripts/budget.ts';
import { bodyBlocks } from '../../src/lib/body-text.ts';
import { groupByPlace, groupByTopic, groupByYear } from '../../src/lib/archive.ts';
import { readingMinutes } from '../../src/site/reading.ts';
import { loadTaxonomy } from '../../src/lib/taxonomy.ts';
import { readEntries } from '../support/content.ts';
import { builtArticles, builtHtml, builtSite, readBuilt } from '../support/site.ts';

const entries = readEntries();
const asLike = entries.map((e) => ({ id: e.slug, data: e.data, body: e.body }));
const taxonomy = loadTaxonomy();

describe('article pages', () => {
  it.each(entries.map((e) => [e.slug, e] as const))(
    '%s: contents, byline, reading time, provenance, neighbours',
    (slug, entry) => {
      const page = builtArticles().get(slug)!;
      // Table of contents: one link per section, in order, each to the id of its h2.
      const h2 = page.querySelectorAll('.article-body h2');
      for (const toc of ['.toc-rail', '.toc-inline']) {
        const links = page.querySelectorAll(`${toc} a`);
        // A heading printed with its own section number (聊城: "2 精于管理 …") is listed without it: the list numbers it.
        const listed = entry.data.sections.map((text, i) =>
          text.startsWith(`${i + 1} `) ? text.slice(`${i + 1} `.length) : text,
        );
        expect(links.map((a) => a.textContent)).toEqual(listed);
        expect(links.map((a) => a.getAttribute('href'))).toEqual(h2.map((h) => `#${h.getAttribute('id')}`));
      }
      // Byline: every author with their role.
      const byline = page.querySelector('.byline')?.textContent ?? '';
      for (const author of entry.data.authors) {
        expect(byline).toContain(author.role);
        expect(byline).toContain(author.name);
      }
      // Reading time from the characters of the running text.
      const characters = page
        .querySelectorAll('.article-body p, .article-body h2')
        .map((n) => n.textContent.replace(/\s/gu, ''))
        .join('').length;
      expect(page.querySelector('.reading')?.textContent).toContain(`约 ${readingMinutes(characters)} 分钟读完`);
      // Provenance: the source as delivered, and every correction listed.
      expect(page.querySelector(`.provenance a[href="/sources/${entry.data.source!.file}"]`)).not.toBeNull();
      expect(page.querySelectorAll('.corrections .correction')).toHaveLength(entry.data.corrections.length);
      // The printed byline stays in the indexed body; the chrome does not.
      const body = page.querySelector('[data-pagefind-body]')!;
      expect(body.querySelector('.provenance')?.getAttribute('data-pagefind-ignore')).not.toBeUndefined();
      for (const credit of entry.data.credits)
        expect(body.querySelectorAll('.printed-credit').map((c) => c.textContent)).toContain(credit);
      // Previous/next stay inside the archive.
      for (const a of page.querySelectorAll('.article-nav a'))
        expect(a.getAttribute('href')).toMatch(/^\/articles\/[a-z0-9-]+\/$/u);
    },
  );

  it('has no 数据 panel while an article has no figures', () => {
    for (const entry of entries.filter((e) => e.data.metrics.length === 0)) {
      expect(builtArticles().get(entry.slug)!.querySelector('.data-panel')).toBeNull();
    }
  });

  it('describes itself to search engines and apps: canonical URL, Open Graph image, NewsArticle JSON-LD naming its source', async () => {
    for (const entry of entries) {
      const page = builtArticles().get(entry.slug)!;
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(
        new RegExp(`/articles/${entry.slug}/$`, 'u'),
      );
      const image = page.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
      expect(image).toMatch(new RegExp(`/og/${entry.slug}\\.png$`, 'u'));
      const meta = await sharp(join(builtSite(), 'og', `${entry.slug}.png`)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
      const json = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<
        string,
        unknown
      >;
      expect(json['@type']).toBe('NewsArticle');
      expect(json['headline']).toBe(entry.data.title);
      expect(json['inLanguage']).toBe('zh-CN');
      expect(json['isBasedOn']).toMatchObject({
        name: entry.data.source!.file,
        contentUrl: expect.stringMatching(new RegExp(`/sources/${entry.data.source!.file}$`, 'u')),
      });
    }
  });

  it('runs one inline script, the theme script, blocking in <head> before any paint (no request to wait for)', () => {
    for (const page of [...builtArticles().values(), builtHtml('index.html'), builtHtml('archive/index.html')]) {
      const inline = page
        .querySelectorAll('script:not([src])')
        .filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(inline).toHaveLength(1);
      const init = inline[0]!;
      expect(init.closest('head')).not.toBeNull();
      expect(init.textContent).toContain('data-theme');
      expect([init.getAttribute('type'), init.hasAttribute('async'), init.hasAttribute('defer')]).toEqual([
        undefined,
        false,
        false,
      ]);
    }
  });

  it('stays within the page-weight budget (same check as `npm run budget`)', () => {
    const report = checkArticleBudget(builtSite());
    expect(report.pages).toHaveLength(entries.length);
    expect(report.over.map((p) => `${p.page} ${p.total} B`)).toEqual([]);
    // The stylesheet is inlined (counted with the HTML), or a file counted as CSS: either way it is in the total.
    for (const page of report.pages)
      expect(
        page.assets.some((a) => a.endsWith('.css')) || /<style\b/u.test(readBuilt(`${page.page.slice(1)}index.html`)),
        page.page,
      ).toBe(true);
  });
});

describe('archive pages', () => {
  it('has a page for every region and year with articles, listing them with a count', () => {
    for (const group of groupByPlace(taxonomy, asLike)) {
      const page = builtHtml(`regions/${group.place.pinyin}/index.html`);
      expect(page.querySelectorAll('main .article-list a').map((a) => a.getAttribute('href'))).toEqual(
        group.entries.map((e) => `/articles/${e.id}/`),
      );
      expect(page.querySelector('.archive-count')?.textContent).toBe(`共 ${group.entries.length} 篇`);
    }
    for (const group of groupByYear(asLike)) {
      const page = builtHtml(`years/${group.year}/index.html`);
      expect(page.querySelectorAll('main .article-list a')).toHaveLength(group.entries.length);
    }
    const index = builtHtml('archive/index.html');
    expect(index.querySelectorAll('main .article-list a')).toHaveLength(entries.length);
  });

  it('makes topic pages only for topics with articles', () => {
    const withArticles = new Set(groupByTopic(taxonomy, asLike).map((g) => g.topic.id));
    if (entries.some((e) => e.data.metrics.length > 0)) expect(withArticles.size).toBeGreaterThan(0);
    for (const topic of taxonomy.topics)
      expect(existsSync(join(builtSite(), 'topics', topic.id, 'index.html'))).toBe(withArticles.has(topic.id));
  });

  it('links the front page to every article once, and to the region and year pages with counts', () => {
    const front = builtHtml('index.html');
    expect(front.querySelectorAll('main a[href^="/articles/"]')).toHaveLength(entries.length);
    for (const group of groupByPlace(taxonomy, asLike)) {
      const chip = front.querySelector(`a[href="/regions/${group.place.pinyin}/"]`);
      expect(chip?.querySelector('.count')?.textContent).toBe(`${group.entries.length} 篇`);
    }
  });
});

describe('feeds and discovery', () => {
  it('publishes every article in full in /rss.xml', () => {
    const rss = readBuilt('rss.xml');
    for (const entry of entries) {
      expect(rss).toContain(`/articles/${entry.slug}/</link>`);
      const paragraphs = bodyBlocks(entry.body).filter((b) => b.type === 'paragraph');
      for (const p of [paragraphs[0]!, paragraphs.at(-1)!]) expect(rss).toContain(p.text.slice(0, 30));
    }
  });

  it('lists the pages in the sitemap, not the 404 page', () => {
    const sitemap = readBuilt('sitemap-0.xml');
    for (const entry of entries) expect(sitemap).toContain(`/articles/${entry.slug}/</loc>`);
    expect(sitemap).toContain('/archive/</loc>');
    expect(sitemap).not.toContain('404');
  });

  it('has a helpful 404 page kept out of search engines', () => {
    const page = builtHtml('404.html');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(page.querySelectorAll('main a[href^="/articles/"]').length).toBeGreaterThan(0);
    expect(page.querySelectorAll('main a[href^="/regions/"]').length).toBeGreaterThan(0);
    expect(readFileSync(join(builtSite(), '404.html'), 'utf8')).toContain('找不到这个页面');
  });
});
