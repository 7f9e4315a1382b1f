/**
 * Loads the chart enhancer (enhance.ts) only once a chart is near the screen or a pointer or focus
 * reaches one. Charts are complete without it (the marks, the table and the links are in the HTML);
 * an article's graphic sits below its text, so a reader who never gets there never downloads it, and
 * the page's load stays within its weight budget (scripts/budget.ts counts what loads untouched).
 */
const TRIGGERS = ['pointerover', 'focusin', 'touchstart'] as const;
/**
 * The enhancer as its own file, bundled at build time by src/pages/chart-enhancer.js.ts: a plain
 * import('./enhance.ts') would make Vite add its preload helper (~0.9 KB gzip) to every page with a chart.
 */
const ENHANCER_URL = '/chart-enhancer.js';
/** One screen ahead: the enhancer is in place before a scrolling reader reaches the chart. */
const AHEAD = '100% 0px';

let observer: IntersectionObserver | undefined;
let requested = false;

function load(): void {
  if (requested) return;
  requested = true;
  observer?.disconnect();
  for (const type of TRIGGERS) document.removeEventListener(type, onInput, true);
  void import(/* @vite-ignore */ ENHANCER_URL);
}

function onInput(event: Event): void {
  if (event.target instanceof Element && event.target.closest('chart-figure')) load();
}

const figures = document.querySelectorAll('chart-figure');
if (figures.length > 0) {
  for (const type of TRIGGERS) document.addEventListener(type, onInput, { capture: true, passive: true });
  observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), {
    rootMargin: AHEAD,
  });
  for (const figure of figures) observer.observe(figure);
}
