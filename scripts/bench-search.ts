/**
 * Search benchmark (npm run bench:search): builds the site into .bench/, then in
 * headless Chromium measures
 *  - bytes of /pagefind/ responses for the first query on a freshly loaded
 *    search page (/search/?q=…), for every query of the fixture, each in a new
 *    browser context (empty cache); target ≤ 150 KB. That folder holds every
 *    search file (src/search/shared/files.ts: the facts file, term shards, display
 *    chunks, page texts), so everything a first search fetches counts but the
 *    page's own script, which is in /_astro/ with the site's other scripts;
 *  - query time on the search page: submit → results shown, every fixture query,
 *    several rounds (each round a fresh page, so nothing is cached by the page).
 * Writes .bench/search.json and prints a summary. Numbers, not a test: nothing fails.
 *
 *   npm run bench:search                 build, then measure
 *   npm run bench:search -- --site DIR   measure an existing build
 *   npm run bench:search -- --rounds 5
 *   npm run bench:search -- --vs-pagefind   reader queries through this site and stock Pagefind (bench-search-vs-pagefind.ts)
 *   npm run bench:search -- --dist DIR --known FILE   known-answer queries of a synthetic archive (bench-search-known.ts)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import fixture from './support/data/search-queries.json' with { type: 'json' };
import { launchBrowser } from './support/browser.ts';
import { serveSite } from './support/serve.ts';
import { timeSearch, waitForSearch } from './support/search.ts';
import { median, percentile } from './support/stats.ts';

const TARGET_BYTES = 150 * 1000;

const { values: args } = parseArgs({
  options: {
    site: { type: 'string' },
    dist: { type: 'string' },
    known: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    'vs-pagefind': { type: 'boolean', default: false },
    failures: { type: 'boolean', default: false },
    bytes: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const rounds = Number(args.rounds);

function build(): string {
  const out = resolve('.bench/dist-search');
  const result = spawnSync('npx', ['astro', 'build'], {
    env: { ...process.env, ARCHIVE_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

/** Bytes a compressing static host would send for this file: text is gzipped, Pagefind's own files are already compressed. */
function gzippedSize(siteDir: string, url: string): number | undefined {
  const path = join(siteDir, decodeURIComponent(new URL(url).pathname));
  if (!existsSync(path) || !/\.(js|json|css)$/u.test(path)) return undefined;
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

interface Transfer {
  url: string;
  bytes: number;
}

if (args.dist !== undefined || args.known !== undefined) {
  if (!args.dist || !args.known)
    throw new Error('--dist and --known go together: --dist <built site> --known <known-answers.json>');
  const { benchSearchKnown } = await import('./bench-search-known.ts');
  await benchSearchKnown(args.dist, args.known);
  process.exit(0);
}
const siteDir = args.site ? resolve(args.site) : build();
if (args['vs-pagefind']) {
  const { benchSearchVsPagefind } = await import('./bench-search-vs-pagefind.ts');
  await benchSearchVsPagefind(siteDir, { failures: args.failures, bytes: args.bytes });
  process.exit(0);
}
const site = await serveSite(siteDir);
const browser = await launchBrowser();
const chromium = browser.version();
const queries = fixture.queries.map((q) => q.q);

// 1. Bytes for the first query on a fresh search page.
const firstQuery: Array<{ q: string; bytes: number; gzipped: number; requests: Transfer[] }> = [];
for (const q of queries) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const transfers = new Map<string, Transfer>();
  cdp.on('Network.responseReceived', (event) => transfers.set(event.requestId, { url: event.response.url, bytes: 0 }));
  cdp.on('Network.loadingFinished', (event) => {
    const transfer = transfers.get(event.requestId);
    if (transfer) transfer.bytes = event.encodedDataLength;
  });
  await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
  await waitForSearch(page, q);
  const requests = [...transfers.values()].filter((t) => new URL(t.url).pathname.startsWith('/pagefind/'));
  const bytes = requests.reduce((sum, t) => sum + t.bytes, 0);
  const gzipped = requests.reduce((sum, t) => sum + (gzippedSize(siteDir, t.url) ?? t.bytes), 0);
  firstQuery.push({ q, bytes, gzipped, requests });
  await context.close();
}

// 2. Query time: submit → results (or the no-result state) shown.
const times: number[] = [];
const coldTimes: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${site.url}/search/`);
  for (const [i, q] of queries.entries()) {
    const ms = await timeSearch(page, q);
    (i === 0 ? coldTimes : times).push(ms);
  }
  await context.close();
}

await browser.close();
await site.close();

const bytes = firstQuery.map((f) => f.bytes);
const sample = firstQuery[0]!;
const result = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
  },
  firstQueryBytes: {
    target: TARGET_BYTES,
    sample: {
      q: sample.q,
      bytes: sample.bytes,
      gzipped: sample.gzipped,
      requests: sample.requests.map((r) => ({ path: new URL(r.url).pathname, bytes: r.bytes })),
    },
    median: median(bytes),
    max: Math.max(...bytes),
    min: Math.min(...bytes),
    overTarget: firstQuery.filter((f) => f.bytes > TARGET_BYTES).map((f) => ({ q: f.q, bytes: f.bytes })),
    medianIfGzipped: median(firstQuery.map((f) => f.gzipped)),
  },
  queryTimeMs: {
    rounds,
    queries: queries.length,
    median: median(times),
    p95: percentile(times, 95),
    max: Math.max(...times),
    firstQueryOfPage: median(coldTimes),
  },
};
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/search.json', `${JSON.stringify(result, null, 1)}\n`);

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
console.log(
  `machine: ${result.machine.cpu} × ${result.machine.cores}, ${result.machine.memoryGiB} GiB, ${result.machine.os}, Node ${result.machine.node}, Chromium ${chromium}`,
);
console.log(
  `first query "${sample.q}": ${kb(sample.bytes)} from /pagefind/ (${sample.requests.length} requests; ${kb(sample.gzipped)} if the host gzips JS)`,
);
for (const r of result.firstQueryBytes.sample.requests) console.log(`  ${kb(r.bytes).padStart(9)}  ${r.path}`);
console.log(
  `first query over all ${queries.length} queries: median ${kb(result.firstQueryBytes.median)}, max ${kb(result.firstQueryBytes.max)}, ` +
    `${result.firstQueryBytes.overTarget.length} over the ${kb(TARGET_BYTES)} target; median ${kb(result.firstQueryBytes.medianIfGzipped)} if the host gzips JS`,
);
console.log(
  `query time (submit → results shown), ${queries.length} queries × ${rounds} rounds: median ${result.queryTimeMs.median.toFixed(1)} ms, ` +
    `p95 ${result.queryTimeMs.p95.toFixed(1)} ms, max ${result.queryTimeMs.max.toFixed(1)} ms; first query of a page (loads the facts file) ${result.queryTimeMs.firstQueryOfPage.toFixed(1)} ms`,
);
console.log('written to .bench/search.json');
