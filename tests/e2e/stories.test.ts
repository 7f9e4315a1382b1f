import { readdirSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { openWatchedPage, type WatchedPage } from '../../scripts/support/browser.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';

const stories = readdirSync('content/stories')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `/stories/${f.slice(0, -4)}/`)
  .sort();
const SCROLLY = '/stories/liaocheng-emergency-2023/';
const COMPARE = '/stories/topics-across-regions/';

let site: StaticSite;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  ({ site, browser } = await sharedBrowserAndSite());
});
afterAll(async () => {
  for (const w of opened) await w.context.close();
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, { viewport: { width: 1280, height: 900 }, ...options });
  opened.push(watched);
  await watched.page.goto(`${site.url}${path}`);
  return watched;
}

/**
 * The page as a reader without JavaScript gets it, but with the test's own scripting left on
 * (axe needs it): the site's scripts are stripped from the HTML and their files refused.
 */
async function openWithoutSiteScripts(path: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, { viewport: { width: 375, height: 800 }, ...options });
  opened.push(watched);
  await watched.page.route('**/*', async (route) => {
    const request = route.request();
    if (request.resourceType() === 'script') return route.abort();
    if (request.resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/giu, '');
    return route.fulfill({ response, body: html });
  });
  await watched.page.goto(`${site.url}${path}`);
  expect(await watched.page.locator('chart-figure[data-enhanced], scrolly-story.is-scrolly').count()).toBe(0);
  return watched;
}

/** Waits for the idle-time enhancer to have run on every chart of the page. */
async function enhanced(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('chart-figure')].every(
      (f) => f.querySelector('.chart-mark') === null || (f as HTMLElement).dataset['enhanced'] !== undefined,
    ),
  );
}

