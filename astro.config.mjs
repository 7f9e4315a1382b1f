import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
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
  integrations: [
    contentCheckIntegration(),
    mdx(),
    sitemap({ filter: (page) => !page.includes('/404') }),
    pagefindIntegration(),
    offlineIntegration(),
  ],
  build: {
    // Stylesheets as files, never inlined: one cached request across pages, and a strict CSP needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      // Never inline scripts or assets into pages: a strict CSP (script-src 'self') then works as is.
      assetsInlineLimit: 0,
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
