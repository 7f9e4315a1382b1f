import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentCheckIntegration } from './src/integrations/content-check.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { offlineIntegration } from './src/integrations/offline.ts';

export default defineConfig({
  // Absolute URLs (canonical links, feeds, sitemap) are built on this; set SITE_URL when deploying elsewhere.
  site: process.env.SITE_URL ?? 'https://archive.example.org',
  trailingSlash: 'always',
  // Tests build into their own folder so they never clobber a developer's dist/.
  outDir: process.env.ARCHIVE_OUT_DIR ?? './dist',
  // The content check comes first: a mistake stops the build before anything is written.
  // offlineIntegration() must follow pagefindIntegration(): the service worker precaches the finished index.
  integrations: [contentCheckIntegration(), mdx(), pagefindIntegration(), offlineIntegration()],
  vite: {
    build: {
      // Scripts always ship as external files (Astro would inline small ones): a CSP without 'unsafe-inline' is planned.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rollupOptions: {
        // Known Astro 7 issue (withastro/astro#18087): every MDX entry warns about its own
        // "use astro:head-inject" directive. Harmless; silence only that warning.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
