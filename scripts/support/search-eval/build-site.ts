import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Build the site into a scratch folder for the search evaluation (never the developer's dist/); returns the folder. */
export function buildSiteForSearch(out = resolve('.bench/dist-search')): string {
  const result = spawnSync('npx', ['astro', 'build'], {
    env: { ...process.env, ARCHIVE_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}
