import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFileName } from '../../../src/share-images/cache.ts';
import { startDrawingAhead } from '../../../src/share-images/build/draw-ahead.ts';
import { loadOgFonts, ogImageSvg, PNG_SETTINGS_KEY, rasteriseOgSvg } from '../../../src/share-images/og-image.ts';
import { shareCard } from '../../../src/site/share-card.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';
import { readEntries } from '../../support/content.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with the committed articles and taxonomy, and an empty cache folder. */
function project(): { root: string; cacheDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'draw-ahead-'));
  made.push(root);
  cpSync('content/articles', join(root, 'content', 'articles'), { recursive: true });
  cpSync('content/taxonomy.yaml', join(root, 'content', 'taxonomy.yaml'));
  return { root, cacheDir: join(root, 'cache') };
}

/** The cache names the pages will ask for: the page's own card of each entry, read by the test's parser. */
function pageImages(): Array<{ name: string; svg: string }> {
  const fonts = loadOgFonts();
  return readEntries().map((entry) => {
    const svg = ogImageSvg(shareCard({ id: entry.slug, data: entry.data, body: entry.body }, loadTaxonomy()), fonts);
    return { name: cacheFileName(svg, PNG_SETTINGS_KEY), svg };
  });
}

describe('drawing share images ahead of their pages', () => {
  it("draws every article's image, under the name its page asks for, with the bytes the page would draw", async () => {
    const { root, cacheDir } = project();
    const ahead = startDrawingAhead(root, cacheDir, 1);
    if (!ahead) throw new Error('the thread did not start');
    try {
      const images = pageImages();
      expect(images.length).toBeGreaterThan(1);
      // Asked in the reverse of the thread's order: each is drawn when asked, not after the rest.
      for (const { name, svg } of images.reverse()) {
        expect(await ahead.waitFor(name)).toBe(true);
        expect(readFileSync(join(cacheDir, name)).equals(await rasteriseOgSvg(svg))).toBe(true);
      }
      expect(await ahead.waitFor('0'.repeat(32) + '.png')).toBe(false);
    } finally {
      await ahead.stop();
    }
  });

  it('leaves out images already in the cache, and answers false after it is stopped', async () => {
    const { root, cacheDir } = project();
    const [first, second] = pageImages();
    if (!first || !second) throw new Error('need two articles');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, first.name), 'kept');
    const ahead = startDrawingAhead(root, cacheDir, 1);
    if (!ahead) throw new Error('the thread did not start');
    expect(await ahead.waitFor(first.name)).toBe(false);
    expect(readFileSync(join(cacheDir, first.name), 'utf8')).toBe('kept');
    await ahead.stop();
    expect(await ahead.waitFor(second.name)).toBe(false);
  });

  it('does not start for fewer articles than its minimum', () => {
    const { root, cacheDir } = project();
    expect(startDrawingAhead(root, cacheDir, 1000)).toBeUndefined();
  });
});
