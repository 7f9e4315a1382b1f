/**
 * Which built files the service worker precaches, in which group, and whether the whole
 * archive fits the budget. Pure: the build scans dist/ and hands the files in.
 */

/** One file of the built site. */
export interface BuiltFile {
  /** Path relative to the output folder, with forward slashes (e.g. "articles/x/index.html"). */
  readonly path: string;
  readonly bytes: number;
  /** Content hash of the file; changes whenever its bytes change. */
  readonly revision: string;
}

/**
 * shell: what every page needs (home, offline pages, scripts, styles, icons, manifest);
 * search: what a search needs to find, count and list its results (src/search/shared/files.ts: the facts
 *   and filters files, the term shards and their directories, the display chunks), so search works offline whatever the archive's size;
 * archive: everything else (pages, the page texts search excerpts come from, data exports, source texts).
 *   Page texts are one file per page, as large as the pages' own text: over the budget they are left to
 *   be fetched when a result is shown, like the pages themselves, and a result offline goes without excerpt.
 */
export type PrecacheGroup = 'shell' | 'search' | 'archive';

export interface PrecacheEntry {
  readonly url: string;
  readonly revision: string;
  readonly bytes: number;
  readonly group: PrecacheGroup;
}

export interface PrecacheManifest {
  /** Changes whenever any precached file changes; names the versioned cache. */
  readonly version: string;
  readonly budgetBytes: number;
  /** Bytes and files of everything precacheable (shell + search + archive). */
  readonly totalBytes: number;
  readonly totalFiles: number;
  /** Whether the whole archive is cached in the background after the first visit. */
  readonly fitsBudget: boolean;
  /** Cached when the service worker installs. */
  readonly core: readonly PrecacheEntry[];
  /** Cached in the background after the first visit (empty when over budget). */
  readonly background: readonly PrecacheEntry[];
  /** Left for the reader to open or save (empty when within budget). */
  readonly onDemand: readonly PrecacheEntry[];
}

/** Files the service worker must never precache: itself, its manifest, source maps, dotfiles, the 404 page. */
const SKIPPED = [/^sw\.js$/u, /^sw-manifest\.json$/u, /\.map$/u, /(^|\/)\./u, /^404\.html$/u];

/** The URL a built file is served at, or null when it is not precached. "a/index.html" is served as "/a/". */
export function urlForFile(path: string): string | null {
  if (SKIPPED.some((pattern) => pattern.test(path))) return null;
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

const SHELL_PAGES = new Set(['/', '/offline/', '/offline/saved/', '/search/']);
const SEARCH_FILES = [
  /^\/pagefind\/facts\.bin\.gz$/u,
  /^\/pagefind\/(terms|shard-names|display|traditional|filters)\/[^/]+$/u,
];

export function groupOf(url: string): PrecacheGroup {
  if (SEARCH_FILES.some((pattern) => pattern.test(url))) return 'search';
  if (SHELL_PAGES.has(url)) return 'shell';
  if (url.startsWith('/_astro/') || url.startsWith('/icons/')) return 'shell';
  if (url === '/manifest.webmanifest' || url === '/favicon.svg') return 'shell';
  return 'archive';
}

const sum = (entries: readonly PrecacheEntry[]) => entries.reduce((total, e) => total + e.bytes, 0);

/**
 * Decide what to precache. The shell and search index are always precached; the rest of the
 * archive joins them in the background only if everything together fits the budget.
 * `hash` turns the sorted revision list into the version string.
 */
export function buildPrecacheManifest(
  files: readonly BuiltFile[],
  budgetBytes: number,
  hash: (text: string) => string,
): PrecacheManifest {
  const entries: PrecacheEntry[] = [];
  for (const file of files) {
    const url = urlForFile(file.path);
    if (url !== null) entries.push({ url, revision: file.revision, bytes: file.bytes, group: groupOf(url) });
  }
  entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const core = entries.filter((e) => e.group !== 'archive');
  const archive = entries.filter((e) => e.group === 'archive');
  const totalBytes = sum(entries);
  const fitsBudget = totalBytes <= budgetBytes;
  return {
    version: hash(entries.map((e) => `${e.url} ${e.revision}`).join('\n')),
    budgetBytes,
    totalBytes,
    totalFiles: entries.length,
    fitsBudget,
    core,
    background: fitsBudget ? archive : [],
    onDemand: fitsBudget ? [] : archive,
  };
}

/** What the service worker needs, compactly: [url, revision] pairs. */
export interface ServiceWorkerManifest {
  readonly version: string;
  readonly fitsBudget: boolean;
  readonly backgroundBytes: number;
  readonly core: ReadonlyArray<readonly [string, string]>;
  readonly background: ReadonlyArray<readonly [string, string]>;
}

export function serviceWorkerManifest(manifest: PrecacheManifest): ServiceWorkerManifest {
  const pairs = (entries: readonly PrecacheEntry[]) => entries.map((e) => [e.url, e.revision] as const);
  return {
    version: manifest.version,
    fitsBudget: manifest.fitsBudget,
    backgroundBytes: sum(manifest.background),
    core: pairs(manifest.core),
    background: pairs(manifest.background),
  };
}

/** Sizes per group for the build log and `npm run measure:offline`. */
export function summarisePrecache(manifest: PrecacheManifest): string {
  const all = [...manifest.core, ...manifest.background, ...manifest.onDemand];
  const line = (label: string, entries: readonly PrecacheEntry[]) =>
    `${label}: ${entries.length} files, ${sum(entries)} bytes`;
  const precached = [...manifest.core, ...manifest.background];
  return [
    `version ${manifest.version}; budget ${manifest.budgetBytes} bytes; archive ${manifest.totalBytes} bytes in ${manifest.totalFiles} files (${manifest.fitsBudget ? 'fits: all cached after the first visit' : 'over budget: shell + search index only'})`,
    line(
      '  shell',
      all.filter((e) => e.group === 'shell'),
    ),
    line(
      '  search index',
      all.filter((e) => e.group === 'search'),
    ),
    line(
      '  archive',
      all.filter((e) => e.group === 'archive'),
    ),
    line('  precached', precached),
  ].join('\n');
}
