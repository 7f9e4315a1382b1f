/**
 * Headlines, headings, deks and card titles never break a line inside a word, at a phone's and a desktop's width.
 * The oracle is the browser's own dictionary segmenter (Intl.Segmenter, ICU), independent of the BudouX phrases
 * the site prints: each place where a line box ends must be a word boundary of the element's text.
 * Pages are split in two halves (alternate routes): a tuning half and a held-out half, reported separately.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWatchedPage } from '../../scripts/support/browser.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';
import { builtSite, htmlFiles, routeOf } from '../support/site.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await sharedBrowserAndSite());
});

/** What a reader reads as a headline, heading, dek or card title. */
export const HEADLINE_SELECTOR = [
  'h1',
  'h2',
  'h3',
  '.card-title',
  '.card-dek',
  '.dek',
  '.subtitle',
  '.story-dek',
  '.article-list-title',
  '.article-list-dek',
  '.article-nav-title',
].join(',');

const WIDTHS = [375, 1280];

/** Every reading route of the build (the raw-source pages hold long preformatted text, not headlines). */
function routes(): string[] {
  return htmlFiles(builtSite())
    .map(routeOf)
    .filter((route) => route !== '/404' && !route.startsWith('/offline/'));
}

/** Breaks inside words on the open page: "…前|后…" snippets, one per offending line break. */
async function breaksInsideWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const found: string[] = [];
    const seen = new Set<Element>();
    for (const element of document.querySelectorAll(sel)) {
      if (seen.has(element)) continue;
      seen.add(element);
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // hidden, or visually hidden for screen readers
      const text = element.textContent ?? '';
      const boundaries = new Set<number>([0, text.length]);
      for (const segment of segmenter.segment(text)) {
        boundaries.add(segment.index);
        boundaries.add(segment.index + segment.segment.length);
      }
      // Each visible character's position and box, in textContent order.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let offset = 0;
      let previous: { top: number; bottom: number } | undefined;
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        for (let i = 0; i < value.length; i++) {
          const code = value.charCodeAt(i);
          const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
          range.setStart(node, i);
          range.setEnd(node, i + width);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const rect = rects[rects.length - 1];
          if (rect && !/\s/u.test(value[i] ?? '')) {
            if (previous && rect.top >= previous.bottom - 2 && !boundaries.has(offset + i)) {
              const at = offset + i;
              found.push(`${text.slice(Math.max(0, at - 8), at)}|${text.slice(at, at + 8)}`);
            }
            previous = { top: rect.top, bottom: rect.bottom };
          }
          i += width - 1;
        }
        offset += value.length;
      }
    }
    return found;
  }, selector);
}

/** One load of each page, laid out at each width in turn (a resize lays the page out again, as a rotated phone does). */
async function scan(half: 0 | 1): Promise<string[]> {
  const failures: string[] = [];
  const pages = routes().filter((_, index) => index % 2 === half);
  const watched = await openWatchedPage(browser, { viewport: { width: WIDTHS[0]!, height: 900 } });
  for (const route of pages) {
    await watched.page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
    await watched.page.goto(`${site.url}${route}`);
    for (const width of WIDTHS) {
      await watched.page.setViewportSize({ width, height: 900 });
      await watched.page.evaluate(() => document.fonts.ready);
      for (const snippet of await breaksInsideWords(watched.page, HEADLINE_SELECTOR)) {
        failures.push(`${width}px ${route}: ${snippet}`);
      }
    }
  }
  await watched.context.close();
  return failures;
}

describe('headline line breaks fall between words (Intl.Segmenter as the oracle)', () => {
  it('tuning half of the pages, 375 and 1280 px', { timeout: 300_000 }, async () => {
    const failures = await scan(0);
    expect(failures, `${failures.length} breaks inside words`).toEqual([]);
  });
  it('held-out half of the pages, 375 and 1280 px', { timeout: 300_000 }, async () => {
    const failures = await scan(1);
    expect(failures, `${failures.length} breaks inside words`).toEqual([]);
  });
});
