/**
 * Offline settings shared by the build (src/offline/build/integration.ts), the service worker
 * (src/offline/worker/) and the page scripts (src/offline/browser/). No Node or DOM APIs here.
 */

/** Cache the whole archive in the background only while it fits this many bytes (25 MiB). */
export const DEFAULT_OFFLINE_BUDGET_BYTES = 25 * 1024 * 1024;

/** The budget for a build: OFFLINE_BUDGET_MB in the environment, else the default. */
export function offlineBudgetBytes(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env['OFFLINE_BUDGET_MB'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_OFFLINE_BUDGET_BYTES;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb < 0)
    throw new Error(`OFFLINE_BUDGET_MB must be a non-negative number of MiB, got "${raw}"`);
  return Math.round(mb * 1024 * 1024);
}

const PREFIX = 'shandong-archive';

/** Cache Storage names. Only the precache is versioned; the reader's own caches outlive builds. */
export const cacheNames = {
  prefix: PREFIX,
  precachePrefix: `${PREFIX}-precache-`,
  precache: (version: string) => `${PREFIX}-precache-${version}`,
  /** Pages and files the reader opened that are not precached (bounded, most recent kept). */
  pages: `${PREFIX}-pages`,
  /** Pages the reader saved with the 保存以离线阅读 control (kept until removed). */
  saved: `${PREFIX}-saved`,
} as const;

/** How many opened-but-not-precached responses the pages cache keeps. */
export const PAGES_CACHE_LIMIT = 200;

/** Wait this long for the network before answering from a cached copy. */
export const NETWORK_TIMEOUT_MS = 3000;

export const SERVICE_WORKER_URL = '/sw.js';
export const OFFLINE_PAGE = '/offline/';
export const SAVED_PAGE = '/offline/saved/';

/** Bookkeeping entries inside a precache (never requested by pages). */
export const REVISIONS_KEY = '/__offline/revisions.json';
export const FILLED_KEY = '/__offline/filled';
