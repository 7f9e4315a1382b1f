/**
 * Derive benchmark (npm run bench:derive): the search files' derive step alone
 * (src/search/build/integration.ts writeSearchFiles) over a folder of Pagefind
 * fragments, in a fresh process, without building a site. Prints wall time, CPU
 * time and how far the process's resident memory grew while deriving (peak RSS,
 * from resourceUsage().maxRSS, minus RSS before it started), as the build
 * profile's searchPeak.deriveBytes counts it.
 *
 *   npm run bench:derive -- --fragments DIR               every fragment in DIR
 *   npm run bench:derive -- --fragments DIR --pages 1000  the first 1,000 (by file name)
 *   npm run bench:derive -- --fragments DIR --pages 20000 DIR's fragments copied until there are 20,000,
 *                                                         each copy with its own id and URL
 *   npm run bench:derive -- --fragments DIR --out OUT     keep the derived files in OUT (to compare two versions)
 *
 * Numbers, not a test: nothing fails.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';

const { values: args } = parseArgs({
  options: {
    fragments: { type: 'string' },
    pages: { type: 'string' },
    out: { type: 'string' },
    child: { type: 'boolean', default: false },
  },
});

const FRAGMENT = '.pf_fragment';

interface DeriveRun {
  pages: number;
  wallSeconds: number;
  cpuSeconds: number;
  startRssBytes: number;
  peakRssBytes: number;
}

/** In the fresh process: derive, and measure. */
async function runChild(fragmentDir: string, bundleDir: string): Promise<void> {
  const { writeSearchFiles } = await import('../src/search/build/integration.ts');
  const startRssBytes = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const pages = writeSearchFiles(fragmentDir, bundleDir);
  const used = process.cpuUsage(cpu);
  const run: DeriveRun = {
    pages,
    wallSeconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    startRssBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

/**
 * A folder of `pages` fragments made from those of `source`: the first ones by name, or all of them again and
 * again, copy k's id ending in -k and its URL starting /copy-k, so that every page is its own.
 */
function prepareFragments(source: string, pages: number, scratch: string): string {
  const files = readdirSync(source)
    .filter((file) => file.endsWith(FRAGMENT))
    .sort();
  const dir = join(scratch, 'fragments');
  mkdirSync(dir);
  for (let n = 0; n < pages; n += 1) {
    const file = files[n % files.length]!;
    const copy = Math.floor(n / files.length);
    if (copy === 0) {
      copyFileSync(join(source, file), join(dir, file));
      continue;
    }
    const data = gunzipSync(readFileSync(join(source, file))).toString('utf8');
    const signature = 'pagefind_dcd';
    const fragment = JSON.parse(data.slice(signature.length)) as { url: string };
    fragment.url = `/copy-${copy}${fragment.url}`;
    const id = `${file.slice(0, -FRAGMENT.length)}-${copy}`;
    writeFileSync(join(dir, `${id}${FRAGMENT}`), gzipSync(`${signature}${JSON.stringify(fragment)}`));
  }
  return dir;
}

const gb = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(2)} GB`;

async function main(): Promise<void> {
  if (!args.fragments) throw new Error('bench:derive: give the fragment folder with --fragments DIR');
  const source = resolve(args.fragments);
  if (args.child) {
    await runChild(source, resolve(args.out!));
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'bench-derive-'));
  try {
    const fragmentDir = args.pages ? prepareFragments(source, Number(args.pages), scratch) : source;
    const out = args.out ? resolve(args.out) : join(scratch, 'bundle');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', '--fragments', fragmentDir, '--out', out],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`bench:derive: the derive process failed (exit ${child.status})`);
    const run = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as DeriveRun;
    console.log(
      `pages ${run.pages} | wall ${run.wallSeconds.toFixed(1)} s | CPU ${run.cpuSeconds.toFixed(1)} s | ` +
        `peak RSS growth ${gb(run.peakRssBytes - run.startRssBytes)} (start ${gb(run.startRssBytes)}, peak ${gb(run.peakRssBytes)})`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
