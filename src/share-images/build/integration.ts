import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { setShareImageCache, shareImageCache } from '../cache.ts';
import { startDrawingAhead, type DrawingAhead } from './draw-ahead.ts';

/**
 * The share images' build hooks: the cache folder is set up, a build starts drawing the images in a worker
 * thread while Astro loads and bundles the content, and when it is done the images it no longer uses are dropped.
 */
export function shareImageIntegration(): AstroIntegration {
  let command = 'build';
  let ahead: DrawingAhead | undefined;
  return {
    name: 'archive-share-images',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config }) => {
        const dir = fileURLToPath(new URL('archive-share-images/', config.cacheDir));
        if (command === 'build') ahead = startDrawingAhead(fileURLToPath(config.root), dir);
        setShareImageCache({ dir, used: new Set(), ahead });
      },
      'astro:build:done': async () => {
        await ahead?.stop();
        const store = shareImageCache();
        if (!store || store.used.size === 0) return;
        for (const file of readdirSync(store.dir))
          if (!store.used.has(file)) rmSync(join(store.dir, file), { force: true });
      },
    },
  };
}
