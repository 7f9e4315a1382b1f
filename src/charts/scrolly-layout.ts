/**
 * The one inline script of a scrolly story, run as the parser reaches it inside <scrolly-story>: it picks the
 * sticky layout before the first paint, so the page does not move when src/charts/browser/scrolly.ts loads
 * (that late switch was the story page's layout shift). Readers who prefer reduced motion keep the static layout.
 * Allowed by its hash (astro.config.mjs), like the theme script.
 */
export const SCROLLY_LAYOUT_SCRIPT =
  "document.currentScript.parentElement.classList.toggle('is-scrolly',!matchMedia('(prefers-reduced-motion: reduce)').matches)";
