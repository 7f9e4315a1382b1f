import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beginStage, countWork } from '../lib/build-profile.ts';
import { pruneCspHashes } from './prune.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/**
 * Trims each built page's CSP to the hashes that page needs (src/csp/prune.ts). Register it before any
 * integration that reads the finished pages (search index, service worker), so they see the final HTML.
 */
export function cspPruneIntegration(): AstroIntegration {
  return {
    name: 'archive-csp-prune',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        // Its own stage in the build profile: it reads and rewrites every page, which the stage before (sitemap) does not.
        beginStage('CSP hashes pruned');
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const pruned = pruneCspHashes(html);
          countWork('pages read');
          if (pruned !== html) {
            await writeFile(file, pruned);
            countWork('pages rewritten');
          }
        }
      },
    },
  };
}
