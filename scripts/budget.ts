/**
 * Page-weight budget: every article page's HTML plus the CSS and JS it loads,
 * each gzipped as a server would send it, must stay within 30 KB (issue 17).
 * What loads before any interaction: the page's stylesheets and scripts, followed through their
 * static imports. A dynamic import() is left out: on article pages the only one is the chart enhancer,
 * which waits until a chart nears the screen or is touched, and tests/e2e/page-weight.test.ts
 * checks in Chromium that an untouched article page requests nothing beyond what is counted here.
 * Not counted: images, fonts, the service worker and what it precaches in the background.
 * Usage: npm run build && npm run budget [-- <dist folder>]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ARTICLE_BUDGET_BYTES = 30 * 1024;

export interface PageWeight {
  /** URL path of the page: /articles/juye-2020/ */
  page: string;
  html: number;
  css: number;
  js: number;
  total: number;
  /** The CSS and JS files counted, as URL paths. */
  assets: string[];
}

export interface BudgetReport {
  limit: number;
  pages: PageWeight[];
  over: PageWeight[];
}

function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes).length;
}

/** Local stylesheets and scripts a page loads: <link rel=stylesheet|modulepreload href>, <script src>. */
export function referencedAssets(html: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<(?:link|script)\b[^>]*>/giu) ?? []) {
    const isScript = /^<script/iu.test(tag);
    const rel = /\brel=["']?([^"'\s>]+)/iu.exec(tag)?.[1]?.toLowerCase();
    if (!isScript && rel !== 'stylesheet' && rel !== 'modulepreload') continue;
    const url = (isScript ? /\bsrc=["']?([^"'\s>]+)/iu : /\bhref=["']?([^"'\s>]+)/iu).exec(tag)?.[1];
    if (url && url.startsWith('/') && !url.startsWith('//')) urls.add(url.split(/[?#]/u)[0] ?? url);
  }
  return [...urls];
}

/** Modules a built JS file imports statically (Vite chunks: import"./x.js", from"./x.js"), not import(…). */
export function importedModules(js: string, fromUrl: string): string[] {
  const found = new Set<string>();
  for (const match of js.matchAll(/(?:\bimport|\bfrom)\s*["'`]([^"'`]+\.m?js)["'`]/gu)) {
    const spec = match[1] ?? '';
    if (spec.startsWith('/')) found.add(spec);
    else if (spec.startsWith('.')) found.add(posix.normalize(posix.join(posix.dirname(fromUrl), spec)));
  }
  return [...found];
}

/** Weight of one built page: its HTML and every CSS/JS file it pulls in, scripts followed through their static imports. */
export function measurePage(distDir: string, pagePath: string): PageWeight {
  const htmlFile = join(distDir, pagePath, 'index.html');
  const html = readFileSync(htmlFile);
  const seen = new Set<string>();
  const queue = referencedAssets(html.toString('utf8'));
  let css = 0;
  let js = 0;
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    const file = join(distDir, url);
    if (!existsSync(file)) throw new Error(`${pagePath} loads ${url}, which the build does not contain`);
    const bytes = readFileSync(file);
    if (url.endsWith('.css')) css += gzipSize(bytes);
    else {
      js += gzipSize(bytes);
      queue.push(...importedModules(bytes.toString('utf8'), url));
    }
  }
  const htmlSize = gzipSize(html);
  return { page: pagePath, html: htmlSize, css, js, total: htmlSize + css + js, assets: [...seen] };
}

/** Every article page of a build against the budget. */
export function checkArticleBudget(distDir: string, limit = ARTICLE_BUDGET_BYTES): BudgetReport {
  const articlesDir = join(distDir, 'articles');
  if (!existsSync(articlesDir)) throw new Error(`no built articles in ${distDir}: run \`npm run build\` first`);
  const pages = readdirSync(articlesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(articlesDir, d.name, 'index.html')))
    .map((d) => measurePage(distDir, `/articles/${d.name}/`))
    .sort((a, b) => b.total - a.total);
  return { limit, pages, over: pages.filter((p) => p.total > limit) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatReport(report: BudgetReport): string {
  const rows = [
    ['page', 'html', 'css', 'js', 'total', ''],
    ...report.pages.map((p) => [
      p.page,
      kb(p.html),
      kb(p.css),
      kb(p.js),
      kb(p.total),
      p.total > report.limit ? 'OVER' : 'ok',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
  );
  lines.push(`budget ${kb(report.limit)} gzip per article page (HTML + CSS + JS); ${report.over.length} over`);
  lines.push('html includes the inline <style> and <script>; css and js are the files the page loads');
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  try {
    const report = checkArticleBudget(dist);
    console.log(formatReport(report));
    process.exitCode = report.over.length > 0 ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
