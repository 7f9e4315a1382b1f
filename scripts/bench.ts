/**
 * Archive-size benchmark (npm run bench): for N = 100, 1,000 and 5,000 articles, a project copy under
 * .bench/archive-<N>/ gets the six real entries plus N − 6 synthetic ones (scripts/bench-generate.ts),
 * is built with `astro build` (content check, pages, OG images, Pagefind, service worker), and measured:
 *   generation time, build time, Pagefind time (the index step, Pagefind and the search files derived
 *   from it, re-run alone on the output), dist size,
 *   index size, first-query bytes on the search page (as scripts/bench-search.ts measures them: bytes of
 *   /pagefind/ responses, fresh browser context, cache disabled; median and max over fixture queries),
 *   peak memory of the build (/usr/bin/time, when installed), and build time per article.
 * Targets: 1,000 articles end to end ≤ 90 s; growth close to linear; first query ≤ 400 KB at 5,000.
 * Writes .bench/bench.json and prints a table (Markdown, for README.md). Exits 1 when a target is missed.
 *
 *   npm run bench                          N = 100, 1000, 5000
 *   npm run bench -- --sizes 20,100        other sizes (the smoke test uses 20)
 *   npm run bench -- --keep                keep the project copies (else each is removed after measuring)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import fixture from './support/data/search-queries.json' with { type: 'json' };
import { launchBrowser } from './support/browser.ts';
import { serveSite } from './support/serve.ts';
import { waitForSearch } from './support/search.ts';
import { buildSearchIndex } from '../src/search/build/integration.ts';
import { generateArticles, readSeedMaterial, writeArticles } from './bench-generate.ts';

export const TARGETS = { endToEnd1000Seconds: 90, firstQuery5000Bytes: 400 * 1000 } as const;
const REAL_ENTRIES = 6;
/** Queries for the first-query measurement: the fixture's first few (real words the recombined text still holds). */
const QUERY_COUNT = 5;

/** What a project copy needs besides content/articles; node_modules is linked, not copied. */
const PROJECT_FILES = [
  'src',
  'public',
  'seeds',
  'content/taxonomy.yaml',
  'content/stories',
  'content/articles',
  'tsconfig.json',
  'package.json',
];

export interface BenchRow {
  articles: number;
  generateSeconds: number;
  buildSeconds: number;
  pagefindSeconds: number;
  endToEndSeconds: number;
  pages: number;
  distBytes: number;
  indexBytes: number;
  firstQueryBytes: { median: number; max: number };
  peakMemoryBytes: number | undefined;
  /** CPU time of the build (user + system, all its processes), less sensitive than wall time to other load on the machine. */
  buildCpuSeconds: number | undefined;
  /** 1-minute load average when the build started: above the core count, other work slowed it. */
  loadAverage: number;
  msPerArticle: number;
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
}

