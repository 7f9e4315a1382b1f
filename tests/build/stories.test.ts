import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets } from '../../scripts/bench-js.ts';
import { readEntries } from '../support/content.ts';
import { builtArticles, builtHtml, builtSite } from '../support/site.ts';

const storySlugs = readdirSync('content/stories')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.slice(0, -4))
  .sort();
const storyPage = (slug: string): HTMLElement =>
  parse(readFileSync(join(builtSite(), 'stories', slug, 'index.html'), 'utf8'));

/** Every link into an article page's sentences: hrefs and the marks' data-href. */
function sentenceLinks(page: HTMLElement): string[] {
  const hrefs = page.querySelectorAll('a[href^="/articles/"]').map((a) => a.getAttribute('href') ?? '');
  const marks = page.querySelectorAll('[data-href]').map((m) => m.getAttribute('data-href') ?? '');
  return [...hrefs, ...marks].filter((h) => h.includes('#'));
}

function expectLinksLand(links: readonly string[], where: string): void {
  const articles = builtArticles();
  for (const link of links) {
    const m = /^\/articles\/([^/]+)\/#(.+)$/u.exec(link);
    expect(m, `${where}: ${link}`).not.toBeNull();
    const page = articles.get(decodeURIComponent(m![1]!));
    expect(page, `${where}: no article for ${link}`).toBeDefined();
    const target = page!.getElementById(decodeURIComponent(m![2]!));
    expect(target, `${where}: ${link} lands nowhere`).not.toBeNull();
    // The anchor is a sentence of the body (or an empty anchor inside one).
    expect(target!.closest('.article-body'), `${where}: ${link}`).not.toBeNull();
  }
}

/** A download's text: a story's data: URI, or an article chart's file under /data/charts/. */
function downloadText(href: string): string {
  if (href.startsWith('data:')) return decodeURIComponent(href.slice(href.indexOf(',') + 1));
  return readFileSync(join(builtSite(), href), 'utf8');
}

/** Story charts carry their downloads in the page; an article's charts link files, keeping the page light. */
function expectFigures(page: HTMLElement, where: string, downloads: 'inline' | 'files' = 'inline'): void {
  const figures = page.querySelectorAll('chart-figure');
  expect(figures.length, where).toBeGreaterThan(0);
  for (const figure of figures) {
    const title = figure.querySelector('figcaption')?.textContent.trim();
    expect(title, where).toBeTruthy();
    expect(figure.toString(), `${where}: ${title}`).not.toMatch(/NaN|undefined|Infinity/u);
    // No dead tab stops without JavaScript: the enhancer adds the marks' tabindex.
    expect(figure.querySelectorAll('.chart-mark[tabindex]'), `${where}: ${title}`).toHaveLength(0);
    const svg = figure.querySelector('svg.chart');
    if (figure.getAttribute('data-kind') !== 'numbers') {
      expect(svg?.querySelector('title')?.textContent, `${where}: ${title}`).toBeTruthy();
      expect(svg?.querySelector('desc')?.textContent, `${where}: ${title}`).toBeTruthy();
      expect(figure.querySelector('details > summary')?.textContent, `${where}: ${title}`).toBe('查看数据表');
      expect(figure.querySelector('details table caption'), `${where}: ${title}`).not.toBeNull();
    }
    const csv = figure.querySelector('a[download$=".csv"]')?.getAttribute('href') ?? '';
    const json = figure.querySelector('a[download$=".json"]')?.getAttribute('href') ?? '';
    if (downloads === 'inline') expect(csv.startsWith('data:text/csv;charset=utf-8,'), `${where}: ${title}`).toBe(true);
    else {
      expect(csv, `${where}: ${title}`).toMatch(/^\/data\/charts\/[^/]+-\d+\.csv$/u);
      expect(json, `${where}: ${title}`).toBe(csv.replace(/\.csv$/u, '.json'));
    }
    expect(downloadText(csv).startsWith('\uFEFF'), `${where}: ${title}`).toBe(true);
    const records = JSON.parse(downloadText(json)) as Array<Record<string, unknown>>;
    expect(Array.isArray(records), `${where}: ${title}`).toBe(true);
    // The JSON holds the CSV's records, field for field: nothing that grows with the archive beyond them.
    const lines = downloadText(csv)
      .replace(/^\uFEFF/u, '')
      .trimEnd()
      .split('\r\n');
    expect(records, `${where}: ${title}`).toHaveLength(lines.length - 1);
    for (const record of records)
      expect(lines[0]!.split(','), `${where}: ${title}`).toEqual(expect.arrayContaining(Object.keys(record)));
  }
}

