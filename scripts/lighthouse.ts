/**
 * Lighthouse scores (npm run lighthouse): builds the site into .bench/lighthouse/dist, serves it
 * on localhost as a compressing static host would (gzip), and runs Lighthouse's default mobile
 * audit (simulated slow 4G, 4× CPU slowdown, Moto G Power screen) in Debian's Chromium, with no
 * network beyond localhost. Each page is run several times; the run with the median performance
 * score stands for the page (as Lighthouse's docs advise against single runs).
 * Targets on the gated pages (issue 17): performance ≥ 0.98; accessibility, best practices and SEO = 1.
 * Writes .bench/lighthouse.json, prints a table and the failing audits; exits 1 when a target is missed.
 *
 *   npm run lighthouse                  build, then measure
 *   npm run lighthouse -- --site DIR    measure an existing build (copied first, then gzipped)
 *   npm run lighthouse -- --runs 5
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromePath, FLAGS } from './support/browser.ts';
import { serveSite } from './support/serve.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
export const TARGETS: Record<Category, number> = { performance: 0.98, accessibility: 1, 'best-practices': 1, seo: 1 };

/** Pages scored. Gated pages must meet the targets; the others are recorded for information. */
export const PAGES: ReadonlyArray<{ name: string; path: string; gated: boolean }> = [
  { name: 'home', path: '/', gated: true },
  // The longest article, with the most figures.
  { name: 'article', path: '/articles/liaocheng-2023/', gated: true },
  // The story with the scrollytelling: the most client JavaScript of any page.
  { name: 'story', path: '/stories/liaocheng-emergency-2023/', gated: true },
  { name: 'search', path: '/search/', gated: true },
  // A search on load: Pagefind compiles its WebAssembly and reads the index on the main thread.
  { name: 'search with a query', path: `/search/?q=${encodeURIComponent('家庭医生签约')}`, gated: false },
];

const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
} as const;

const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|svg|xml|txt|webmanifest|csv)$/u;

/** Write a .gz beside every text file, for a server that sends precompressed files. */
function precompress(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) precompress(path);
    else if (COMPRESSIBLE.test(name)) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
}

interface PageRun {
  scores: Record<Category, number>;
  metrics: Record<keyof typeof METRICS, number>;
  /** Audits below full marks in the categories that must score 1, and the performance opportunities. */
  failing: string[];
}

function median<T>(runs: T[], by: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { site: { type: 'string' }, runs: { type: 'string', default: '3' } } });
  const runs = Math.max(1, Number(args.runs));
  const work = resolve('.bench/lighthouse');
  const dist = join(work, 'dist');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  if (args.site) cpSync(resolve(args.site), dist, { recursive: true });
  else {
    console.log('building the site into .bench/lighthouse/dist …');
    const build = spawnSync('npx', ['astro', 'build'], {
      env: { ...process.env, ARCHIVE_OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) throw new Error(`build failed:\n${`${build.stdout}\n${build.stderr}`.slice(-4000)}`);
  }
  precompress(dist);

  const site = await serveSite(dist, 0, { gzip: true });
  // Lighthouse's own launcher, with the flags the browser tests use (no sandbox, GPU or network chatter).
  const chrome = await chromeLauncher.launch({ chromePath: chromePath({ headlessShell: false }), chromeFlags: FLAGS });
  const results: Array<{ name: string; path: string; gated: boolean; runs: PageRun[]; median: PageRun }> = [];
  let version = '';
  try {
    for (const page of PAGES) {
      const pageRuns: PageRun[] = [];
      for (let i = 0; i < runs; i += 1) {
        const result = await lighthouse(`${site.url}${page.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
        const lhr = result.lhr;
        version = lhr.lighthouseVersion;
        if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? 0])) as Record<
          Category,
          number
        >;
        const metrics = Object.fromEntries(
          Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? Number.NaN]),
        ) as PageRun['metrics'];
        const failing = CATEGORIES.flatMap((c) =>
          (lhr.categories[c]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0)
            .map((ref) => lhr.audits[ref.id])
            .filter((a) => a !== undefined && a.score !== null && a.score < (c === 'performance' ? 0.9 : 1))
            .map((a) => `${c}/${a!.id} ${a!.score}${a!.displayValue ? ` (${a!.displayValue})` : ''}`),
        );
        pageRuns.push({ scores, metrics, failing });
        process.stdout.write(`  ${page.path} run ${i + 1}: performance ${scores.performance.toFixed(2)}\n`);
      }
      results.push({ ...page, runs: pageRuns, median: median(pageRuns, (r) => r.scores.performance) });
    }
  } finally {
    chrome.kill();
    await site.close();
  }

  const misses = results
    .filter((r) => r.gated)
    .flatMap((r) =>
      CATEGORIES.filter((c) => r.median.scores[c] < TARGETS[c]).map(
        (c) => `${r.path}: ${c} ${r.median.scores[c]} < ${TARGETS[c]}`,
      ),
    );
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${platform()} ${release()}`,
    },
    lighthouse: version,
    settings:
      'default mobile: simulated throttling (150 ms RTT, 1.6 Mbps, 4× CPU), 412×823 screen; served gzipped from localhost',
    runsPerPage: runs,
    targets: TARGETS,
    pages: results.map((r) => ({
      name: r.name,
      path: r.path,
      gated: r.gated,
      ...r.median,
      performanceRuns: r.runs.map((x) => x.scores.performance),
    })),
    misses,
  };
  writeFileSync('.bench/lighthouse.json', `${JSON.stringify(report, null, 1)}\n`);

  const cell = (n: number) => n.toFixed(2).padStart(6);
  console.log(`\nLighthouse ${version}, ${report.settings}; median of ${runs} run(s)`);
  console.log(
    `${'page'.padEnd(40)} ${'perf'.padStart(6)} ${'a11y'.padStart(6)} ${'bp'.padStart(6)} ${'seo'.padStart(6)}   FCP     LCP     TBT    CLS    SI`,
  );
  for (const r of results) {
    const m = r.median.metrics;
    console.log(
      `${`${r.gated ? '' : '(info) '}${r.path}`.slice(0, 40).padEnd(40)} ${CATEGORIES.map((c) => cell(r.median.scores[c])).join(' ')}   ` +
        `${(m.FCP / 1000).toFixed(1)} s   ${(m.LCP / 1000).toFixed(1)} s   ${Math.round(m.TBT)} ms  ${m.CLS.toFixed(3)}  ${(m.SI / 1000).toFixed(1)} s`,
    );
    for (const f of r.median.failing) console.log(`    ${f}`);
  }
  console.log('written to .bench/lighthouse.json');
  if (misses.length > 0) {
    console.error(`\nBELOW TARGET:\n${misses.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
