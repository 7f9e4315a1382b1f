/**
 * Archive-size benchmark (npm run bench): for each size N, a project copy under .bench/archive-<N>/ gets
 * the six real entries plus N − 6 synthetic ones (scripts/bench-generate.ts) and is built with
 * `astro build` (content check, pages, share images, search files, service worker), with the build's
 * stage profile (src/lib/build-profile.ts: time, peak memory and work done per stage). Then, in the same run:
 *   - the bare build of the same article files (scripts/bench-bare.ts: Astro + MDX + Pagefind, nothing
 *     else), for the ratio column;
 *   - the incremental case: one article changed, the project built again on its caches, time as a share
 *     of the full build and the work each stage did;
 *   - dist and index size, first-query bytes on the search page (bytes of /pagefind/ responses, fresh
 *     browser context, cache disabled; median and max over fixture queries), peak memory (GNU time).
 * Writes .bench/bench.json and .bench/profile.json (every stage, full and incremental, per size) and prints
 * Markdown tables (for README.md). Exits 1 when a target is missed.
 *
 *   npm run bench                          N = 100, 1000, 5000
 *   npm run bench -- --sizes 6,1000        other sizes (the smoke test uses 20; up to 20000)
 *   npm run bench -- --bare-max 10000      skip the bare build above this size (default 10,000: Pagefind in
 *                                          one run needs about 1.1 GB per 1,000 articles)
 *   npm run bench -- --keep                keep the project copies (else each is removed after measuring)
 *   npm run bench -- --no-incremental      skip the one-article-changed rebuild (halves a 20,000-article run)
 *   npm run bench -- --pairs 3             cold project builds and bare builds in turn, three of each; the ratio
 *                                          is the median of the three pairs' ratios (this machine's speed drifts)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import fixture from './support/data/search-queries.json' with { type: 'json' };
import { launchBrowser } from './support/browser.ts';
import { serveSite } from './support/serve.ts';
import { noteWhenSearchShows, searchShownAt, waitForSearch } from './support/search.ts';
import type { BuildProfile, StageProfile } from '../src/lib/build-profile.ts';
import { buildBareProject, prepareBareProject, timedRun, type BareBuild } from './bench-bare.ts';
import { buildHeapArgs } from '../src/publish/heap.ts';

export const TARGETS = {
  endToEnd1000Seconds: 90,
  /** Issue 14: first query at 5,000 articles ≤ 120 KB at most (the /pagefind/ responses here; the page adds ~19 KB gzipped). */
  firstQuery5000Bytes: 120 * 1000,
  firstQuery20000Bytes: 150 * 1000,
  /** Build time over the bare build's, at 1,000 and 5,000 articles. */
  bareRatio: 1.5,
  /** Peak memory of the search step (Pagefind's process, and what the build process adds while deriving the files). */
  searchPeakBytes: 2 * 2 ** 30,
} as const;
const REAL_ENTRIES = 6;
/** Where prepareProject writes the known-answer queries (scripts/bench-known-answers.ts), in the project copy. */
export const KNOWN_ANSWERS_FILE = 'known-answers.json';
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
  /** Every /pagefind/ response of a first query, its filters counted (the target's figure). */
  firstQueryBytes: { median: number; max: number };
  /** Those requested before its results showed (the filters file comes after). */
  firstQueryShownBytes?: { median: number; max: number };
  peakMemoryBytes: number | undefined;
  /** CPU time of the build (user + system, all its processes), less sensitive than wall time to other load on the machine. */
  buildCpuSeconds: number | undefined;
  /** 1-minute load average when the build started: above the core count, other work slowed it. */
  loadAverage: number;
  msPerArticle: number;
  /** The build's stages (src/lib/build-profile.ts). */
  profile: BuildProfile;
  /** Peak memory of the search step: Pagefind's process and the build process's growth while deriving the files. */
  searchPeak: { pagefindBytes: number; deriveBytes: number };
  /** The bare build of the same articles; undefined above --bare-max (with the reason). */
  bare: (Omit<BareBuild, 'astro' | 'pagefind'> & { astro: BareStep; pagefind: BareStep }) | undefined;
  bareSkipped?: string;
  /**
   * With --pairs N: each cold project build and the bare build after it, in turn (the first pair is the row's own
   * build and bare build). The ratio reported is the median of the pairs' ratios, measured in one run.
   */
  pairs?: Array<{ build: number; bare: number; buildCpu: number | undefined; bareCpu: number | undefined }>;
  /** One article changed after the full build, built again on the caches. */
  incremental: { article: string; seconds: number; shareOfFull: number; profile: BuildProfile } | undefined;
}

