import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { openWatchedPage, type WatchedPage } from '../../scripts/support/browser.ts';
import { readingPages } from '../support/pages.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await sharedBrowserAndSite());
});

describe('accessibility of the reading pages (axe-core)', () => {
  // Each page in both themes and at both widths, as two scans: light at 375 and dark at 1280, or the other way
  // round, alternating page by page so every pairing of theme and width is scanned on half the page kinds.
  const cases = readingPages().flatMap((p, i) =>
    (i % 2 === 0
      ? ([
          ['light', 375],
          ['dark', 1280],
        ] as const)
      : ([
          ['dark', 375],
          ['light', 1280],
        ] as const)
    ).map(([scheme, width]) => [p.kind, p.path, scheme, width] as const),
  );
  // One page for every scan, set to each case's width and scheme before it loads: a fresh context a scan cost
  // Chromium about three times a navigation.
  let scans: WatchedPage | undefined;
  afterAll(async () => scans?.context.close());
  it.each(cases)('%s %s, %s theme, %d px: no violations', async (_kind, path, scheme, width) => {
    scans ??= await openWatchedPage(browser);
    const { page } = scans;
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${site.url}${path}`);
    // Open every disclosure (contents, corrections) so their contents are checked too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('would catch a violation (the scan is real)', async () => {
    const watched = await openWatchedPage(browser, { viewport: { width: 375, height: 900 } });
    await watched.page.goto(`${site.url}/`);
    await watched.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/favicon.svg';
      document.querySelector('main')?.append(img);
      document.querySelector('.card-dek')?.setAttribute('style', 'color: #ccc');
    });
    const found = await axeViolations(watched.page);
    expect(found.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(found.some((v) => v.startsWith('color-contrast'))).toBe(true);
    await watched.context.close();
  });

  it('also passes with the theme chosen by the toggle (dark over a light system)', async () => {
    const watched = await openWatchedPage(browser, { viewport: { width: 375, height: 900 }, colorScheme: 'light' });
    await watched.page.goto(`${site.url}/articles/juye-2020/`);
    await watched.page.locator('theme-toggle button').click();
    expect(await watched.page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await axeViolations(watched.page)).toEqual([]);
    await watched.context.close();
  });
});
