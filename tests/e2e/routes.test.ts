/**
 * Every route of the built site in Chromium at 320 px: no console error, no failed request, no
 * Content-Security-Policy violation, no request to another origin, no sideways scrolling.
 * Then the policy itself: in force, and the site's scripts (charts, theme, search, offline) work under it.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWatchedPage, whenIdle, type WatchedPage } from '../../scripts/support/browser.ts';
import { waitForSearch } from '../../scripts/support/search.ts';
import type { StaticSite } from '../../scripts/support/serve.ts';
import { sharedBrowserAndSite } from '../support/e2e.ts';
import { readEntries } from '../support/content.ts';
import { builtSite, htmlFiles, routeOf } from '../support/site.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await sharedBrowserAndSite());
});

const routes = htmlFiles(builtSite()).map(routeOf);
/** Each article's route and headline: the page's h1 must be it. */
const titles = new Map(readEntries().map((e) => [`/articles/${e.slug}/`, e.data.title]));

interface Watched extends WatchedPage {
  /** Every URL the page requested. */
  requests: string[];
}

/** A page that also records its requests and the CSP violations the document reports. */
async function open(options: BrowserContextOptions = {}): Promise<Watched> {
  const watched = await openWatchedPage(browser, options);
  const requests: string[] = [];
  watched.page.on('request', (request) => requests.push(request.url()));
  await watched.page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (event) =>
      found.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return { ...watched, requests };
}

/**
 * Pages the route checks take turns on, one per check running at once: a fresh context a route cost Chromium about
 * three times a navigation (0.43 against 0.13 CPU-seconds a page load, measured on this machine). Between routes a
 * page goes to about:blank, which ends the last route's requests, and its records are cleared; the HTTP cache stays
 * warm, so each asset's request is checked on the first route that asks for it.
 */
const idlePages: Watched[] = [];
const borrowPage = async (): Promise<Watched> => idlePages.pop() ?? open({ viewport: { width: 320, height: 640 } });
async function returnPage(watched: Watched): Promise<void> {
  await watched.page.goto('about:blank');
  for (const record of [watched.consoleErrors, watched.failedRequests, watched.requests]) record.length = 0;
  idlePages.push(watched);
}
afterAll(async () => {
  for (const watched of idlePages.splice(0)) await watched.context.close();
});

const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** The page's policy as directive → sources. */
async function policy(page: Page): Promise<Map<string, string[]>> {
  const content = await page.evaluate(
    () => document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '',
  );
  return new Map(
    content
      .split(';')
      .map((part) => part.trim().split(/\s+/u))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe.concurrent('every route of the built site', () => {
  it('covers every kind of page', () => {
    for (const route of ['/', '/404', '/archive/', '/search/', '/stories/', '/offline/', '/offline/saved/'])
      expect(routes).toContain(route);
    for (const prefix of ['/articles/', '/stories/', '/regions/', '/years/', '/topics/'])
      expect(routes.filter((r) => r.startsWith(prefix) && r !== prefix).length).toBeGreaterThan(0);
  });

  // Service workers blocked: each page is checked as the network serves it; the worker has its own tests below and in offline.test.ts.
  it.each(routes)('%s at 320 px: clean console and network, same origin only, no sideways scrolling', async (path) => {
    const watched = await borrowPage();
    const { page } = watched;
    await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
    // The enhancers that start on idle have run.
    await whenIdle(page);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      'sideways scrolling at 320 px',
    ).toBeLessThanOrEqual(0);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.failedRequests).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(watched.requests.filter((url) => new URL(url).origin !== site.url)).toEqual([]);
    const csp = await policy(page);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toContain("'self'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    const title = titles.get(path);
    if (title !== undefined) expect(await page.locator('h1').textContent(), 'the headline').toBe(title);
    await returnPage(watched);
  });

  it('answers an unknown address with the 404 page, cleanly', async () => {
    const watched = await open({ viewport: { width: 320, height: 640 } });
    const response = await watched.page.goto(`${site.url}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await watched.page.locator('h1').textContent()).toBeTruthy();
    // Chromium logs the 404 itself; nothing else may fail.
    expect(watched.consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
    expect(watched.failedRequests.filter((r) => !r.includes('/no-such-page/'))).toEqual([]);
    await watched.context.close();
  });
});

describe('the Content-Security-Policy', () => {
  it('is in force: an injected inline script and a request to another origin are refused', async () => {
    const watched = await open();
    const { page } = watched;
    await page.goto(`${site.url}/articles/juye-2020/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.head.append(script);
      const img = document.createElement('img');
      img.src = 'https://tracker.example.com/pixel.gif';
      img.alt = '';
      document.body.append(img);
    });
    await page.waitForFunction(() => (window as unknown as { cspViolations: string[] }).cspViolations.length >= 2);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    const violations = await cspViolations(page);
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(violations).toContain('img-src https://tracker.example.com/pixel.gif');
    // Chromium announces the request, then refuses it before it reaches the network.
    expect(watched.failedRequests.filter((r) => r.includes('tracker.example.com'))).toEqual([
      'https://tracker.example.com/pixel.gif csp',
    ]);
    await watched.context.close();
  });

  it('lets the site work: charts, the theme toggle, the service worker and search, with no violation', async () => {
    const watched = await open({ viewport: { width: 375, height: 800 }, serviceWorkers: 'allow' });
    const { page } = watched;
    await page.goto(`${site.url}/articles/juye-2020/`);
    // Charts: the enhancer has run (it loads as the graphic nears the screen), and a mark shows its value on focus.
    await page.locator('.article-graphic').scrollIntoViewIfNeeded();
    await page.waitForSelector('chart-figure[data-enhanced]');
    await page.locator('chart-figure[data-enhanced] .chart-mark').first().focus();
    await page.waitForSelector('[role="tooltip"]:not([hidden])');
    // Theme toggle.
    await page.locator('theme-toggle button').click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    // Service worker: registered, active, the archive stored.
    await page.waitForFunction(() => document.documentElement.dataset['offlineReady'] !== undefined, undefined, {
      timeout: 30_000,
    });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
    expect(await cspViolations(page)).toEqual([]);
    // Search: Pagefind's script and WebAssembly load and find results.
    const q = '家庭医生签约';
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
    await waitForSearch(page, q);
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(await cspViolations(page)).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.failedRequests).toEqual([]);
    expect(watched.requests.filter((url) => new URL(url).origin !== site.url)).toEqual([]);
    await watched.context.close();
  });
});