interface BareStep {
  seconds: number;
  cpuSeconds: number | undefined;
  peakMemoryBytes: number | undefined;
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
  // In a process of its own: the entries of 20,000 articles held here (3.5 GB) would stay beside the build's memory.
  const synthetic = join(dir, 'content', 'articles-synthetic');
  const generated = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      resolve('scripts/bench-generate.ts'),
      `--count=${Math.max(0, articles - REAL_ENTRIES)}`,
      `--seed=${seed}`,
      `--out=${synthetic}`,
      // The queries whose answers the planting knows: npm run bench:search -- --dist <dir>/dist --known <dir>/known-answers.json
      `--known=${join(dir, KNOWN_ANSWERS_FILE)}`,
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (generated.status !== 0) throw new Error(`bench-generate failed:\n${generated.stdout}\n${generated.stderr}`);
  for (const entry of readdirSync(synthetic)) cpSync(join(synthetic, entry), join(dir, 'content', 'articles', entry));
  rmSync(synthetic, { recursive: true, force: true });
  return { generateSeconds: (performance.now() - started) / 1000 };
}

/** `astro build` in the copy, timed, with its stage profile; peak memory from GNU time when the machine has it. */
export function buildProject(
  dir: string,
  profileName = 'profile.json',
): {
  seconds: number;
  cpuSeconds: number | undefined;
  peakMemoryBytes: number | undefined;
  output: string;
  profile: BuildProfile;
} {
  const profilePath = join(dir, '.bench-profile', profileName);
  const run = timedRun(
    process.execPath,
    [...buildHeapArgs(), resolve('node_modules/astro/bin/astro.mjs'), 'build'],
    dir,
    {
      ARCHIVE_OUT_DIR: join(dir, 'dist'),
      ARCHIVE_PROFILE: profilePath,
    },
  );
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as BuildProfile;
  return { ...run, profile };
}

const SEARCH_STAGE = /^search: /u;

/** Seconds of the stages whose names match. */
export function stageSeconds(profile: BuildProfile, name: RegExp): number {
  return profile.stages.filter((stage) => name.test(stage.name)).reduce((sum, stage) => sum + stage.seconds, 0);
}

/** The search step's peak memory: Pagefind's process, and how far the build process grew while deriving the files. */
export function searchPeak(profile: BuildProfile): { pagefindBytes: number; deriveBytes: number } {
  const stages = profile.stages.filter((stage) => SEARCH_STAGE.test(stage.name));
  const pagefind = stages.find((stage) => stage.name === 'search: Pagefind indexing');
  return {
    pagefindBytes: pagefind?.childPeakBytes ?? 0,
    deriveBytes: Math.max(
      0,
      ...stages.map((stage) => (stage.peakRssBytes ?? 0) - (stage.startRssBytes ?? stage.peakRssBytes ?? 0)),
    ),
  };
}

/** The incremental case's edit: a sentence added at the end of one synthetic article's body. */
export const INCREMENTAL_SENTENCE = '本段为基准测试的增量修改，用于测量只改动一篇文章时的重新构建。';

/** Change one synthetic article (the middle one in name order); returns its file name. */
export function changeOneArticle(dir: string): string {
  const articlesDir = join(dir, 'content', 'articles');
  const synthetic = readdirSync(articlesDir)
    .filter((name) => /-\d{5}\.mdx$/u.test(name))
    .sort();
  const name = synthetic[synthetic.length >> 1] ?? readdirSync(articlesDir).sort()[0];
  if (!name) throw new Error(`no article to change in ${articlesDir}`);
  const path = join(articlesDir, name);
  writeFileSync(path, `${readFileSync(path, 'utf8').trimEnd()}\n\n${INCREMENTAL_SENTENCE}\n`);
  return name;
}

/**
 * Bytes of /pagefind/ responses for the first query of a freshly opened search page, per query: those
 * requested before its results showed (`shown`), and all of them once its filters are counted too (`all`).
 */
