/** Messages between the pages and the service worker (structured-clone plain objects). */

/** Page → worker. */
export type ToWorker =
  /** Finish caching this version (archive, opened pages, saved pages), then answer with a status. */
  | { readonly type: 'fill' }
  /** The reader asked for the new version: stop waiting and take over. */
  | { readonly type: 'skip-waiting' };

/** Worker → page. */
export interface OfflineStatus {
  readonly type: 'offline-status';
  readonly version: string;
  /** True when the whole archive is cached; false when only the shell, index and opened/saved pages are. */
  readonly complete: boolean;
  readonly fitsBudget: boolean;
}

export function isOfflineStatus(data: unknown): data is OfflineStatus {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'offline-status';
}

export function isToWorker(data: unknown): data is ToWorker {
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  return type === 'fill' || type === 'skip-waiting';
}
