/**
 * Loads the chart enhancer (enhance.ts). Charts are complete without it (the marks, the table and the
 * links are in the HTML). On a page whose charts all say data-enhance="near" (an article's graphic,
 * below its text) it loads only once a chart nears the screen or a pointer or focus reaches one, so a
 * reader who never gets there never downloads it and the page stays within its weight budget
 * (scripts/budget.ts counts what loads untouched). Elsewhere (stories) it loads when the page is idle.
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

const figures = [...document.querySelectorAll<HTMLElement>('chart-figure')];
if (figures.some((figure) => figure.dataset['enhance'] !== 'near')) {
  // A story's charts are what the page is for: enhance them all as soon as the page is idle.
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
} else if (figures.length > 0) {
  for (const type of TRIGGERS) document.addEventListener(type, onInput, { capture: true, passive: true });
  observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), {
    rootMargin: AHEAD,
  });
  for (const figure of figures) observer.observe(figure);
}
