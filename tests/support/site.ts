import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { inject } from 'vitest';

/** The test build's folder; fails the calling test with the build output if the build failed. */
export function builtSite(): string {
  const dir = inject('siteDir');
  if (!dir) throw new Error(`the site did not build:\n${inject('buildError')}`);
  return dir;
}

export function readBuilt(path: string): string {
  return readFileSync(join(builtSite(), path), 'utf8');
}

export function builtHtml(path: string): HTMLElement {
  return parse(readBuilt(path));
}

/** Pages of one collection's route folder (articles/, stories/): slug → parsed HTML. */
function builtCollection(folder: string): Map<string, HTMLElement> {
  const dir = join(builtSite(), folder);
  const pages = new Map<string, HTMLElement>();
  if (!existsSync(dir)) return pages;
  for (const slug of readdirSync(dir)) {
    const file = join(dir, slug, 'index.html');
    if (existsSync(file)) pages.set(slug, parse(readFileSync(file, 'utf8')));
  }
  return pages;
}

/** Article pages of the build: slug → parsed HTML. */
export function builtArticles(): Map<string, HTMLElement> {
  return builtCollection('articles');
}

/** Feature story pages of the build (not the stories index): slug → parsed HTML. */
export function builtStories(): Map<string, HTMLElement> {
  return builtCollection('stories');
}

/** Text a reader reads on a page: the indexed article body without the parts marked as chrome. */
export function readableText(page: HTMLElement): string {
  const body = page.querySelector('[data-pagefind-body]');
  if (!body) return '';
  const copy = parse(body.outerHTML);
  for (const ignored of copy.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  return copy.textContent;
}

/** Every .html file of a build, relative to it with forward slashes (index.html, articles/x/index.html, 404.html), sorted. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .filter((name) => name.endsWith('.html'))
    .sort();
}

/** The URL path a built HTML file answers at: articles/x/index.html → /articles/x/, 404.html → /404. */
export function routeOf(file: string): string {
  return file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file.slice(0, -'.html'.length)}`;
}

/** Every page search should find (articles and stories) in the build: key (see pageKey) → parsed HTML. */
export function builtSearchablePages(): Map<string, HTMLElement> {
  return new Map([
    ...builtArticles(),
    ...[...builtStories()].map(([slug, page]) => [`stories/${slug}`, page] as const),
  ]);
}
