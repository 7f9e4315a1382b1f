import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWatchedPage } from '../../scripts/support/browser.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await sharedBrowserAndSite());
});

const ARTICLE = '/articles/juye-2020/';

describe('reading in a real browser', () => {
  it('remembers the reader’s theme across pages with no flash of the other theme', async () => {
    const watched = await openWatchedPage(browser, { viewport: { width: 375, height: 800 }, colorScheme: 'light' });
    const { page } = watched;
    await page.goto(`${site.url}${ARTICLE}`);
    const toggle = page.locator('theme-toggle button');
    await expect(toggle.isVisible()).resolves.toBe(true);
    await expect(toggle.getAttribute('aria-label')).resolves.toBe('切换到深色模式');
    await toggle.click();
    await expect(
      page.evaluate(() => [document.documentElement.dataset['theme'], localStorage.getItem('archive-theme')]),
    ).resolves.toEqual(['dark', 'dark']);
    await expect(toggle.getAttribute('aria-label')).resolves.toBe('切换到浅色模式');
    // Next page: the theme is set before the body is parsed, so the first paint is already dark.
    // The theme attribute the (render-blocking) stylesheet keys on, read when the parser reaches <body>:
    // computed colours at that moment depend on whether the stylesheet has arrived yet, which is timing.
    await page.addInitScript(() => {
      const seen = window as unknown as { firstTheme?: string };
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        seen.firstTheme = document.documentElement.dataset['theme'] ?? 'none';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${site.url}/`);
    expect(await page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 21, 24)');
    await toggle.click();
    await expect(page.evaluate(() => localStorage.getItem('archive-theme'))).resolves.toBe('light');
    await watched.context.close();
  });

  it('prints black on white without the chrome, even from a dark screen', async () => {
    const watched = await openWatchedPage(browser, { colorScheme: 'dark' });
    const { page } = watched;
    await page.goto(`${site.url}${ARTICLE}`);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.querySelector('.article-body p')!).color,
      nav: getComputedStyle(document.querySelector('.site-nav')!).display,
      toc: getComputedStyle(document.querySelector('.toc-inline')!).display,
    }));
    expect(printed).toEqual({ bg: 'rgb(255, 255, 255)', fg: 'rgb(0, 0, 0)', nav: 'none', toc: 'none' });
    await watched.context.close();
  });

  it('follows the system theme when the reader never chose', async () => {
    const watched = await openWatchedPage(browser, { colorScheme: 'dark' });
    await watched.page.goto(`${site.url}${ARTICLE}`);
    const bg = await watched.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(20, 21, 24)');
    await watched.context.close();
  });

  it('is readable with JavaScript off: the text, contents and provenance are there, no dead toggle', async () => {
    const watched = await openWatchedPage(browser, { javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const { page } = watched;
    await page.goto(`${site.url}${ARTICLE}`);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('.article-body p').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('theme-toggle button').isVisible()).resolves.toBe(false);
    await page.locator('.toc-inline summary').click();
    await page.locator('.toc-inline a').nth(1).click();
    expect(page.url()).toMatch(/#.+$/u);
    await expect(page.locator('.provenance a[href^="/sources/"][data-sha256]').isVisible()).resolves.toBe(true);
    await watched.context.close();
  });

  it('can be read by keyboard: a skip link first, a visible focus ring, focus moved to the text', async () => {
    const watched = await openWatchedPage(browser, { viewport: { width: 375, height: 800 } });
    const { page } = watched;
    await page.goto(`${site.url}${ARTICLE}`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, top: box.top, height: box.height, outline: getComputedStyle(el).outlineStyle };
    });
    expect(skip.text).toBe('跳到正文');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.height).toBeGreaterThan(20);
    expect(skip.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
    expect(next.tag).toBe('A');
    expect(next.outline).toBe('solid');
    expect(next.width).toBe('3px');
    await watched.context.close();
  });

  it('gives every control and navigation link a tap target of at least 44 px on a phone', async () => {
    const selectors = [
      '.site-nav a',
      'theme-toggle button',
      '.breadcrumb a',
      '.dateline a',
      '.toc-inline summary',
      '.provenance a',
      '.corrections summary',
      '.article-nav a',
      '.site-footer a',
      '.chips a',
      '.card',
    ];
    for (const path of [ARTICLE, '/', '/archive/']) {
      const watched = await openWatchedPage(browser, { viewport: { width: 375, height: 800 } });
      await watched.page.goto(`${site.url}${path}`);
      const small = await watched.page.evaluate((list) => {
        const found: string[] = [];
        for (const selector of list) {
          for (const el of document.querySelectorAll<HTMLElement>(selector)) {
            const box = el.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;
            if (box.height < 44 || box.width < 24)
              found.push(
                `${selector} "${el.textContent?.trim().slice(0, 12)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
              );
          }
        }
        return found;
      }, selectors);
      expect(small, path).toEqual([]);
      await watched.context.close();
    }
  });
});