describe('stories', () => {
  it('has at least three, each listed on /stories/', () => {
    expect(storySlugs.length).toBeGreaterThanOrEqual(3);
    const index = builtHtml('stories/index.html');
    expect(index.querySelectorAll('main a[href^="/stories/"]').map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining(storySlugs.map((s) => `/stories/${s}/`)),
    );
  });

  it.each(storySlugs)('%s: headline, charts with titles, descriptions, tables and downloads', (slug) => {
    const page = storyPage(slug);
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
    expect(page.querySelector('h1')?.textContent.trim()).toBeTruthy();
    expectFigures(page, slug);
    expect(page.querySelectorAll('.story-sources li').length).toBeGreaterThan(0);
  });

  it.each(storySlugs)('%s: every figure and event links to a sentence that exists', (slug) => {
    const links = sentenceLinks(storyPage(slug));
    expect(links.length).toBeGreaterThan(0);
    expectLinksLand(links, slug);
  });

  it('has a scrollytelling story whose steps each hold their text and a server-rendered graphic', () => {
    const scrollies = storySlugs.flatMap((s) => storyPage(s).querySelectorAll('scrolly-story'));
    expect(scrollies.length).toBeGreaterThan(0);
    for (const scrolly of scrollies) {
      const steps = scrolly.querySelectorAll('.scrolly-step');
      expect(steps.length).toBeGreaterThanOrEqual(3);
      for (const step of steps) {
        expect(step.querySelector('.scrolly-text')?.textContent.trim()).toBeTruthy();
        expect(step.querySelector('.scrolly-graphic chart-figure')).not.toBeNull();
      }
    }
  });

  it('has a timeline from 2018 to 2024 and a map', () => {
    const pages = storySlugs.map(storyPage);
    const dates = pages.flatMap((p) =>
      p.querySelectorAll('.chart-event').map((e) => e.getAttribute('data-date') ?? ''),
    );
    const years = new Set(dates.map((d) => d.slice(0, 4)));
    expect([...years].sort()).toEqual(expect.arrayContaining(['2018', '2020', '2023', '2024']));
    expect(pages.some((p) => p.querySelector('svg.chart--map'))).toBe(true);
  });
});

describe('article pages', () => {
  it('each show a graphic of their own figures, outside the article body, linked to their sentences', () => {
    for (const [slug, page] of builtArticles()) {
      const graphic = page.querySelector('.article-graphic');
      expect(graphic, slug).not.toBeNull();
      expect(graphic!.closest('.article-body'), slug).toBeNull();
      expect(graphic!.querySelectorAll('chart-figure').length, slug).toBeGreaterThanOrEqual(2);
      expectFigures(graphic!, slug, 'files');
      const links = sentenceLinks(graphic!);
      expect(
        links.every((l) => l.startsWith(`/articles/${slug}/#`)),
        slug,
      ).toBe(true);
      expectLinksLand(links, slug);
    }
  });

  it("anchor every stored event's sentence, or its photo caption", () => {
    const articles = builtArticles();
    const anchored = [...articles.values()].flatMap((p) => p.querySelectorAll('[id^="event-"]'));
    expect(anchored.length).toBeGreaterThan(40);
    for (const a of anchored) expect(a.closest('.fact') ?? a.closest('.photo')).not.toBeNull();
    for (const entry of readEntries())
      for (const event of entry.data.events)
        expect(articles.get(entry.slug)?.getElementById(event.id), `${entry.slug}#${event.id}`).not.toBeNull();
  });
});

describe('timelines', () => {
  it('draw the events stored in the articles, in their words and dates, each linked to its anchor', () => {
    const stored = new Map(
      readEntries().flatMap((entry) =>
        entry.data.events.map((event) => [
          `/articles/${entry.slug}/#${event.id}`,
          { event, region: entry.data.region },
        ]),
      ),
    );
    const drawn = storyPage('timeline-2018-2024').querySelectorAll('.chart-event');
    expect(drawn.length).toBeGreaterThan(20);
    for (const mark of drawn) {
      const href = mark.getAttribute('data-href') ?? '';
      const found = stored.get(href);
      expect(found, href).toBeDefined();
      expect(mark.getAttribute('data-label')).toBe(`${found!.region} · ${found!.event.what}`);
      expect(mark.getAttribute('data-date')).toBe(found!.event.date);
    }
    // The undated kinds are drawn too: honours and milestones are stored with the article's year.
    const kinds = new Set(drawn.map((m) => stored.get(m.getAttribute('data-href') ?? '')?.event.kind));
    expect([...kinds].sort()).toEqual(['dated', 'honour', 'milestone']);
  });
});

describe('client JavaScript budget (npm run budget:js)', () => {
  it('stays under 60 KB gzip on story pages and 10 KB of chart code on article pages', () => {
    const report = checkBudgets(builtSite());
    expect(report.stories.length).toBeGreaterThanOrEqual(3);
    expect(report.articles.length).toBeGreaterThan(0);
    expect(report.failures).toEqual([]);
    for (const p of report.stories) expect(p.total).toBeLessThanOrEqual(BUDGETS.storyTotal);
    // The enhancer is there to be measured: a page with charts loads it.
    expect(report.articles.every((p) => p.charts > 0)).toBe(true);
  });
});