describe('axe-core finds no violations', () => {
  it.each(['/stories/', ...stories])('%s with JavaScript, 1280 px', async (path) => {
    const { page, consoleErrors, failedRequests } = await open(path);
    await enhanced(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it.each(stories)('%s without JavaScript, 375 px, dark', async (path) => {
    const { page } = await openWithoutSiteScripts(path, { colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });

  it('in the graphic of an article page', async () => {
    const { page } = await open('/articles/juye-2020/', { viewport: { width: 375, height: 800 } });
    await enhanced(page);
    expect(await axeViolations(page, '.article-graphic')).toEqual([]);
  });
});

describe('the chart enhancer', () => {
  it('shows the exact value and a link to the sentence on keyboard focus; arrows move, Escape closes', async () => {
    const { page } = await open(COMPARE);
    await enhanced(page);
    const figure = page.locator('chart-figure', { has: page.locator('svg.chart--bar') }).first();
    const marks = figure.locator('.chart-mark');
    // One tab stop per chart: the first mark.
    expect(await marks.evaluateAll((ms) => ms.map((m) => m.getAttribute('tabindex')))).toEqual(['0', '-1', '-1']);
    await marks.first().focus();
    const tip = figure.locator('.chart-tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const first = await marks.first().evaluate((m) => ({
      href: m.getAttribute('data-href'),
      label: m.getAttribute('data-label'),
      aria: m.getAttribute('aria-label') ?? '',
    }));
    expect(await tip.textContent()).toContain(first.label);
    expect(await tip.locator('.chart-tooltip__value').textContent()).toBe(
      first.aria.slice(first.aria.lastIndexOf('：') + 1),
    );
    expect(await tip.locator('a').getAttribute('href')).toBe(first.href);
    expect(await marks.first().getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));

    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(
      await marks.nth(1).getAttribute('data-id'),
    );
    expect(await tip.textContent()).toContain(await marks.nth(1).getAttribute('data-label'));
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(
      await marks.nth(2).getAttribute('data-id'),
    );

    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
  });

  it('follows the mark to its sentence on Enter, and the sentence is the target', async () => {
    const { page } = await open(COMPARE);
    await enhanced(page);
    const mark = page.locator('chart-figure svg.chart--bar .chart-mark').first();
    const href = (await mark.getAttribute('data-href'))!;
    await mark.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${href}`);
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      const box = el?.getBoundingClientRect();
      return {
        id: el?.id,
        text: el?.closest('.fact')?.textContent ?? '',
        visible: box ? box.top >= 0 && box.top < window.innerHeight : false,
      };
    });
    expect(target.id).toBe(decodeURIComponent(href.split('#')[1]!));
    expect(target.text.length).toBeGreaterThan(5);
    expect(target.visible).toBe(true);
  });

  it('shows the tooltip on hover, hides it when the pointer leaves, and a click follows the link', async () => {
    const { page } = await open(COMPARE);
    await enhanced(page);
    const figure = page.locator('chart-figure', { has: page.locator('svg.chart--proportion') }).first();
    const mark = figure.locator('.chart-mark').nth(1);
    await mark.hover();
    const tip = figure.locator('.chart-tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(await mark.getAttribute('data-label'));
    await page.mouse.move(5, 5);
    await expect.poll(() => tip.isVisible()).toBe(false);
    const href = (await mark.getAttribute('data-href'))!;
    await mark.click();
    await page.waitForURL(`**${href}`);
  });

  it('animates only when motion is welcome', async () => {
    const durations = async (reducedMotion: 'reduce' | 'no-preference') => {
      const { page } = await open(COMPARE, { reducedMotion });
      await enhanced(page);
      const figure = page.locator('chart-figure', { has: page.locator('svg.chart--bar') }).first();
      const mark = figure.locator('.chart-mark').first();
      await mark.hover();
      const tip = figure.locator('.chart-tooltip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      return {
        tip: await tip.evaluate((t) => getComputedStyle(t).transitionDuration),
        mark: await mark.evaluate((m) => getComputedStyle(m).transitionDuration),
        scrolly: await (async () => {
          await page.goto(`${site.url}${SCROLLY}`);
          return page
            .locator('.scrolly-graphic')
            .first()
            .evaluate((g) => getComputedStyle(g).transitionDuration);
        })(),
      };
    };
    const reduced = await durations('reduce');
    expect(reduced.tip.split(', ').every((d) => d === '0s')).toBe(true);
    expect(reduced.mark).toBe('0s');
    expect(reduced.scrolly.split(', ').every((d) => d === '0s')).toBe(true);
    const moving = await durations('no-preference');
    expect(moving.tip).toContain('0.15s');
    expect(moving.mark).toBe('0.15s');
    expect(moving.scrolly).toContain('0.35s');
  });
});

/** Which step graphics a reader can see: rendered, not hidden, not transparent. */
async function visibleGraphics(page: Page): Promise<boolean[]> {
  return page.locator('.scrolly-graphic').evaluateAll((graphics) =>
    graphics.map((g) => {
      const style = getComputedStyle(g);
      const box = g.getBoundingClientRect();
      const svgOrNumber = g.querySelector('svg.chart, .big-number');
      return (
        style.visibility === 'visible' &&
        Number(style.opacity) === 1 &&
        box.height > 50 &&
        svgOrNumber !== null &&
        svgOrNumber.getBoundingClientRect().height > 20
      );
    }),
  );
}

describe('the scrollytelling story', () => {
  it('without JavaScript shows every step with its graphic', async () => {
    for (const width of [375, 1280]) {
      const { page } = await open(SCROLLY, { javaScriptEnabled: false, viewport: { width, height: 800 } });
      const visible = await visibleGraphics(page);
      expect(visible.length).toBeGreaterThanOrEqual(3);
      expect(visible.every(Boolean)).toBe(true);
      expect(await page.locator('scrolly-story.is-scrolly').count()).toBe(0);
    }
  });

  it('with reduced motion keeps the static layout, every graphic visible', async () => {
    const { page } = await open(SCROLLY, { reducedMotion: 'reduce', viewport: { width: 375, height: 800 } });
    await page.waitForTimeout(300);
    expect(await page.locator('scrolly-story.is-scrolly').count()).toBe(0);
    expect((await visibleGraphics(page)).every(Boolean)).toBe(true);
  });

  it('with JavaScript keeps one graphic in view and changes it as the reader scrolls', async () => {
    for (const width of [375, 1280]) {
      const { page, consoleErrors } = await open(SCROLLY, { viewport: { width, height: 800 } });
      await page.locator('scrolly-story.is-scrolly').waitFor();
      const texts = page.locator('.scrolly-text');
      const count = await texts.count();
      for (const i of [0, 2, count - 1]) {
        // Bring step i to the middle of the viewport.
        await texts
          .nth(i)
          .evaluate((t) =>
            window.scrollBy(
              0,
              t.getBoundingClientRect().top + t.getBoundingClientRect().height / 2 - window.innerHeight / 2,
            ),
          );
        await expect
          .poll(async () => (await visibleGraphics(page)).map((v, j) => (v ? j : -1)).filter((j) => j >= 0), {
            timeout: 3000,
          })
          .toEqual([i]);
        const box = await page.locator('.scrolly-graphic[data-active]').boundingBox();
        expect(box!.y).toBeGreaterThanOrEqual(-1);
        expect(box!.y).toBeLessThan(800);
        // Hidden graphics are out of the tab order.
        expect(
          await page
            .locator('.scrolly-graphic:not([data-active])')
            .evaluateAll((gs) => gs.every((g) => (g as HTMLElement).inert)),
        ).toBe(true);
      }
      expect(consoleErrors).toEqual([]);
    }
  });
});
