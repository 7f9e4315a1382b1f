import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FLAGS, chromePath, launchBrowser, openWatchedPage } from '../../scripts/support/browser.ts';
import { serveSite, type StaticSite } from '../../scripts/support/serve.ts';
import { builtSite } from '../support/site.ts';
import { waitForSearch } from '../../scripts/support/search.ts';
import { readEntries } from '../support/content.ts';
import { writeServiceWorker } from '../../src/offline/build/integration.ts';
import { cacheNames } from '../../src/offline/shared/config.ts';
import { ui } from '../../src/lib/ui-strings.ts';

let browser: Browser;
const temps: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A private copy of the test build, for tests that change files or regenerate the worker. */
function copyOfBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'offline-e2e-'));
  temps.push(dir);
  cpSync(builtSite(), dir, { recursive: true });
  return dir;
}

async function offlineReady(page: Page, want: 'all' | 'core'): Promise<void> {
  await page.waitForFunction((expected) => document.documentElement.dataset['offlineReady'] === expected, want, {
    timeout: 30_000,
  });
}

const readManifestVersion = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'sw-manifest.json'), 'utf8')) as { version: string }).version;

const cacheKeys = (page: Page) =>
  page.evaluate(async () => {
    const all: Record<string, string[]> = {};
    for (const name of await caches.keys())
      all[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    return all;
  });

/**
 * Search on the search page, as a reader would (here offline): the links of the results listed
 * first and how many of them show an excerpt (which needs the page's text file).
 */
async function search(page: Page, siteUrl: string, query: string): Promise<{ hrefs: string[]; excerpts: number }> {
  await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(query)}`);
  await waitForSearch(page, query);
  return page.evaluate(() => ({
    hrefs: [...document.querySelectorAll('.search-result-title a')].map((a) => a.getAttribute('href') ?? ''),
    excerpts: document.querySelectorAll('.search-result-excerpt').length,
  }));
}

const articles = readEntries();

describe('offline reading after one visit (whole archive within budget)', () => {
  let site: StaticSite;

  it(
    'caches everything in the background, then reads every page and searches with no network',
    { timeout: 120_000 },
    async () => {
      const dir = builtSite();
      site = await serveSite(dir);
      const watched = await openWatchedPage(browser, {
        viewport: { width: 375, height: 800 },
        serviceWorkers: 'allow',
      });
      const { page, context } = watched;
      await page.goto(`${site.url}/`);
      await offlineReady(page, 'all');
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.failedRequests).toEqual([]);

      // Neither error answers nor other origins are ever stored.
      await page.evaluate(
        async (other) => {
          await fetch('/no-such-file.json');
          await fetch(other, { mode: 'no-cors' }).catch(() => undefined);
        },
        site.url.replace('127.0.0.1', 'localhost') + '/data/articles.json',
      );
      const stored = Object.values(await cacheKeys(page)).flat();
      expect(stored).not.toContain('/no-such-file.json');
      const origins = await page.evaluate(async () => {
        const found = new Set<string>();
        for (const name of await caches.keys())
          for (const r of await (await caches.open(name)).keys()) found.add(new URL(r.url).origin);
        return [...found];
      });
      expect(origins).toEqual([site.url]);

      await context.setOffline(true);
      await site.close();

      for (const article of articles) {
        await page.goto(`${site.url}/articles/${article.slug}/`);
        await expect(page.locator('h1').textContent()).resolves.toBe(article.data.title);
      }
      const storiesDir = join(dir, 'stories');
      const stories = existsSync(storiesDir)
        ? readdirSync(storiesDir).filter((s) => existsSync(join(storiesDir, s, 'index.html')))
        : [];
      for (const story of stories) {
        const response = await page.goto(`${site.url}/stories/${story}/`);
        expect(response?.status()).toBe(200);
        await expect(page.locator('h1').first().textContent()).resolves.not.toBe(ui.offline.offlineHeading);
      }

      // Search: each article is found by its own title, first, with an excerpt from its stored text.
      for (const article of articles) {
        const { hrefs, excerpts } = await search(page, site.url, article.data.title);
        expect(hrefs[0], article.slug).toBe(`/articles/${article.slug}/`);
        expect(excerpts).toBe(hrefs.length);
      }
      expect((await search(page, site.url, articles[0]!.data.city)).hrefs.length).toBeGreaterThan(0);
      await expect(page.getAttribute('archive-search', 'data-view')).resolves.toBe('results');

      // Data exports and source texts.
      const data = await page.evaluate(() => fetch('/data/articles.json').then((r) => r.json() as Promise<unknown[]>));
      expect(data).toHaveLength(articles.length);
      // The raw seed texts, byte for byte (the readable /sources/<name>/ pages are pages like the others).
      for (const file of readdirSync(join(dir, 'sources')).filter((name) => name.endsWith('.txt'))) {
        const text = await page.evaluate((path) => fetch(path).then((r) => r.text()), `/sources/${file}`);
        expect(text).toBe(readFileSync(join(dir, 'sources', file), 'utf8'));
      }

      // A page that was never built (so never cached) shows the offline page, listing what is stored.
      await page.goto(`${site.url}/articles/not-an-article/`);
      await expect(page.locator('h1').textContent()).resolves.toBe(ui.offline.offlineHeading);
      await page.locator('offline-pages[data-rendered]').waitFor();
      const listed = await page
        .locator('offline-pages a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const article of articles) expect(listed).toContain(`/articles/${article.slug}/`);
      expect(listed).toContain('/');
      await context.close();
    },
  );

  it('is installable by Chromium’s criteria and works without JavaScript', async () => {
    site = await serveSite(builtSite());
    // Installability is judged in a normal profile, not the incognito-like default context.
    const profile = mkdtempSync(join(tmpdir(), 'offline-profile-'));
    temps.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromePath(),
      args: FLAGS,
      headless: true,
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await offlineReady(page, 'all');
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.url).toBe(`${site.url}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[];
    };
    expect(installabilityErrors).toEqual([]);
    await context.close();

    const noScript = await openWatchedPage(browser, { javaScriptEnabled: false });
    const article = articles[0]!;
    await noScript.page.goto(`${site.url}/articles/${article.slug}/`);
    await expect(noScript.page.locator('h1').textContent()).resolves.toBe(article.data.title);
    await expect(noScript.page.locator('offline-save').isVisible()).resolves.toBe(false);
    await expect(noScript.page.locator('[data-offline-update]').isVisible()).resolves.toBe(false);
    expect(noScript.failedRequests).toEqual([]);
    await noScript.context.close();
    await site.close();
  });
});