export async function firstQueryBytes(
  siteDir: string,
  queries: readonly string[],
): Promise<{ shown: number[]; all: number[] }> {
  const site = await serveSite(siteDir);
  const browser = await launchBrowser();
  const shown: number[] = [];
  const all: number[] = [];
  try {
    for (const q of queries) {
      const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
      const page = await context.newPage();
      await noteWhenSearchShows(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const transfers = new Map<string, { url: string; bytes: number; requestedAt: number }>();
      cdp.on('Network.requestWillBeSent', (event) =>
        transfers.set(event.requestId, { url: event.request.url, bytes: 0, requestedAt: event.wallTime * 1000 }),
      );
      cdp.on('Network.loadingFinished', (event) => {
        const transfer = transfers.get(event.requestId);
        if (transfer) transfer.bytes = event.encodedDataLength;
      });
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
      await waitForSearch(page, q);
      const shownAt = await searchShownAt(page);
      const search = [...transfers.values()].filter((t) => new URL(t.url).pathname.startsWith('/pagefind/'));
      shown.push(search.filter((t) => t.requestedAt <= shownAt).reduce((sum, t) => sum + t.bytes, 0));
      all.push(search.reduce((sum, t) => sum + t.bytes, 0));
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return { shown, all };
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export interface BenchOptions {
  keep?: boolean;
  queries?: number;
  dir?: string;
  /** Skip the bare build above this many articles (default 10,000). */
  bareMax?: number;
  /** Measure the incremental case (default true). */
  incremental?: boolean;
  /** Cold project builds and bare builds to run in turn (default 1); the ratio is their median. */
  pairs?: number;
}

const DEFAULT_BARE_MAX = 10_000;

/** Generate, build and measure one archive size: the project, its bare build, then one article changed. */
export async function benchOne(articles: number, options: BenchOptions = {}): Promise<BenchRow> {
  const dir = resolve(options.dir ?? `.bench/archive-${articles}`);
  const bareDir = `${dir}-bare`;
  const { generateSeconds } = prepareProject(dir, articles);
  const loadAverage = loadavg()[0] ?? 0;
  const build = buildProject(dir, 'full.json');
  const dist = join(dir, 'dist');
  const queries = fixture.queries.slice(0, options.queries ?? QUERY_COUNT).map((q) => q.q);
  const bytes = await firstQueryBytes(dist, queries);
  const row: BenchRow = {
    articles,
    generateSeconds,
    buildSeconds: build.seconds,
    pagefindSeconds: stageSeconds(build.profile, SEARCH_STAGE),
    endToEndSeconds: generateSeconds + build.seconds,
    pages: countPages(dist),
    distBytes: sizeOf(dist),
    indexBytes: sizeOf(join(dist, 'pagefind')),
    firstQueryBytes: { median: median(bytes.all), max: Math.max(...bytes.all) },
    firstQueryShownBytes: { median: median(bytes.shown), max: Math.max(...bytes.shown) },
    // The profile resets the build process's peak-memory mark at each stage, which is what GNU time reads at exit,
    // so the process's peak is the larger of the two.
    peakMemoryBytes: Math.max(build.peakMemoryBytes ?? 0, build.profile.processPeakRssBytes ?? 0) || undefined,
    buildCpuSeconds: build.cpuSeconds,
    loadAverage,
    msPerArticle: (build.seconds * 1000) / articles,
    profile: build.profile,
    searchPeak: searchPeak(build.profile),
    bare: undefined,
    incremental: undefined,
  };
  const bareMax = options.bareMax ?? DEFAULT_BARE_MAX;
  if (articles <= bareMax) {
    prepareBareProject(bareDir, join(dir, 'content', 'articles'));
    const bare = buildBareProject(bareDir);
    row.bare = {
      seconds: bare.seconds,
      pages: bare.pages,
      astro: {
        seconds: bare.astro.seconds,
        cpuSeconds: bare.astro.cpuSeconds,
        peakMemoryBytes: bare.astro.peakMemoryBytes,
      },
      pagefind: {
        seconds: bare.pagefind.seconds,
        cpuSeconds: bare.pagefind.cpuSeconds,
        peakMemoryBytes: bare.pagefind.peakMemoryBytes,
      },
    };
    rmSync(bareDir, { recursive: true, force: true });
    const bareCpu = (b: BareBuild): number | undefined =>
      b.astro.cpuSeconds === undefined || b.pagefind.cpuSeconds === undefined
        ? undefined
        : b.astro.cpuSeconds + b.pagefind.cpuSeconds;
    row.pairs = [{ build: build.seconds, bare: bare.seconds, buildCpu: build.cpuSeconds, bareCpu: bareCpu(bare) }];
    // More pairs, in turn, so the machine's drift reaches both sides alike: a cold project build (its caches and
    // output removed first), then the bare build.
    for (let pair = 2; pair <= (options.pairs ?? 1); pair++) {
      rmSync(join(dir, '.astro-cache'), { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
      const again = buildProject(dir, `full-${pair}.json`);
      prepareBareProject(bareDir, join(dir, 'content', 'articles'));
      const bareAgain = buildBareProject(bareDir);
      rmSync(bareDir, { recursive: true, force: true });
      row.pairs.push({
        build: again.seconds,
        bare: bareAgain.seconds,
        buildCpu: again.cpuSeconds,
        bareCpu: bareCpu(bareAgain),
      });
    }
  } else {
    row.bareSkipped = `above --bare-max ${bareMax}: Pagefind over every page in one run needs about 1.1 GB per 1,000 articles`;
  }
  if (options.incremental ?? true) {
    const article = changeOneArticle(dir);
    const again = buildProject(dir, 'incremental.json');
    row.incremental = {
      article,
      seconds: again.seconds,
      shareOfFull: again.seconds / build.seconds,
      profile: again.profile,
    };
  }
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  return row;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;
const s = (n: number) => `${n.toFixed(1)} s`;

const gb = (n: number | undefined) => (n === undefined ? 'n/a' : `${(n / 2 ** 30).toFixed(2)} GB`);
/** Build time over the bare build's: the median of the pairs' ratios when there are several (--pairs). */
export const ratioOf = (r: BenchRow): number | undefined =>
  r.pairs !== undefined && r.pairs.length > 1
    ? median(r.pairs.map((p) => p.build / p.bare))
    : r.bare
      ? r.buildSeconds / r.bare.seconds
      : undefined;
/** CPU time over the bare build's: steadier than wall time when other work shares the cores. */
const cpuRatioOf = (r: BenchRow): number | undefined =>
  r.bare?.astro.cpuSeconds !== undefined && r.bare.pagefind.cpuSeconds !== undefined && r.buildCpuSeconds !== undefined
    ? r.buildCpuSeconds / (r.bare.astro.cpuSeconds + r.bare.pagefind.cpuSeconds)
    : undefined;
const bareMemory = (r: BenchRow): number | undefined =>
  r.bare ? Math.max(r.bare.astro.peakMemoryBytes ?? 0, r.bare.pagefind.peakMemoryBytes ?? 0) : undefined;

export function markdownTable(rows: readonly BenchRow[]): string {
  const head =
    '| articles | pages | build (all steps) | bare build (Astro + Pagefind) | ratio | CPU time (project / bare) | per article | of which search step | search step peak (Pagefind / derive) | peak memory, largest process (project / bare) | one article changed | dist | index | first query, filters counted (median / max) | first query, results shown (median / max) | load avg |';
  const rule =
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const lines = rows.map((r) => {
    const ratio = ratioOf(r);
    const cpuRatio = cpuRatioOf(r);
    const bareCpu = r.bare ? (r.bare.astro.cpuSeconds ?? 0) + (r.bare.pagefind.cpuSeconds ?? 0) : undefined;
    const cpu = `${r.buildCpuSeconds === undefined ? 'n/a' : s(r.buildCpuSeconds)} / ${bareCpu === undefined ? '—' : s(bareCpu)}${cpuRatio === undefined ? '' : ` (${cpuRatio.toFixed(2)}×)`}`;
    const bare = r.bare
      ? `${s(r.bare.seconds)} (${s(r.bare.astro.seconds)} + ${s(r.bare.pagefind.seconds)})`
      : 'not run';
    const incremental = r.incremental
      ? `${s(r.incremental.seconds)} (${(r.incremental.shareOfFull * 100).toFixed(0)}%)`
      : 'not run';
    return (
      `| ${r.articles.toLocaleString('en')} | ${r.pages.toLocaleString('en')} | ${s(r.buildSeconds)} | ${bare} | ${ratio === undefined ? '—' : `${ratio.toFixed(2)}×`} | ${cpu} | ` +
      `${r.msPerArticle.toFixed(0)} ms | ${s(r.pagefindSeconds)} | ${gb(r.searchPeak.pagefindBytes)} / ${gb(r.searchPeak.deriveBytes)} | ` +
      `${gb(r.peakMemoryBytes)} / ${r.bare ? gb(bareMemory(r)) : '—'} | ${incremental} | ${mb(r.distBytes)} | ${mb(r.indexBytes)} | ` +
      `${kb(r.firstQueryBytes.median)} / ${kb(r.firstQueryBytes.max)} | ` +
      `${r.firstQueryShownBytes ? `${kb(r.firstQueryShownBytes.median)} / ${kb(r.firstQueryShownBytes.max)}` : '—'} | ${r.loadAverage.toFixed(1)} |`
    );
  });
  return [head, rule, ...lines].join('\n');
}

const workText = (work: Record<string, number>): string =>
  Object.entries(work)
    .map(([key, n]) => `${key} ${n.toLocaleString('en')}`)
    .join(', ') || '—';

const cpuText = (st: StageProfile): string => `${s(st.cpuSeconds)} + ${s(st.childCpuSeconds)}`;

/** One size's stages, full build and incremental side by side: time, peak memory (build process; child) and work. */
export function stageTable(row: BenchRow): string {
  const again = new Map<string, StageProfile>((row.incremental?.profile.stages ?? []).map((st) => [st.name, st]));
  const head = `| stage (${row.articles.toLocaleString('en')} articles) | full build | CPU time (build process + child) | peak memory (build process / child) | work | one article changed | CPU time | work |`;
  const rule = '| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |';
  const lines = row.profile.stages.map((st) => {
    const inc = again.get(st.name);
    return (
      `| ${st.name} | ${s(st.seconds)} | ${cpuText(st)} | ${gb(st.peakRssBytes)} / ${gb(st.childPeakBytes)} | ${workText(st.work)} | ` +
      `${inc ? s(inc.seconds) : '—'} | ${inc ? cpuText(inc) : '—'} | ${inc ? workText(inc.work) : '—'} |`
    );
  });
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
  const twentyThousand = at(20000);
  if (twentyThousand && twentyThousand.firstQueryBytes.max > TARGETS.firstQuery20000Bytes)
    misses.push(
      `first query at 20,000 articles: ${kb(twentyThousand.firstQueryBytes.max)} (target ≤ ${kb(TARGETS.firstQuery20000Bytes)})`,
    );
  for (const row of [thousand, fiveThousand]) {
    const ratio = row && ratioOf(row);
    if (row && ratio !== undefined && ratio > TARGETS.bareRatio)
      misses.push(
        `${row.articles.toLocaleString('en')} articles: ${ratio.toFixed(2)}× the bare build (target ≤ ${TARGETS.bareRatio}×)`,
      );
  }
  for (const row of rows) {
    const peak = Math.max(row.searchPeak.pagefindBytes, row.searchPeak.deriveBytes);
    if (peak > TARGETS.searchPeakBytes)
      misses.push(
        `${row.articles.toLocaleString('en')} articles: search step peak ${gb(peak)} (target ≤ ${gb(TARGETS.searchPeakBytes)})`,
      );
  }
  return misses;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,5000' },
      keep: { type: 'boolean', default: false },
      'bare-max': { type: 'string', default: String(DEFAULT_BARE_MAX) },
      incremental: { type: 'boolean', default: true },
      pairs: { type: 'string', default: '1' },
    },
    allowNegative: true,
  });
  const sizes = values.sizes.split(',').map(Number);
  const bad = sizes.filter((n) => !Number.isInteger(n) || n < 6 || n > 20_000);
  if (bad.length > 0) throw new Error(`--sizes: ${bad.join(', ')} — each size is a whole number from 6 to 20000`);
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    console.log(`${n} articles …`);
    const row = await benchOne(n, {
      keep: values.keep,
      bareMax: Number(values['bare-max']),
      incremental: values.incremental,
      pairs: Number(values.pairs),
    });
    const ratio = ratioOf(row);
    console.log(
      `  build ${s(row.buildSeconds)}, bare ${row.bare ? s(row.bare.seconds) : 'not run'}${ratio === undefined ? '' : ` (${ratio.toFixed(2)}×)`}, ` +
        `one article changed ${row.incremental ? s(row.incremental.seconds) : 'not run'}, first query ${kb(row.firstQueryBytes.max)}`,
    );
    if (row.pairs !== undefined && row.pairs.length > 1)
      console.log(
        `  pairs (build / bare): ${row.pairs.map((p) => `${s(p.build)} / ${s(p.bare)} = ${(p.build / p.bare).toFixed(2)}×`).join('; ')}; median ratio ${ratio?.toFixed(2)}×`,
      );
    console.log(stageTable(row));
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
  const date = new Date().toISOString();
  const summary = rows.map(({ profile: _profile, incremental, ...row }) => ({
    ...row,
    incremental: incremental && { ...incremental, profile: undefined },
  }));
  writeFileSync(
    '.bench/bench.json',
    `${JSON.stringify({ date, machine, targets: TARGETS, rows: summary, misses }, null, 1)}\n`,
  );
  writeFileSync(
    '.bench/profile.json',
    `${JSON.stringify(
      {
        date,
        machine,
        sizes: rows.map((r) => ({ articles: r.articles, full: r.profile, incremental: r.incremental?.profile })),
      },
      null,
      1,
    )}\n`,
  );
  console.log(
    `\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(markdownTable(rows));
  for (const row of rows) console.log(`\n${stageTable(row)}`);
  console.log('\nwritten to .bench/bench.json and .bench/profile.json');
  if (misses.length > 0) {
    console.error(`\nTARGET MISSED:\n${misses.join('\n')}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
