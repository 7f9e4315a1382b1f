/**
 * Screenshots of every page type at a phone's and a desktop's width, light and dark, for a person to look at.
 * Usage: npx tsx scripts/screenshots.ts [built-site-dir=dist] [out-dir=/tmp/shots] [only-name-substring]
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './support/browser.ts';
import { waitForSearch } from './support/search.ts';
import { serveSite } from './support/serve.ts';

const [dir = 'dist', out = '/tmp/shots', only = ''] = process.argv.slice(2);
const PAGES: Record<string, string> = {
  home: '/',
  article: '/articles/liaocheng-2023/',
  'article-photos': '/articles/juye-2020/',
  archive: '/archive/',
  regions: '/regions/',
  region: '/regions/juye/',
  years: '/years/',
  year: '/years/2020/',
  topics: '/topics/',
  stories: '/stories/',
  story: '/stories/topics-across-regions/',
  search: '/search/?q=%E5%AE%B6%E5%BA%AD%E5%8C%BB%E7%94%9F',
  offline: '/offline/',
  'offline-saved': '/offline/saved/',
  sources: '/sources/',
  '404': '/no-such-page/',
};
// The first seed's readable page.
const firstSource = readdirSync(join(dir, 'sources')).find((name) => !name.includes('.'));
if (firstSource) PAGES['source-text'] = `/sources/${firstSource}/`;
/** Long pages are cut here: enough to judge the top and the typography. */
const MAX_HEIGHT = 3200;
const TILE = 1100;

mkdirSync(out, { recursive: true });
const site = await serveSite(dir);
const browser = await launchBrowser();
try {
  for (const width of [375, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      for (const [name, path] of Object.entries(PAGES)) {
        if (only && !name.includes(only)) continue;
        await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        // Pages that draw their content in the browser: wait until it is there.
        const query = new URL(path, site.url).searchParams.get('q');
        if (query) await waitForSearch(page, query);
        if (path.startsWith('/offline/')) await page.waitForSelector('offline-pages[data-rendered]');
        const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.documentElement.scrollHeight));
        // In tiles one screen tall, so each can be looked at at its real size.
        for (let top = 0, tile = 1; top < height; top += TILE, tile++) {
          const file = join(out, `${name}-${width}-${scheme}-${tile}.png`);
          const clip = { x: 0, y: top, width, height: Math.min(TILE, height - top) };
          await page.screenshot({ path: file, clip, fullPage: true });
          console.log(file);
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
