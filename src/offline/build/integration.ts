import type { AstroIntegration } from 'astro';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beginStage, countWork } from '../../lib/build-profile.ts';
import { fileRevision, forgetBuiltFileHashes, recordedRevision } from '../../lib/built-file-hashes.ts';
import { offlineBudgetBytes } from '../shared/config.ts';
import {
  buildPrecacheManifest,
  serviceWorkerManifest,
  summarisePrecache,
  type BuiltFile,
  type PrecacheManifest,
} from '../shared/precache.ts';

const SERVICE_WORKER_SOURCE = fileURLToPath(new URL('../worker/service-worker.ts', import.meta.url));

const hash = fileRevision;

/**
 * Every file under the output folder with its size and a revision: the hash a build step recorded for it
 * when the file is unchanged since (src/lib/built-file-hashes.ts), else a hash of its bytes.
 */
export async function scanBuiltFiles(siteDir: string): Promise<BuiltFile[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const files: BuiltFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    const path = relative(siteDir, absolute).split(sep).join('/');
    const { size, mtimeMs } = await stat(absolute);
    const known = recordedRevision(path, size, mtimeMs);
    if (known !== undefined) {
      files.push({ path, bytes: size, revision: known });
      countWork('built file hashes reused');
      continue;
    }
    const bytes = await readFile(absolute);
    files.push({ path, bytes: bytes.length, revision: hash(bytes) });
    countWork('built files hashed');
  }
  return files;
}

export interface OfflineBuildOptions {
  /** Cache the whole archive in the background only below this many bytes (default: OFFLINE_BUDGET_MB or 25 MiB). */
  budgetBytes?: number;
}

/** The precache manifest of a built site, without writing anything. */
export async function measurePrecache(siteDir: string, options: OfflineBuildOptions = {}): Promise<PrecacheManifest> {
  const budgetBytes = options.budgetBytes ?? offlineBudgetBytes(process.env);
  return buildPrecacheManifest(await scanBuiltFiles(siteDir), budgetBytes, hash);
}

/**
 * Write dist/sw.js (the worker with this build's precache manifest inlined, so any change to any
 * file changes the worker's bytes and the browser installs the new version) and
 * dist/sw-manifest.json (the same manifest with sizes, for people and tools).
 * Run it after Pagefind so the search index is part of the manifest.
 */
export async function writeServiceWorker(
  siteDir: string,
  options: OfflineBuildOptions = {},
): Promise<PrecacheManifest> {
  const manifest = await measurePrecache(siteDir, options);
  let code: string;
  try {
    const bundled = await build({
      entryPoints: [SERVICE_WORKER_SOURCE],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      legalComments: 'none',
      define: { __OFFLINE_MANIFEST__: JSON.stringify(serviceWorkerManifest(manifest)) },
    });
    code = bundled.outputFiles[0]?.text ?? '';
  } catch (error) {
    throw new Error(`offline: could not bundle the service worker from ${SERVICE_WORKER_SOURCE}`, { cause: error });
  }
  await writeFile(join(siteDir, 'sw.js'), code);
  await writeFile(join(siteDir, 'sw-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Register after pagefindIntegration(): hooks run in the order integrations are listed. */
export function offlineIntegration(options: OfflineBuildOptions = {}): AstroIntegration {
  return {
    name: 'archive-offline',
    hooks: {
      // Revisions recorded by an earlier build in this process (tests build more than once) do not carry over.
      'astro:config:setup': () => forgetBuiltFileHashes(),
      'astro:build:done': async ({ dir, logger }) => {
        beginStage('service worker (precache list)');
        const manifest = await writeServiceWorker(fileURLToPath(dir), options);
        logger.info(`wrote sw.js\n${summarisePrecache(manifest)}`);
      },
    },
  };
}
