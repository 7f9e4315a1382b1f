// Client JavaScript per page, gzipped, against the budgets:
//   story pages: all JavaScript ≤ 60 KB gzip;  article pages: chart JavaScript ≤ 10 KB gzip.
// Usage: npm run budget:js                 (builds the site into .bench/js-dist first)
//        npm run budget:js -- --dist dist  (measures an existing build)
// Counts every script a page loads without interaction: <script src>, inline <script>, and the
// modules they import statically (each file once, gzipped on its own as a server sends it).
// Dynamic import() targets load on demand and are listed apart. Exits 1 when over budget.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

export const BUDGETS = { storyTotal: 60 * 1024, articleCharts: 10 * 1024 } as const;

export interface Script {
  /** /_astro/x.js, or "inline #n" for a script in the page. */
  name: string;
  gzip: number;
  /** Loaded for the chart components (chart-figure, scrolly-story)? */
  charts: boolean;
}

export interface PageJs {
  page: string;
  scripts: Script[];
  /** Reached only through import(): loads on demand. */
  lazy: Script[];
  total: number;
  charts: number;
}

const CHART_NAME = /chart|scrolly/iu;
const CHART_CONTENT = /customElements\.define\(\s*["'](?:chart-figure|scrolly-story)["']/u;

function gzipSize(text: string | Buffer): number {
  return gzipSync(text, { level: 9 }).length;
}

/** Static and dynamic import specifiers of a module's source. */
export function importsOf(source: string): { static: string[]; dynamic: string[] } {
  const statics = [
    ...source.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/gu),
  ].map((m) => m[1] ?? '');
  const dynamic = [...source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/gu)].map((m) => m[1] ?? '');
  return { static: statics, dynamic };
}

/** Scripts of one built HTML page (path relative to `dist`, e.g. stories/x/index.html). */
export function measurePage(dist: string, page: string): PageJs {
  const html = readFileSync(join(dist, page), 'utf8');
  const pageUrl = `/${page.replace(/index\.html$/u, '')}`;
  const seen = new Set<string>();
  const scripts: Script[] = [];
  const lazy: Script[] = [];
  const visit = (url: string, list: Script[], chartsFromParent: boolean): void => {
    if (seen.has(url) || !url.startsWith('/')) return;
    const file = join(dist, url);
    if (!existsSync(file)) return;
    seen.add(url);
    const source = readFileSync(file, 'utf8');
    const charts = chartsFromParent || CHART_NAME.test(posix.basename(url)) || CHART_CONTENT.test(source);
    list.push({ name: url, gzip: gzipSize(source), charts });
    const { static: deps, dynamic } = importsOf(source);
    for (const dep of deps) visit(posix.resolve(posix.dirname(url), dep), list, charts);
    for (const dep of dynamic) visit(posix.resolve(posix.dirname(url), dep), lazy, charts);
  };
  let inline = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/giu)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    const type = /\btype=["']?([^"'\s>]+)/iu.exec(attrs)?.[1];
    if (type && !/^(?:module|text\/javascript|application\/javascript)$/iu.test(type)) continue;
    const src = /\bsrc=["']?([^"'\s>]+)/iu.exec(attrs)?.[1];
    if (src) {
      visit(posix.resolve(pageUrl, src), scripts, false);
      continue;
    }
    if (!body.trim()) continue;
    const charts = CHART_CONTENT.test(body);
    scripts.push({ name: `inline #${++inline}`, gzip: gzipSize(body), charts });
    const { static: deps, dynamic } = importsOf(body);
    for (const dep of deps) visit(posix.resolve(pageUrl, dep), scripts, charts);
    for (const dep of dynamic) visit(posix.resolve(pageUrl, dep), lazy, charts);
  }
  return {
    page,
    scripts,
    lazy,
    total: scripts.reduce((n, s) => n + s.gzip, 0),
    charts: scripts.filter((s) => s.charts).reduce((n, s) => n + s.gzip, 0),
  };
}

/** index.html files under `dir` (relative to `dist`). */
function pagesUnder(dist: string, dir: string): string[] {
  const root = join(dist, dir);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') out.push(relative(dist, p).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export interface BudgetReport {
  stories: PageJs[];
  articles: PageJs[];
  failures: string[];
}

export function checkBudgets(dist: string): BudgetReport {
  const stories = pagesUnder(dist, 'stories').map((p) => measurePage(dist, p));
  const articles = pagesUnder(dist, 'articles').map((p) => measurePage(dist, p));
  const failures = [
    ...stories
      .filter((p) => p.total > BUDGETS.storyTotal)
      .map((p) => `${p.page}: ${kb(p.total)} of JavaScript (budget ${kb(BUDGETS.storyTotal)})`),
    ...articles
      .filter((p) => p.charts > BUDGETS.articleCharts)
      .map((p) => `${p.page}: ${kb(p.charts)} of chart JavaScript (budget ${kb(BUDGETS.articleCharts)})`),
  ];
  return { stories, articles, failures };
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  let dist = at >= 0 ? resolve(args[at + 1] ?? 'dist') : resolve('.bench/js-dist');
  if (at < 0) {
    console.log(`building the site into ${relative(process.cwd(), dist)} …`);
    const build = spawnSync('npx', ['astro', 'build'], {
      env: { ...process.env, ARCHIVE_OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) {
      console.error(`${build.stdout}\n${build.stderr}`.slice(-4000));
      process.exit(1);
    }
  } else dist = resolve(dist);
  const report = checkBudgets(dist);
  const row = (p: PageJs): string =>
    `${p.page.padEnd(48)} ${kb(p.total).padStart(9)} ${kb(p.charts).padStart(9)}   ${p.scripts.map((s) => `${s.name} ${kb(s.gzip)}${s.charts ? ' (charts)' : ''}`).join(', ') || '—'}${p.lazy.length ? `; on demand: ${p.lazy.map((s) => `${s.name} ${kb(s.gzip)}`).join(', ')}` : ''}`;
  console.log(`\n${'page'.padEnd(48)} ${'all JS'.padStart(9)} ${'charts'.padStart(9)}   scripts (gzip -9)`);
  for (const p of [...report.stories, ...report.articles]) console.log(row(p));
  console.log(
    `\nbudgets: story pages ≤ ${kb(BUDGETS.storyTotal)} of JavaScript; article pages ≤ ${kb(BUDGETS.articleCharts)} of chart JavaScript`,
  );
  if (report.failures.length > 0) {
    console.error(`\nOVER BUDGET:\n${report.failures.join('\n')}`);
    process.exit(1);
  }
  console.log('all pages within budget');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
