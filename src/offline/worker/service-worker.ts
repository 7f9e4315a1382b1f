/**
 * The archive's service worker. src/offline/build/integration.ts bundles it into dist/sw.js after
 * Pagefind has run, with the precache manifest of that build in __OFFLINE_MANIFEST__.
 *
 * Precached files (one cache per build version) are answered from the cache, so a reader sees
 * one consistent build until they accept the next one. Everything else same-origin goes to the
 * network first and falls back to what the reader opened or saved, then to /offline/.
 */
import {
  FILLED_KEY,
  NETWORK_TIMEOUT_MS,
  OFFLINE_PAGE,
  PAGES_CACHE_LIMIT,
  REVISIONS_KEY,
  cacheNames,
} from '../shared/config.ts';
import { cacheKey, isCacheable, isHandledPath } from '../shared/cache-rules.ts';
import { isToWorker, type OfflineStatus } from '../shared/messages.ts';
import type { ServiceWorkerManifest } from '../shared/precache.ts';

declare const self: ServiceWorkerGlobalScope;
declare const __OFFLINE_MANIFEST__: ServiceWorkerManifest;

const manifest = __OFFLINE_MANIFEST__;
const ORIGIN = self.location.origin;
const PRECACHE = cacheNames.precache(manifest.version);
const key = (path: string) => cacheKey(path, ORIGIN);
const revisions = new Map<string, string>([...manifest.core, ...manifest.background]);

self.addEventListener('install', (event) => {
  event.waitUntil(installCore());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOldPrecaches().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (!isToWorker(data)) return;
  if (data.type === 'skip-waiting') {
    event.waitUntil(self.skipWaiting());
    return;
  }
  const source = event.source;
  event.waitUntil(
    fillOnce().then((status) => {
      if (source && 'postMessage' in source) source.postMessage(status);
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  // Other origins are never touched: the browser handles them as if there were no worker.
  if (url.origin !== ORIGIN || !isHandledPath(url.pathname)) return;
  event.respondWith(respond(event, request));
});

async function respond(event: FetchEvent, request: Request): Promise<Response> {
  const requestKey = cacheKey(request.url);
  const precached = await (await caches.open(PRECACHE)).match(requestKey);
  if (precached) return precached;
  return networkFirst(event, request, requestKey);
}

/** Fresh when the network answers in time; otherwise the reader's copy; otherwise /offline/ for pages. */
async function networkFirst(event: FetchEvent, request: Request, requestKey: string): Promise<Response> {
  const network = fetch(request);
  // Cloned before the page reads the body (this reaction is registered first), stored after.
  const fresh = network.then((response) => (isCacheable(response, ORIGIN) ? response.clone() : null));
  event.waitUntil(fresh.then((copy) => (copy ? remember(requestKey, copy) : undefined)).catch(() => undefined));
  const copy = await matchReaderCopy(requestKey);
  if (copy) {
    const timeout = new Promise<Response>((resolve) => setTimeout(() => resolve(copy), NETWORK_TIMEOUT_MS));
    // A server error is no better than the reader's copy.
    return Promise.race([network.then((response) => (response.status >= 500 ? copy : response)), timeout]).catch(
      () => copy,
    );
  }
  return network.catch(async (error: unknown) => {
    if (request.mode === 'navigate') {
      const offline = await (await caches.open(PRECACHE)).match(key(OFFLINE_PAGE));
      if (offline) return offline;
    }
    throw error;
  });
}

async function matchReaderCopy(requestKey: string): Promise<Response | undefined> {
  return (
    (await (await caches.open(cacheNames.saved)).match(requestKey)) ??
    (await (await caches.open(cacheNames.pages)).match(requestKey))
  );
}

/** Keep an opened page (most recent last, oldest dropped past the limit); refresh a saved copy too. */
async function remember(requestKey: string, response: Response): Promise<void> {
  const saved = await caches.open(cacheNames.saved);
  if (await saved.match(requestKey)) await saved.put(requestKey, response.clone());
  const pages = await caches.open(cacheNames.pages);
  await pages.delete(requestKey);
  await pages.put(requestKey, response);
  const keys = await pages.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - PAGES_CACHE_LIMIT)).map((old) => pages.delete(old)));
}

/** Precache the shell and search index. Any failure fails the install, so a half cache never goes live. */
async function installCore(): Promise<void> {
  const cache = await caches.open(PRECACHE);
  const reusable = await previousCopies();
  await cacheAll(cache, manifest.core, reusable, true);
  await cache.put(
    key(REVISIONS_KEY),
    new Response(JSON.stringify(Object.fromEntries(revisions)), { headers: { 'Content-Type': 'application/json' } }),
  );
  // Unchanged archive files are copied now, while the old cache still exists (it goes on activate).
  const unchanged = manifest.background.filter(([url]) => reusable.has(url));
  await cacheAll(cache, unchanged, reusable, false);
}

