import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { buildHeapArgs } from './heap.ts';
import { MARKER_VARIABLE } from './integration.ts';
import { discardBuild, planBuild, publishBuild, removeLeftovers } from './swap.ts';

/**
 * `npm run build`: build the site into a folder of its own, and publish it (dist becomes a link to it)
 * only when every step finished. Any failure exits non-zero and leaves the published site as it was.
 * Astro runs in a child process so that content or code calling process.exit cannot end this one.
 */
function astroBin(): string {
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve('astro/package.json');
  const { bin } = require(packageFile) as { bin: { astro: string } };
  return join(dirname(packageFile), bin.astro);
}

function main(): void {
  const target = process.env.ARCHIVE_OUT_DIR ?? 'dist';
  const id = `build-${new Date().toISOString().replace(/\D/gu, '').slice(0, 14)}-${process.pid}`;
  const plan = planBuild(target, id);
  const shown = relative(process.cwd(), plan.target) || '.';
  removeLeftovers(plan);
  mkdirSync(plan.buildsDir, { recursive: true });

  const astro = spawnSync(process.execPath, [...buildHeapArgs(), astroBin(), 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ARCHIVE_OUT_DIR: plan.staging, [MARKER_VARIABLE]: plan.marker },
  });
  const failure =
    astro.error?.message ??
    (astro.signal
      ? `astro build was stopped by ${astro.signal}`
      : astro.status !== 0
        ? `astro build failed (exit code ${astro.status})`
        : !existsSync(plan.marker)
          ? 'astro build ended before its last step (exit code 0, but the pages, search files or service worker were not all written: did content or code call process.exit?)'
          : undefined);
  if (failure) {
    discardBuild(plan);
    console.error(`\nbuild: ${failure}. Nothing was published: ${shown}/ is unchanged.`);
    process.exitCode = 1;
    return;
  }
  publishBuild(plan);
  console.log(`\nbuild: published ${shown}/ (${relative(process.cwd(), plan.staging)})`);
}

main();
