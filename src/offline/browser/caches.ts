/** What is stored on this device, read straight from Cache Storage (no worker round trip). */
import { cacheNames, OFFLINE_PAGE, SAVED_PAGE } from '../shared/config.ts';
import { cacheKey, isCacheable } from '../shared/cache-rules.ts';

export interface CachedPage {
  /** Path of the page, e.g. /articles/x/. */
  readonly path: string;
  readonly title: string;
  readonly saved: boolean;
}

export const offlineSupported = () => 'caches' in window && 'serviceWorker' in navigator;

const ownCaches = async () => (await caches.keys()).filter((name) => name.startsWith(cacheNames.prefix));
const key = (path: string) => cacheKey(path, location.origin);

/** Whether the path is in this build's precache (cached for everyone, nothing to save). */
export async function isPrecached(path: string): Promise<boolean> {
  for (const name of await ownCaches()) {
    if (name.startsWith(cacheNames.precachePrefix) && (await (await caches.open(name)).match(key(path)))) return true;
  }
  return false;
}

export async function isSaved(path: string): Promise<boolean> {
  return Boolean(await (await caches.open(cacheNames.saved)).match(key(path)));
}

/** Save a page for offline reading. Goes through the worker, so a page already opened saves offline too. */
export async function savePage(path: string): Promise<void> {
  const response = await fetch(path, { cache: 'no-cache', credentials: 'same-origin' });
  if (!isCacheable(response, location.origin)) throw new Error(`${path} answered ${response.status}`);
  await (await caches.open(cacheNames.saved)).put(key(path), response);
  // Ask the browser not to evict what the reader chose to keep (granted or not, saving works).
  await navigator.storage?.persist?.().catch(() => false);
}

/** The browser refused to store more: the device or the site's share of storage is full (not a network problem). */
export function isStorageFull(error: unknown): boolean {
  // Firefox before 123 named it NS_ERROR_DOM_QUOTA_REACHED.
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

export async function removeSaved(path: string): Promise<void> {
  await (await caches.open(cacheNames.saved)).delete(key(path));
}

function titleOf(html: string, path: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const title = doc.querySelector('h1')?.textContent?.trim() || doc.title.trim();
  return title || path;
}

/** Every HTML page stored on this device (precache, opened, saved), sorted by path; the offline pages themselves left out. */
export async function listCachedPages(): Promise<CachedPage[]> {
  const pages = new Map<string, CachedPage>();
  for (const name of await ownCaches()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (path === OFFLINE_PAGE || path === SAVED_PAGE) continue;
      const saved = name === cacheNames.saved;
      const known = pages.get(path);
      if (known) {
        if (saved) pages.set(path, { ...known, saved });
        continue;
      }
      const response = await cache.match(request);
      if (!response?.headers.get('content-type')?.includes('text/html')) continue;
      pages.set(path, { path, title: titleOf(await response.text(), path), saved });
    }
  }
  return [...pages.values()].sort((a, b) => (a.path === '/' ? -1 : b.path === '/' ? 1 : a.path.localeCompare(b.path)));
}
