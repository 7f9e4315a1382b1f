import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFLINE_BUDGET_BYTES, offlineBudgetBytes } from '../../src/offline/shared/config.ts';
import type { PrecacheManifest } from '../../src/offline/shared/precache.ts';
import { readEntries } from '../support/content.ts';
import { builtArticles, builtHtml, builtSite, readBuilt } from '../support/site.ts';

const manifest = () => JSON.parse(readBuilt('sw-manifest.json')) as PrecacheManifest;
const precachedUrls = () => {
  const m = manifest();
  return [...m.core, ...m.background, ...m.onDemand].map((e) => e.url);
};

describe('the service worker build', () => {
  it('writes sw.js with this build’s precache manifest inlined', () => {
    const worker = readBuilt('sw.js');
    expect(worker).toContain(manifest().version);
    expect(worker).toContain('"/pagefind/facts.bin.gz"');
    expect(worker).not.toMatch(/^import |^export /mu);
  });

  it('covers the finished search files, every page, data export and source text', () => {
    const urls = precachedUrls();
    for (const entry of readEntries()) expect(urls).toContain(`/articles/${entry.slug}/`);
    for (const file of readdirSync(join(builtSite(), 'sources'))) {
      // Each raw .txt, its readable page /sources/<name>/, and the list of them /sources/.
      const url = file.endsWith('.txt')
        ? `/sources/${file}`
        : file === 'index.html'
          ? '/sources/'
          : `/sources/${file}/`;
      expect(urls).toContain(url);
    }
    for (const file of readdirSync(join(builtSite(), 'pagefind'), { recursive: true, withFileTypes: true })) {
      if (file.isFile()) expect(urls).toContain(`/${join(file.parentPath, file.name).slice(builtSite().length + 1)}`);
    }
    expect(urls).toEqual(
      expect.arrayContaining(['/', '/offline/', '/offline/saved/', '/data/articles.json', '/manifest.webmanifest']),
    );
    expect(urls).not.toContain('/sw.js');
  });

  it('gives every entry the hash of the file it was built from', () => {
    const m = manifest();
    for (const entry of [...m.core, ...m.background, ...m.onDemand]) {
      const path = entry.url.endsWith('/') ? `${entry.url}index.html` : entry.url;
      const bytes = readFileSync(join(builtSite(), path));
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.revision).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    }
  });

  it('fits this archive in the default budget, so all of it is cached after the first visit', () => {
    const m = manifest();
    expect(m.budgetBytes).toBe(offlineBudgetBytes(process.env));
    expect(m.totalBytes).toBeLessThanOrEqual(DEFAULT_OFFLINE_BUDGET_BYTES);
    expect(m.fitsBudget).toBe(true);
    expect(m.onDemand).toEqual([]);
    expect(m.core.some((e) => e.url === '/pagefind/facts.bin.gz')).toBe(true);
  });
});

describe('the web app manifest', () => {
  const app = () =>
    JSON.parse(readBuilt('manifest.webmanifest')) as Record<string, unknown> & {
      icons: Array<{ src: string; sizes: string; purpose: string }>;
    };

  it('names the archive in Chinese and opens standalone at the home page', () => {
    expect(app()).toMatchObject({
      name: '山东卫生健康新闻档案',
      short_name: expect.any(String),
      lang: 'zh-CN',
      start_url: '/',
      display: 'standalone',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/u),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/u),
    });
  });

  it('lists 192 and 512 px icons, plain and maskable, that are PNGs of those sizes', async () => {
    const icons = app().icons;
    for (const purpose of ['any', 'maskable']) {
      for (const size of [192, 512])
        expect(icons).toContainEqual(expect.objectContaining({ sizes: `${size}x${size}`, purpose }));
    }
    for (const icon of icons) {
      const meta = await sharp(join(builtSite(), icon.src)).metadata();
      expect(meta.format).toBe('png');
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
    }
  });

  it('gives maskable icons a full-bleed background and plain icons transparent corners', async () => {
    const corner = async (file: string) => (await sharp(join(builtSite(), file)).ensureAlpha().raw().toBuffer())[3];
    expect(await corner('icons/maskable-512.png')).toBe(255);
    expect(await corner('icons/icon-512.png')).toBe(0);
  });
});

describe('pages', () => {
  it('link the manifest and load the offline script as an external module', () => {
    for (const path of [
      'index.html',
      'offline/index.html',
      'offline/saved/index.html',
      ...[...builtArticles().keys()].map((s) => `articles/${s}/index.html`),
    ]) {
      const page = builtHtml(path);
      expect(page.querySelector('link[rel="manifest"]')?.getAttribute('href')).toBe('/manifest.webmanifest');
      expect(page.querySelector('meta[name="theme-color"]')).not.toBeNull();
      const scripts = page.querySelectorAll('script');
      expect(scripts.length).toBeGreaterThan(0);
      // Every script is an external same-origin file (JSON-LD is data, not a script), but the inline theme
      // script in <head> (tests/build/reading.test.ts checks it; the CSP allows it by its hash).
      const isThemeScript = (s: (typeof scripts)[number]) =>
        !s.hasAttribute('src') && s.textContent.includes('data-theme');
      for (const script of scripts.filter(
        (s) => s.getAttribute('type') !== 'application/ld+json' && !isThemeScript(s),
      )) {
        expect(script.getAttribute('src'), `${path} has an inline script`).toMatch(/^\/(?!\/)/u);
      }
      expect(scripts.some((s) => /^\/_astro\/.*\.js$/u.test(s.getAttribute('src') ?? ''))).toBe(true);
      expect(page.querySelector('[data-offline-update]')?.hasAttribute('hidden')).toBe(true);
    }
  });

  it('put the save control, hidden until the script shows it, in every article and out of the search index', () => {
    for (const [slug, page] of builtArticles()) {
      const control = page.querySelector('offline-save');
      expect(control, slug).not.toBeNull();
      expect(control!.hasAttribute('hidden')).toBe(true);
      expect(control!.closest('[data-pagefind-ignore]')).not.toBeNull();
      expect(control!.getAttribute('data-path')).toBe(`/articles/${slug}/`);
    }
  });

  it('keep the offline pages out of search engines', () => {
    for (const path of ['offline/index.html', 'offline/saved/index.html']) {
      expect(existsSync(join(builtSite(), path))).toBe(true);
      expect(builtHtml(path).querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    }
  });
});