/** A copy of the project whose content is the real entries plus synthetic ones, with its own Astro cache. */
export function prepareProject(dir: string, articles: number, seed = 1): { generateSeconds: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content'), { recursive: true });
  for (const path of PROJECT_FILES) cpSync(resolve(path), join(dir, path), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  // The site's config as is, with the Astro cache inside the copy (the default, node_modules/.astro, is the shared one).
  cpSync(resolve('astro.config.mjs'), join(dir, 'astro.site.mjs'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import config from './astro.site.mjs';\n\nexport default { ...config, cacheDir: './.astro-cache' };\n",
  );
  const started = performance.now();
  const entries = generateArticles(Math.max(0, articles - REAL_ENTRIES), seed, readSeedMaterial());
  const synthetic = join(dir, 'content', 'articles-synthetic');
  writeArticles(synthetic, entries);
  for (const entry of readdirSync(synthetic)) cpSync(join(synthetic, entry), join(dir, 'content', 'articles', entry));
  rmSync(synthetic, { recursive: true, force: true });
  return { generateSeconds: (performance.now() - started) / 1000 };
}

/** `astro build` in the copy, timed; peak memory from GNU time when the machine has it. */
export function buildProject(dir: string): {
  seconds: number;
  cpuSeconds: number | undefined;
  peakMemoryBytes: number | undefined;
  output: string;
} {
  const astro = resolve('node_modules/astro/bin/astro.mjs');
  const timeBin = '/usr/bin/time';
  const useTime = existsSync(timeBin);
  const command = useTime ? timeBin : process.execPath;
  const args = useTime ? ['-v', process.execPath, astro, 'build'] : [astro, 'build'];
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: dir,
    env: { ...process.env, ARCHIVE_OUT_DIR: join(dir, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`the build of ${dir} failed:\n${output.slice(-6000)}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/u.exec(result.stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/u.exec(result.stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/u.exec(result.stderr)?.[1];
  const cpuSeconds = user && system ? Number(user) + Number(system) : undefined;
  return { seconds, cpuSeconds, peakMemoryBytes: kb ? Number(kb) * 1024 : undefined, output };
}

/** Bytes of /pagefind/ responses for the first query of a freshly opened search page, per query. */
export async function firstQueryBytes(siteDir: string, queries: readonly string[]): Promise<number[]> {
  const site = await serveSite(siteDir);
  const browser = await launchBrowser();
  const bytes: number[] = [];
  try {
    for (const q of queries) {
      const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const transfers = new Map<string, { url: string; bytes: number }>();
      cdp.on('Network.responseReceived', (event) =>
        transfers.set(event.requestId, { url: event.response.url, bytes: 0 }),
      );
      cdp.on('Network.loadingFinished', (event) => {
        const transfer = transfers.get(event.requestId);
        if (transfer) transfer.bytes = event.encodedDataLength;
      });
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
      await waitForSearch(page, q);
      bytes.push(
        [...transfers.values()]
          .filter((t) => new URL(t.url).pathname.startsWith('/pagefind/'))
          .reduce((sum, t) => sum + t.bytes, 0),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return bytes;
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Generate, build and measure one archive size. */
export async function benchOne(
  articles: number,
  options: { keep?: boolean; queries?: number; dir?: string } = {},
): Promise<BenchRow> {
  const dir = resolve(options.dir ?? `.bench/archive-${articles}`);
  const { generateSeconds } = prepareProject(dir, articles);
  const loadAverage = loadavg()[0] ?? 0;
  const build = buildProject(dir);
  const dist = join(dir, 'dist');
  const row: Omit<BenchRow, 'pagefindSeconds' | 'firstQueryBytes'> = {
    articles,
    generateSeconds,
    buildSeconds: build.seconds,
    endToEndSeconds: generateSeconds + build.seconds,
    pages: countPages(dist),
    distBytes: sizeOf(dist),
    indexBytes: sizeOf(join(dist, 'pagefind')),
    peakMemoryBytes: build.peakMemoryBytes,
    buildCpuSeconds: build.cpuSeconds,
    loadAverage,
    msPerArticle: (build.seconds * 1000) / articles,
  };
  const queries = fixture.queries.slice(0, options.queries ?? QUERY_COUNT).map((q) => q.q);
  const bytes = await firstQueryBytes(dist, queries);
  // Pagefind's share of the build: the same indexing step again, alone, on the finished pages.
  const started = performance.now();
  await buildSearchIndex(dist, { info: () => undefined });
  const pagefindSeconds = (performance.now() - started) / 1000;
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  return { ...row, pagefindSeconds, firstQueryBytes: { median: median(bytes), max: Math.max(...bytes) } };
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;
const s = (n: number) => `${n.toFixed(1)} s`;

export function markdownTable(rows: readonly BenchRow[]): string {
  const head =
    '| articles | pages | generate | build (all steps) | of which search index | end to end | per article | build CPU time | dist | index | first query (median / max) | peak memory | load avg |';
  const rule = '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const lines = rows.map(
    (r) =>
      `| ${r.articles.toLocaleString('en')} | ${r.pages.toLocaleString('en')} | ${s(r.generateSeconds)} | ${s(r.buildSeconds)} | ${s(r.pagefindSeconds)} | ${s(r.endToEndSeconds)} | ${r.msPerArticle.toFixed(0)} ms | ` +
      `${r.buildCpuSeconds === undefined ? 'n/a' : s(r.buildCpuSeconds)} | ${mb(r.distBytes)} | ${mb(r.indexBytes)} | ${kb(r.firstQueryBytes.median)} / ${kb(r.firstQueryBytes.max)} | ${r.peakMemoryBytes ? mb(r.peakMemoryBytes) : 'n/a'} | ${r.loadAverage.toFixed(1)} |`,
  );
  return [head, rule, ...lines].join('\n');
}

/** Target misses for the rows measured. */
export function checkTargets(rows: readonly BenchRow[]): string[] {
  const misses: string[] = [];
  const at = (n: number) => rows.find((r) => r.articles === n);
  const thousand = at(1000);
  if (thousand && thousand.endToEndSeconds > TARGETS.endToEnd1000Seconds)
    misses.push(
      `1,000 articles took ${s(thousand.endToEndSeconds)} end to end (target ≤ ${TARGETS.endToEnd1000Seconds} s)`,
    );
  const fiveThousand = at(5000);
  if (fiveThousand && fiveThousand.firstQueryBytes.max > TARGETS.firstQuery5000Bytes)
    misses.push(
      `first query at 5,000 articles: ${kb(fiveThousand.firstQueryBytes.max)} (target ≤ ${kb(TARGETS.firstQuery5000Bytes)})`,
    );
  return misses;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '100,1000,5000' }, keep: { type: 'boolean', default: false } },
  });
  const sizes = values.sizes.split(',').map(Number);
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    console.log(`${n} articles …`);
    const row = await benchOne(n, { keep: values.keep });
    console.log(
      `  build ${s(row.buildSeconds)}, end to end ${s(row.endToEndSeconds)}, ${row.msPerArticle.toFixed(0)} ms/article, first query ${kb(row.firstQueryBytes.max)}`,
    );
    rows.push(row);
  }
  const lscpu = spawnSync('lscpu', { encoding: 'utf8' }).stdout ?? '';
  const machine = {
    cpu: /Model name:\s*(.+)/u.exec(lscpu)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
  const misses = checkTargets(rows);
  mkdirSync('.bench', { recursive: true });
  writeFileSync(
    '.bench/bench.json',
    `${JSON.stringify({ date: new Date().toISOString(), machine, targets: TARGETS, rows, misses }, null, 1)}\n`,
  );
  console.log(
    `\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(markdownTable(rows));
  console.log('\nwritten to .bench/bench.json');
  if (misses.length > 0) {
    console.error(`\nTARGET MISSED:\n${misses.join('\n')}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