/** Responses of older precaches whose revision equals this build's: copied, not downloaded. */
async function previousCopies(): Promise<Map<string, Response>> {
  const found = new Map<string, Response>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(cacheNames.precachePrefix) || name === PRECACHE) continue;
    const old = await caches.open(name);
    const record = await old.match(key(REVISIONS_KEY));
    if (!record) continue;
    const oldRevisions = (await record.json()) as Record<string, string>;
    for (const [url, revision] of revisions) {
      if (found.has(url) || oldRevisions[url] !== revision) continue;
      const response = await old.match(key(url));
      if (response) found.set(url, response);
    }
  }
  return found;
}

/** Cache entries a few at a time. Returns whether all of them are now cached. */
async function cacheAll(
  cache: Cache,
  entries: ReadonlyArray<readonly [string, string]>,
  reusable: ReadonlyMap<string, Response>,
  strict: boolean,
): Promise<boolean> {
  const queue = [...entries];
  let complete = true;
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [url] = next;
      try {
        if (await cache.match(key(url))) continue;
        const response = reusable.get(url) ?? (await download(url));
        await cache.put(key(url), response);
      } catch (error) {
        if (strict) throw error;
        complete = false;
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return complete;
}

/** Fetch past the HTTP cache; refuse anything but a complete same-origin answer. */
async function download(url: string): Promise<Response> {
  const response = await fetch(key(url), { cache: 'no-cache', credentials: 'same-origin' });
  if (!isCacheable(response, ORIGIN))
    throw new Error(`offline: ${url} answered ${response.status} (${response.type}); not cached`);
  // A followed redirect cannot answer a navigation; keep the body under a clean response.
  return response.redirected ? new Response(await response.blob(), { headers: response.headers }) : response;
}

async function deleteOldPrecaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names.filter((n) => n.startsWith(cacheNames.precachePrefix) && n !== PRECACHE).map((n) => caches.delete(n)),
  );
}

let filling: Promise<OfflineStatus> | null = null;

/** One fill at a time, however many tabs ask. */
function fillOnce(): Promise<OfflineStatus> {
  filling ??= fill().finally(() => {
    filling = null;
  });
  return filling;
}

/**
 * Bring this version's caches up to date: pages open before the worker took over, then (once per
 * version) the whole archive when it fits the budget and the browser's quota, and fresh copies of
 * saved pages.
 */
async function fill(): Promise<OfflineStatus> {
  const cache = await caches.open(PRECACHE);
  let complete = manifest.fitsBudget;
  if (!(await cache.match(key(FILLED_KEY)))) {
    const archiveFits = manifest.fitsBudget && (await quotaAllows());
    const archiveCached = archiveFits && (await cacheAll(cache, manifest.background, new Map(), false));
    const savedRefreshed = await refreshSaved();
    if ((archiveCached || !manifest.fitsBudget) && savedRefreshed) await cache.put(key(FILLED_KEY), new Response('1'));
    complete = archiveCached;
  }
  await rememberOpenPages(cache);
  return { type: 'offline-status', version: manifest.version, complete, fitsBudget: manifest.fitsBudget };
}

/** The first page was loaded before this worker existed; keep it like any other opened page. */
async function rememberOpenPages(cache: Cache): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window' });
  for (const client of windows) {
    const clientKey = cacheKey(client.url);
    if (new URL(clientKey).origin !== ORIGIN || (await cache.match(clientKey)) || (await matchReaderCopy(clientKey)))
      continue;
    try {
      const response = await fetch(clientKey, { credentials: 'same-origin' });
      if (isCacheable(response, ORIGIN)) await remember(clientKey, response);
    } catch {
      // Offline already: nothing to keep.
    }
  }
}

/** Leave room: skip the background archive unless the origin's free quota is twice what it needs. */
async function quotaAllows(): Promise<boolean> {
  if (!('storage' in self.navigator)) return true;
  const { quota, usage } = await self.navigator.storage.estimate();
  if (quota === undefined || usage === undefined) return true;
  return quota - usage > 2 * manifest.backgroundBytes;
}

/** Saved pages were saved from an older build; fetch this build's copies (keep the old on failure). */
async function refreshSaved(): Promise<boolean> {
  const saved = await caches.open(cacheNames.saved);
  let ok = true;
  for (const request of await saved.keys()) {
    try {
      const response = await fetch(request.url, { cache: 'no-cache', credentials: 'same-origin' });
      if (isCacheable(response, ORIGIN)) await saved.put(request.url, response);
    } catch {
      ok = false;
    }
  }
  return ok;
}
