import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWork } from '../lib/build-profile.ts';
import { recordBuiltFileBytes } from '../lib/built-file-hashes.ts';

/**
 * Share images kept across builds, named by the hash of what is rasterised (the SVG and the PNG
 * settings), so an image is drawn again only when its card, its layout code or its settings change.
 * The folder is set by the build's integration (build/integration.ts, under Astro's cacheDir); it lives
 * on globalThis because the pages that render the images are a separate bundle of this module in the
 * same process.
 */
export interface ShareImageCache {
  dir: string;
  used: Set<string>;
  /** Images a worker thread draws ahead of the pages (build/draw-ahead.ts), when it runs. */
  ahead?: DrawAhead | undefined;
}

/** A thread drawing share images into the cache folder before their pages ask for them. */
export interface DrawAhead {
  /** True once the image of this cache name is in the folder; false when the thread does not draw it (or failed). */
  waitFor(name: string): Promise<boolean>;
}

const CACHE_KEY = Symbol.for('archive.shareImageCache');

type Holder = typeof globalThis & { [CACHE_KEY]?: ShareImageCache };

/** The build's share-image cache, when a build set one up. */
export function shareImageCache(): ShareImageCache | undefined {
  return (globalThis as Holder)[CACHE_KEY];
}

export function setShareImageCache(store: ShareImageCache): void {
  (globalThis as Holder)[CACHE_KEY] = store;
}

/** The cached file's name: the hash of the settings and the SVG. */
export function cacheFileName(svg: string, settings: string): string {
  return `${createHash('sha256').update(settings).update('\0').update(svg).digest('hex').slice(0, 32)}.png`;
}

/**
 * The PNG for this SVG and these settings: drawn ahead by the worker thread, from the cache when drawn
 * before, else rendered and kept. `sitePath` is where the build writes it: the hash of the bytes is
 * remembered for the precache list.
 */
export async function cachedPng(
  svg: string,
  settings: string,
  render: () => Promise<Buffer>,
  sitePath?: string,
): Promise<Buffer> {
  const store = shareImageCache();
  if (!store) return render();
  const name = cacheFileName(svg, settings);
  const path = join(store.dir, name);
  store.used.add(name);
  let png: Buffer | undefined;
  if (store.ahead && (await store.ahead.waitFor(name))) {
    png = readFileSync(path);
    countWork('share images drawn ahead in a worker thread');
  } else {
    try {
      png = readFileSync(path);
      countWork('share images from the cache');
    } catch {
      png = await render();
      mkdirSync(store.dir, { recursive: true });
      writeFileSync(path, png);
      countWork('share images rendered');
    }
  }
  if (sitePath) recordBuiltFileBytes(sitePath, png);
  return png;
}
