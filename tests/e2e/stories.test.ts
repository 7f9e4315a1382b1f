import { readdirSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { openWatchedPage, type WatchedPage } from '../../scripts/support/browser.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';

const stories = readdirSync('content/stories')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `/stories/${f.slice(0, -4)}/`)
  .sort();
const SCROLLY = '/stories/liaocheng-emergency-2023/';
/** Pages with a bar chart and with rate bars: an article's own figures (a story's cross-region figures are never on one axis). */
const WITH_BARS = '/articles/juye-2020-2/';
const WITH_RATES = '/articles/jiyang-2024/';

let site: StaticSite;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  ({ site, browser } = await sharedBrowserAndSite());
});
// Each test's pages are closed when it ends: an open page keeps its renderer drawing frames for the rest of the file.
afterEach(async () => {
  for (const watched of opened.splice(0)) await watched.context.close();
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

/**
 * Waits for the enhancer to have run on every chart of the page: a story's load it when the page is idle,
 * an article's graphic once it nears the screen (so it is scrolled to first, as a reader would).
 */
async function enhanced(page: Page): Promise<void> {
  const lazy = page.locator('chart-figure[data-enhance="near"]').first();
  if ((await lazy.count()) > 0) await lazy.scrollIntoViewIfNeeded();
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
    const { page } = await open(WITH_BARS);
    await enhanced(page);
    const figure = page.locator('chart-figure', { has: page.locator('svg.chart--bar') }).first();
    const marks = figure.locator('.chart-mark');
    const count = await marks.count();
    expect(count).toBeGreaterThanOrEqual(3);
    // One tab stop per chart: the first mark.
    expect(await marks.evaluateAll((ms) => ms.map((m) => m.getAttribute('tabindex')))).toEqual([
      '0',
      ...Array<string>(count - 1).fill('-1'),
    ]);
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
      await marks.nth(count - 1).getAttribute('data-id'),
    );

    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
  });

  it('follows the mark to its sentence on Enter, and the sentence is the target', async () => {
    const { page } = await open(WITH_BARS);
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
    const { page } = await open(WITH_RATES);
    await enhanced(page);
    const figure = page.locator('chart-figure', { has: page.locator('svg.chart--proportion') }).first();
    const mark = figure.locator('.chart-mark').first();
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
      const { page } = await open(WITH_BARS, { reducedMotion });
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
            .locator('.scrolly-state')
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

/** Which of the steps' own graphics a reader can see (the layout without the sticky graphic). */
async function visibleGraphics(page: Page): Promise<boolean[]> {
  return page.locator('.scrolly-graphic').evaluateAll((graphics) =>
    graphics.map((g) => {
      const style = getComputedStyle(g);
      const box = g.getBoundingClientRect();
      const svg = g.querySelector('svg.chart');
      return (
        style.display !== 'none' &&
        style.visibility === 'visible' &&
        box.height > 50 &&
        svg !== null &&
        svg.getBoundingClientRect().height > 50 &&
        svg.querySelectorAll('.scrolly-state[data-active]').length === 1
      );
    }),
  );
}

/**
 * The step in view, measured in the page independently of the story's script: the last step
 * whose top has passed the middle of the viewport (the first before any has); and the state
 * the one graphic shows: the only state of the sticky figure that is opaque and visible.
 */
async function stepInViewAndShown(page: Page): Promise<{ inView: number; shown: number[]; inViewVisible: boolean }> {
  return page.evaluate(() => {
    const steps = [...document.querySelectorAll('.scrolly-step')];
    let inView = 0;
    steps.forEach((step, i) => {
      if (step.getBoundingClientRect().top <= window.innerHeight / 2) inView = i;
    });
    const box = steps[inView]!.getBoundingClientRect();
    const states = [...document.querySelectorAll('.scrolly-figure .scrolly-state')];
    const shown = states
      .map((state, i) => {
        const style = getComputedStyle(state);
        return style.visibility === 'visible' && Number(style.opacity) === 1 ? i : -1;
      })
      .filter((i) => i >= 0);
    return { inView, shown, inViewVisible: box.bottom > 0 && box.top < window.innerHeight };
  });
}

describe('the scrollytelling story', () => {
  it('without JavaScript shows every step: its text, then its own state of the graphic', async () => {
    for (const width of [375, 1280]) {
      const { page } = await open(SCROLLY, { javaScriptEnabled: false, viewport: { width, height: 800 } });
      const visible = await visibleGraphics(page);
      expect(visible.length).toBeGreaterThanOrEqual(3);
      expect(visible.every(Boolean)).toBe(true);
      // Each step's graphic is its own state: step i shows state i.
      expect(
        await page
          .locator('.scrolly-graphic')
          .evaluateAll((gs) =>
            gs.map((g) => g.querySelector('.scrolly-state[data-active]')?.getAttribute('data-state')),
          ),
      ).toEqual(visible.map((_, i) => String(i)));
      expect(await page.locator('.scrolly__stage').evaluate((s) => getComputedStyle(s).display)).toBe('none');
      expect(await page.locator('scrolly-story.is-scrolly').count()).toBe(0);
    }
  });

  it.each([375, 1280])(
    'at %d px lays the graphic out before the first paint: nothing shifts while the story script loads',
    async (width) => {
      const watched = await openWatchedPage(browser, { viewport: { width, height: 800 } });
      opened.push(watched);
      // Cumulative layout shift as Chromium reports it (the layout-shift entries Lighthouse's CLS sums).
      await watched.page.addInitScript(() => {
        const w = window as unknown as { layoutShift: number };
        w.layoutShift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.layoutShift += (entry as unknown as { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await watched.page.goto(`${site.url}${SCROLLY}`);
      // scrolly.ts has run: it marks the step in view.
      await watched.page.locator('scrolly-story[data-step]').waitFor();
      await watched.page.waitForTimeout(300);
      expect(
        await watched.page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift),
      ).toBeLessThan(0.01);
    },
  );

  it('with reduced motion keeps the static layout, every step with its graphic', async () => {
    const { page } = await open(SCROLLY, { reducedMotion: 'reduce', viewport: { width: 375, height: 800 } });
    await page.waitForTimeout(300);
    expect(await page.locator('scrolly-story.is-scrolly').count()).toBe(0);
    expect((await visibleGraphics(page)).every(Boolean)).toBe(true);
  });

  it('draws each step as a real state of one graphic: one SVG, a state per step, each with marks', async () => {
    const { page } = await open(SCROLLY, { viewport: { width: 1280, height: 900 } });
    await page.locator('scrolly-story.is-scrolly').waitFor();
    expect(await page.locator('.scrolly-figure svg.chart').count()).toBe(1);
    const steps = await page.locator('.scrolly-step').count();
    const states = page.locator('.scrolly-figure .scrolly-state');
    expect(await states.count()).toBe(steps);
    for (let i = 0; i < steps; i += 1) {
      expect(await states.nth(i).locator('rect, circle').count()).toBeGreaterThan(0);
      expect(await states.nth(i).locator('.chart-value').count()).toBeGreaterThan(0);
    }
  });

  for (const width of [375, 1280]) {
    it(`at ${width} px shows the step in view after scrolling, Home, End and a jump to a step's anchor`, async () => {
      const { page, consoleErrors } = await open(SCROLLY, { viewport: { width, height: 800 } });
      await page.locator('scrolly-story.is-scrolly').waitFor();
      const ids = await page.locator('.scrolly-step').evaluateAll((steps) => steps.map((s) => s.id));
      expect(ids.length).toBeGreaterThanOrEqual(3);
      const settled = async (expected?: number) => {
        await expect
          .poll(
            async () => {
              const { inView, shown } = await stepInViewAndShown(page);
              return shown.length === 1 && shown[0] === inView && (expected === undefined || inView === expected);
            },
            { timeout: 3000 },
          )
          .toBe(true);
      };
      // Reading: bring each step to the middle, one after another.
      for (const i of [0, 2, ids.length - 1, 1]) {
        await page
          .locator(`#${ids[i]}`)
          .evaluate((t) => window.scrollBy(0, t.getBoundingClientRect().top - window.innerHeight / 2 + 10));
        await settled(i);
      }
      // Jumps that skip steps: no intersection event in between.
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      await page.keyboard.press('End');
      await settled(ids.length - 1);
      await page.keyboard.press('Home');
      await settled(0);
      for (const i of [3, 1, ids.length - 1]) {
        await page.evaluate((id) => {
          location.hash = id;
        }, ids[i]!);
        await settled(i);
        // The step jumped to is in view, and its text is not hidden behind the graphic.
        const { inViewVisible } = await stepInViewAndShown(page);
        expect(inViewVisible).toBe(true);
        const hidden = await page.locator(`#${ids[i]} .scrolly-text`).evaluate((text) => {
          const box = text.getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + 20, Math.max(box.top + 12, 1));
          return !text.contains(hit);
        });
        expect(hidden).toBe(false);
      }
      // A reload at a step's anchor.
      await page.goto(`${site.url}${SCROLLY}#${ids[2]}`);
      await page.locator('scrolly-story.is-scrolly').waitFor();
      await settled(2);
      expect(consoleErrors).toEqual([]);
    });
  }
});
