import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Set by `npm run build` (src/publish/cli.ts): where to record that every step of this build finished. */
export const MARKER_VARIABLE = 'ARCHIVE_BUILD_MARKER';

/**
 * The build's last hook: register it after every other integration. It runs only when the pages,
 * the search files and the service worker were all written, so a build that stopped early (an error,
 * or content that called process.exit(0)) has no marker and is never published.
 */
export function buildCompleteIntegration(): AstroIntegration {
  return {
    name: 'archive-build-complete',
    hooks: {
      'astro:build:done': ({ dir, pages }) => {
        const marker = process.env[MARKER_VARIABLE];
        if (marker) writeFileSync(marker, `${JSON.stringify({ dir: fileURLToPath(dir), pages: pages.length })}\n`);
      },
    },
  };
}
