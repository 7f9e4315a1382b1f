import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { countWork } from '../lib/build-profile.ts';
import { recordBuiltFileBytes } from '../lib/built-file-hashes.ts';

/**
 * Share images kept across builds, named by the hash of what is rasterised (the SVG and the PNG
 * settings), so an image is drawn again only when its card, its layout code or its settings change.
 * The folder is set by shareImageCacheIntegration() (under Astro's cacheDir); it lives on globalThis
 * because the pages that render the images are a separate bundle of this module in the same process.
 */
interface ShareImageCache {
  dir: string;
  used: Set<string>;
}

const CACHE_KEY = Symbol.for('archive.shareImageCache');

function cache(): ShareImageCache | undefined {
  return (globalThis as typeof globalThis & { [CACHE_KEY]?: ShareImageCache })[CACHE_KEY];
}

/**
 * The PNG for this SVG and these settings: from the cache when drawn before, else rendered and kept.
 * `sitePath` is where the build writes it: the hash of the bytes is remembered for the precache list.
 */
export async function cachedPng(
  svg: string,
  settings: string,
  render: () => Promise<Buffer>,
  sitePath?: string,
): Promise<Buffer> {
  const store = cache();
  if (!store) return render();
  const name = `${createHash('sha256').update(settings).update('\0').update(svg).digest('hex').slice(0, 32)}.png`;
  store.used.add(name);
  let png: Buffer;
  try {
    png = readFileSync(join(store.dir, name));
    countWork('share images from the cache');
  } catch {
    png = await render();
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(join(store.dir, name), png);
    countWork('share images rendered');
  }
  if (sitePath) recordBuiltFileBytes(sitePath, png);
  return png;
}

/** Sets up the cache for a build and, when it is done, drops the images this build no longer uses. */
export function shareImageCacheIntegration(): AstroIntegration {
  return {
    name: 'archive-share-image-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        const holder = globalThis as typeof globalThis & { [CACHE_KEY]?: ShareImageCache };
        holder[CACHE_KEY] = {
          dir: fileURLToPath(new URL('archive-share-images/', config.cacheDir)),
          used: new Set(),
        };
      },
      'astro:build:done': () => {
        const store = cache();
        if (!store || store.used.size === 0) return;
        for (const file of readdirSync(store.dir))
          if (!store.used.has(file)) rmSync(join(store.dir, file), { force: true });
      },
    },
  };
}
