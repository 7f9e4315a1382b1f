/** What the service worker and the save control may store, and under which key. */

/** The parts of a Response the rules look at (so tests need no Response objects). */
export interface ResponseFacts {
  readonly status: number;
  readonly type: string;
  readonly url: string;
}

/**
 * Only complete, same-origin answers are worth keeping: never an error page, a partial
 * (206) or redirect answer, an opaque cross-origin answer, or anything from another origin.
 */
export function isCacheable(response: ResponseFacts, origin: string): boolean {
  if (response.status !== 200) return false;
  if (response.type !== 'basic' && response.type !== 'default') return false;
  // A synthetic response (e.g. new Response()) has an empty url; it is ours.
  return response.url === '' || new URL(response.url).origin === origin;
}

/**
 * The cache key of a URL: origin and path only. A static host serves the same file whatever the
 * query (/search/?q=… is the search page; cache-busting ?v= and ?ts= name the same file), so keys ignore ?query and #hash.
 */
export function cacheKey(url: string | URL, base?: string): string {
  const parsed = new URL(url, base);
  return `${parsed.origin}${parsed.pathname}`;
}

/** Whether a same-origin path is one the service worker should handle at all. */
export function isHandledPath(pathname: string): boolean {
  return pathname !== '/sw.js' && !pathname.startsWith('/__offline/');
}