describe('a new build', () => {
  it('installs in the background, is offered with a banner, and replaces the old caches only when the reader reloads', async () => {
    const dir = copyOfBuild();
    let site = await serveSite(dir);
    const port = Number(new URL(site.url).port);
    const { page, context } = await openWatchedPage(browser, {
      viewport: { width: 375, height: 500 },
      serviceWorkers: 'allow',
    });
    const article = articles.find((a) => a.body.length > 2000) ?? articles[0]!;
    const path = `/articles/${article.slug}/`;
    await page.goto(`${site.url}${path}`);
    await offlineReady(page, 'all');
    const oldCaches = Object.keys(await cacheKeys(page));
    expect(oldCaches).toContain(cacheNames.precache(readManifestVersion(dir)));

    // Publish a changed build at the same origin.
    await site.close();
    const file = join(dir, 'articles', article.slug, 'index.html');
    const revised = `${article.data.title}（修订）`;
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, html.replace(/<h1([^>]*)>[\s\S]*?<\/h1>/u, `<h1$1>${revised}</h1>`));
    expect(readFileSync(file, 'utf8')).not.toBe(html);
    const next = await writeServiceWorker(dir);
    site = await serveSite(dir, port);

    // The reader is mid-article; the browser checks for a new worker on the next navigation.
    await page.goto(`${site.url}${path}`);
    await page.evaluate(() => {
      window.scrollTo(0, 600);
      document.documentElement.dataset['reading'] = 'still here';
    });
    const banner = page.locator('[data-offline-update]');
    await banner.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(banner.textContent()).resolves.toContain(ui.offline.updateAvailable);
    await page.waitForTimeout(500);
    // Not reloaded behind the reader's back, still the old text from the old cache.
    await expect(page.evaluate(() => document.documentElement.dataset['reading'])).resolves.toBe('still here');
    await expect(page.locator('h1').textContent()).resolves.toBe(article.data.title);
    const scrolled = await page.evaluate(() => window.scrollY);

    await Promise.all([page.waitForEvent('load'), page.locator('[data-offline-reload]').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe(revised);
    await expect(page.evaluate(() => document.documentElement.dataset['reading'])).resolves.toBeUndefined();
    // The browser restores the reader's place (the revised headline may shift it a little).
    expect(scrolled).toBeGreaterThan(300);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(60);

    await offlineReady(page, 'all');
    const newCaches = Object.keys(await cacheKeys(page));
    expect(newCaches).toContain(cacheNames.precache(next.version));
    for (const name of oldCaches.filter((n) => n.startsWith(cacheNames.precachePrefix)))
      expect(newCaches).not.toContain(name);
    await context.close();
    await site.close();
  });
});

describe('an archive over the offline budget', () => {
  it('keeps the shell, the search index, opened pages and saved pages; offers 保存以离线阅读 and a saved list', async () => {
    const dir = copyOfBuild();
    const manifest = await writeServiceWorker(dir, { budgetBytes: 1 });
    expect(manifest.fitsBudget).toBe(false);
    const site = await serveSite(dir);
    const { page, context } = await openWatchedPage(browser, { serviceWorkers: 'allow' });
    const [saved, opened, unopened] = [articles[0]!, articles[1]!, articles[2]!];
    await page.goto(`${site.url}/articles/${opened.slug}/`);
    await offlineReady(page, 'core');
    await page.goto(`${site.url}/articles/${saved.slug}/`);
    const control = page.locator('offline-save');
    await control.locator('button', { hasText: ui.offline.save }).click();
    await control.locator('[data-status]', { hasText: ui.offline.saved }).waitFor();

    const stored = await cacheKeys(page);
    const precached = Object.entries(stored).find(([name]) => name.startsWith(cacheNames.precachePrefix))![1];
    expect(precached).toContain('/pagefind/facts.bin.gz');
    expect(precached.some((path) => path.startsWith('/pagefind/terms/'))).toBe(true);
    expect(precached.some((path) => path.startsWith('/pagefind/display/'))).toBe(true);
    // Page texts are one file per page: over the budget they are not kept ahead of need.
    expect(precached.filter((path) => path.startsWith('/pagefind/text/'))).toEqual([]);
    expect(precached).not.toContain(`/articles/${unopened.slug}/`);
    expect(stored[cacheNames.saved]).toEqual([`/articles/${saved.slug}/`]);

    await context.setOffline(true);
    await site.close();
    await page.goto(`${site.url}/articles/${saved.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(saved.data.title);
    await page.goto(`${site.url}/articles/${opened.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(opened.data.title);
    // The search files are local, so search still finds pages, stored or not; a page whose text is not stored goes without excerpt.
    const found = await search(page, site.url, unopened.data.title);
    expect(found.hrefs[0]).toBe(`/articles/${unopened.slug}/`);
    expect(found.excerpts).toBeLessThan(found.hrefs.length);

    await page.goto(`${site.url}/articles/${unopened.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(ui.offline.offlineHeading);
    await page.locator('offline-pages[data-rendered]').waitFor();
    const listed = await page
      .locator('offline-pages a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(listed).toEqual(expect.arrayContaining([`/articles/${saved.slug}/`, `/articles/${opened.slug}/`]));
    expect(listed).not.toContain(`/articles/${unopened.slug}/`);

    await page.goto(`${site.url}/offline/saved/`);
    const item = page.locator('offline-pages li', { hasText: saved.data.title });
    await item.locator('button', { hasText: ui.offline.remove }).click();
    await page.locator('offline-pages', { hasText: ui.offline.noneSaved }).waitFor();
    expect((await cacheKeys(page))[cacheNames.saved]).toEqual([]);
    await context.close();
  });
});

describe('saving a page when storage is full', () => {
  it('says the storage is full, not that the network is missing', async () => {
    const dir = copyOfBuild();
    await writeServiceWorker(dir, { budgetBytes: 1 });
    const site = await serveSite(dir);
    const { page, context } = await openWatchedPage(browser, { serviceWorkers: 'allow' });
    // Quota pressure as the Cache API reports it: put() rejects with a QuotaExceededError.
    await page.addInitScript(() => {
      Cache.prototype.put = () =>
        Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    });
    await page.goto(`${site.url}/articles/${articles[0]!.slug}/`);
    const control = page.locator('offline-save');
    await control.locator('button', { hasText: ui.offline.save }).click();
    await control.locator('[data-status]', { hasText: ui.offline.saveFailedStorageFull }).waitFor();
    await expect(control.locator('[data-status]').textContent()).resolves.not.toContain('联网');
    await context.close();
    await site.close();
  });
});
