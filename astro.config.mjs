import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentCheckIntegration } from './src/content-check/integration.ts';
import { pagefindIntegration } from './src/search/build/integration.ts';
import { offlineIntegration } from './src/offline/build/integration.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { headingPhrases } from './src/site/heading-phrases.ts';
import { buildCompleteIntegration } from './src/publish/integration.ts';
import { shareImageIntegration } from './src/share-images/build/integration.ts';
import { articleDownloadsIntegration } from './src/downloads/build/integration.ts';
import { withBuildProfile } from './src/lib/build-profile.ts';
import { themeInitScript } from './src/theme/theme-init.ts';
import { SCROLLY_LAYOUT_SCRIPT } from './src/charts/scrolly-layout.ts';
import { THEME_STORAGE_KEY } from './src/theme/theme.ts';

const sha256 = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/**
 * The site's Content-Security-Policy. No 'unsafe-inline' for scripts: every script is an external file but the
 * theme script and a scrolly story's layout script, allowed by their hashes.
 * style-src-attr 'unsafe-inline': the SVG charts size themselves with a style attribute
 * (max-width from the viewBox, src/charts/frame.ts); an attribute cannot run script.
 */
const CSP = {
  directives: [
    // Everything (images, fetches, the service worker, the manifest, fonts) from this origin only.
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  // The inline scripts, by their hashes: the blocking theme script in every page's <head> (src/layouts/Base.astro),
  // and a scrolly story's layout choice (src/charts/scrolly-layout.ts).
  scriptDirective: {
    resources: ["'self'"],
    hashes: [sha256(themeInitScript(THEME_STORAGE_KEY)), sha256(SCROLLY_LAYOUT_SCRIPT)],
  },
  styleDirective: {
    // Each source names its kind: a plain 'self' would go to style-src, which style-src-elem and -attr
    // override, and Astro warns about that on every build.
    resources: [
      { resource: "'self'", kind: 'element' },
      { resource: "'unsafe-inline'", kind: 'attribute' },
    ],
    // Astro hashes the styles it bundles, not this inline one: the search page's <noscript> rule (src/pages/search.astro).
    // tests/build/csp.test.ts fails if any inline style or script of the build is missing from its page's policy.
    hashes: [sha256('archive-search { display: none !important; }')],
  },
};

export default defineConfig({
  // Absolute URLs (canonical links, feeds, sitemap) are built on this; set SITE_URL when deploying elsewhere.
  site: process.env.SITE_URL ?? 'https://archive.example.org',
  trailingSlash: 'always',
  scopedStyleStrategy: 'class',
  // Tests build into their own folder so they never clobber a developer's dist/.
  outDir: process.env.ARCHIVE_OUT_DIR ?? './dist',
  // Build caches (content check, share images, search): a scratch copy of the project sharing node_modules
  // gives its own, so its builds never overwrite the caches of the build it was copied from.
  cacheDir: process.env.ARCHIVE_CACHE_DIR ?? './node_modules/.astro',
  // The content check comes first: a mistake stops the build before any page is rendered.
  // offlineIntegration() must follow pagefindIntegration() and articleDownloadsIntegration(): the service worker
  // lists the finished index and the downloads.
  // buildCompleteIntegration() is last: `npm run build` publishes only a build whose every hook ran.
  // withBuildProfile() times each stage of a build (ARCHIVE_PROFILE=file writes it; npm run bench does).
  integrations: withBuildProfile([
    contentCheckIntegration(),
    mdx(),
    shareImageIntegration(),
    sitemap({ filter: (page) => !page.includes('/404') }),
    articleDownloadsIntegration(),
    pagefindIntegration(),
    offlineIntegration(),
    buildCompleteIntegration(),
  ]),
  security: {
    // A Content-Security-Policy <meta> on every page: scripts only from this origin (Astro adds hashes
    // for any inline script or style it emits), nothing from elsewhere. See CSP below.
    csp: CSP,
  },
  // The archive has no code to highlight; Shiki's inline styles would also need the CSP to allow them.
  // Headings in articles and stories break lines between phrases only (src/lib/phrases.ts).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [headingPhrases] }) },
  build: {
    // Two pages at a time: a share image's PNG encoding (sharp, off the main thread) overlaps the next
    // page's rendering. With 1,000 articles the pages are built in a third less time on two cores.
    concurrency: 2,
    // Stylesheets inlined into each page: no render-blocking request before first paint (Lighthouse on slow 4G),
    // and the page's HTML and CSS gzip as one stream (issue 17's 30 KB article budget). Astro adds each <style>'s
    // hash to the CSP, so no 'unsafe-inline' is needed.
    inlineStylesheets: 'always',
  },
  vite: {
    build: {
      // Never inline scripts or assets into pages: a strict CSP (script-src 'self') then works as is.
      assetsInlineLimit: 0,
      rollupOptions: {
        // Known Astro 7 issue (withastro/astro#18087): every MDX entry warns about its own
        // "use astro:head-inject" directive. Harmless; silence only that warning.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});
