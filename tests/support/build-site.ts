import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

/** Where tests build the site (never the developer's dist/). */
export const TEST_DIST = resolve('.tmp/dist-test');
/** The test build's own Astro cache (its search fragments among them), apart from a developer's builds and scratch copies. */
export const TEST_CACHE_DIR = resolve('.tmp/astro-cache-test');

/**
 * A cache folder for a scratch copy of the project (its ARCHIVE_CACHE_DIR), starting as a copy of the test
 * build's: its builds reuse the share images, fragments and checks already made, as an editor's machine
 * would, and never write into a cache another build is reading.
 */
export function scratchCacheDir(root: string): string {
  const dir = join(root, '.astro-cache');
  if (existsSync(TEST_CACHE_DIR)) cpSync(TEST_CACHE_DIR, dir, { recursive: true });
  return dir;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Output folder of the test build, or '' when the build failed. */
    siteDir: string;
    /** The build's output when it failed, for the tests to show. */
    buildError: string;
  }
}

/**
 * Build the site once for every test that needs it (browser and build checks).
 * A failed build does not stop the unit tests: the build tests fail with its output.
 */
export default function setup(project: TestProject): void {
  const { ok, output } = buildOnce();
  project.provide('siteDir', ok ? TEST_DIST : '');
  project.provide('buildError', ok ? '' : output);
}

/** The build tests and the browser tests each run this setup; the site is built once per run, for both. */
function buildOnce(): { ok: boolean; output: string } {
  const memo = globalThis as { archiveTestBuild?: { ok: boolean; output: string } };
  if (memo.archiveTestBuild) return memo.archiveTestBuild;
  // While iterating on browser tests only: TEST_REUSE_BUILD=1 keeps the last test build (stale if src/ or content/ changed).
  if (process.env.TEST_REUSE_BUILD === '1' && existsSync(`${TEST_DIST}/index.html`)) {
    memo.archiveTestBuild = { ok: true, output: '' };
    return memo.archiveTestBuild;
  }
  rmSync(TEST_DIST, { recursive: true, force: true });
  const result = spawnSync('npx', ['astro', 'build'], {
    env: {
      ...process.env,
      ARCHIVE_OUT_DIR: TEST_DIST,
      ARCHIVE_CACHE_DIR: TEST_CACHE_DIR,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  memo.archiveTestBuild = { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}`.slice(-8000) };
  return memo.archiveTestBuild;
}
