import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { dirname, join, sep } from 'node:path';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import {
  deriveSearchFiles,
  indexedPage,
  searchFilePath,
  searchFilePaths,
  type DeriveState,
  type FragmentSource,
  type PagefindFragment,
  type TraditionalSource,
} from '../shared/files.ts';
import { derivedPaths, patchSearchFiles, type PageChange } from './patch.ts';
import { buildTraditionalDictionary, traditionalGrams } from './traditional.ts';
import { beginStage, countWork, sampleChildPeaks } from '../../lib/build-profile.ts';
import { recordBuiltFileHash } from '../../lib/built-file-hashes.ts';
import { linkFiles } from '../../lib/link-files.ts';
import { gzip, sha256, type BundleRecord } from './bundle-cache.ts';
import { startBundleWriter, writerInThisThread } from './bundle-writer.ts';

/**
 * Elements never indexed, whatever page they are on: what assistive technology
 * skips is decoration (the "photo not included" frames), not text to search;
 * a chart table's caption repeats the figure's title and its header row only
 * names columns (地区, 时间, 指标, 数值), while its rows are the chart's labels
 * and stay. The tables come as strings from src/charts/data-table.ts, which
 * knows nothing of Pagefind, hence selectors here rather than attributes.
 * Navigation, footers, provenance and chart controls opt out in the markup
 * (data-pagefind-ignore); Pagefind itself never indexes svg, nav, footer or form.
 */
export const EXCLUDE_SELECTORS = ['[aria-hidden="true"]', '.chart-table caption', '.chart-table thead'];

/**
 * How Pagefind is run. Only its fragments (each page's text, metadata, filters and headings) are read: the term
 * index is the project's own (src/search/shared/terms.ts). So the language is forced to "und" (undetermined), which
 * skips Pagefind's Chinese word cutting, three quarters of its time (1,000 article pages: 4.3–5.4 s against
 * 18.2–19.2 s). The cut words were only zero-width spaces in the text, which the derivation removes
 * (pageText): every page's text, title, headings, metadata and filters are the same either way
 * (tests/build/pagefind-format.test.ts compares the two over the built site's pages).
 */
export const PAGEFIND_OPTIONS = { excludeSelectors: EXCLUDE_SELECTORS, forceLanguage: 'und' };

/** The folder of the built site the search files are written to (the search page's data-bundle). */
export const SEARCH_BUNDLE = 'pagefind';

/** Pagefind's fragment files: gzip, then this signature, then the JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * The fields of a fragment the search files are derived from. Fragments are Pagefind's internal format
 * (pagefind is pinned to an exact version in package.json); tests/build/pagefind-format.test.ts runs the
 * real binary, and a fragment without these fields stops the build here, naming what changed.
 */
const fragmentSchema = z.object({
  url: z.string(),
  content: z.string(),
  meta: z.record(z.string(), z.string()),
  filters: z.record(z.string(), z.array(z.string())),
  anchors: z.array(z.object({ element: z.string(), text: z.string() }).loose()).optional(),
});

/** Read one of Pagefind's result fragments; `name` (its file) is named in the error when its format is not the one expected. */
export function readFragment(bytes: Buffer, name = 'fragment'): PagefindFragment {
  const data = gunzipSync(bytes);
  if (data.subarray(0, FRAGMENT_SIGNATURE.length).toString() !== FRAGMENT_SIGNATURE)
    throw new Error(`${name}: not a Pagefind fragment (no pagefind_dcd signature)`);
  const parsed = fragmentSchema.safeParse(JSON.parse(data.subarray(FRAGMENT_SIGNATURE.length).toString('utf8')));
  if (!parsed.success) {
    throw new Error(
      `${name}: Pagefind's fragment format is not the one the search files are derived from ` +
        `(src/search/build/integration.ts; pagefind is pinned in package.json, check its version): ${z.prettifyError(parsed.error)}`,
    );
  }
  const { anchors, ...fields } = parsed.data;
  return anchors ? { ...fields, anchors } : fields;
}

const contentHash = (bytes: Uint8Array): string => sha256(bytes).slice(0, 10);

/**
 * The build's Traditional dictionary, and its forms of the archive's grams that the term index marks. Both
 * read only which characters and pairs of characters the texts hold, so the archive's grams stand for its texts.
 */
const traditionalOf: TraditionalSource = (grams) => {
  const dictionary = buildTraditionalDictionary(grams);
  return { dictionary, grams: traditionalGrams(dictionary, grams) };
};

/**
 * Write the search page's files (src/search/shared/files.ts) into `bundleDir`,
 * replacing whatever was there, from the fragments in `fragmentDir`; returns
 * the pages covered. Each file is written as it is made (deriveSearchFiles).
 */
export function writeSearchFiles(fragmentDir: string, bundleDir: string): number {
  const pages = readdirSync(fragmentDir)
    .filter((file) => file.endsWith('.pf_fragment'))
    .sort()
    .map((file) => ({
      id: file.slice(0, -'.pf_fragment'.length),
      read: () => readFragment(readFileSync(join(fragmentDir, file)), join(fragmentDir, file)),
    }));
  // Every fragment is read (and checked) for the pages' order before the first file is written.
  let started = false;
  const { pages: count } = deriveSearchFiles(pages, contentHash, traditionalOf, (file) => {
    if (!started) rmSync(bundleDir, { recursive: true, force: true });
    started = true;
    const path = join(bundleDir, searchFilePath(file));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, gzip(file.data));
  });
  return count;
}

/** The Traditional → Simplified dictionary for these texts, normalised as queries are. */
/** Pages Pagefind indexes in one run: its memory grows with the pages of a run, so a run is kept this size. */
export const PAGEFIND_BATCH_PAGES = 1000;

/** Bumped when what is cached changes meaning; Pagefind's version and options are part of the key too. */
const CACHE_FORMAT = 3;

/** The cache of one build's search work, kept across builds (see buildSearchIndex). */
interface SearchCacheManifest {
  key: string;
  /** Hash of a page's HTML → the id of its fragment in fragments/, or null when Pagefind indexed nothing of it. */
  pages: Record<string, string | null>;
  /** Path of a derived file in bundle/ → hash of its bytes before gzip, and of the gzip file (the precache list's revision). */
  bundle: BundleRecord;
}

/** A built page's search URL, as Pagefind derives it from the file's path (index.html dropped). */
export function pageUrl(relativePath: string): string {
  return `/${relativePath
    .split(sep)
    .join('/')
    .replace(/(^|\/)index\.html$/u, '$1')}`;
}

function readCacheManifest(cacheDir: string, key: string): SearchCacheManifest {
  try {
    const manifest = JSON.parse(readFileSync(join(cacheDir, 'manifest.json'), 'utf8')) as SearchCacheManifest;
    if (manifest.key === key) return manifest;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  rmSync(cacheDir, { recursive: true, force: true });
  return { key, pages: {}, bundle: {} };
}

/** A built HTML page: where it is, its search URL and the hash of its bytes. */
interface BuiltPage {
  path: string;
  url: string;
  hash: string;
}

/**
 * The pages Pagefind would index: every HTML file, or, when any page marks its text with
 * data-pagefind-body, only those (Pagefind's own rule, applied here because each run sees only a batch).
 */
function listSearchPages(siteDir: string): BuiltPage[] {
  const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith(`${SEARCH_BUNDLE}${sep}`))
    .sort();
  const pages: Array<BuiltPage & { body: boolean }> = files.map((file) => {
    const html = readFileSync(join(siteDir, file));
    const hash = sha256(html);
    // The precache list's revision is this hash's first 16 digits: it need not read the page again.
    recordBuiltFileHash(siteDir, file.split(sep).join('/'), hash.slice(0, 16));
    return { path: file, url: pageUrl(file), hash, body: html.includes('data-pagefind-body') };
  });
  const marked = pages.filter((page) => page.body);
  return (marked.length > 0 ? marked : pages).map(({ path, url, hash }) => ({ path, url, hash }));
}

/**
 * Index pages with Pagefind in runs of at most `batchPages`, each run in a fresh Pagefind process so its memory
 * is returned; each page's fragment is copied into the cache. Returns hash → fragment id (null: nothing indexed).
 */
async function indexPages(
  siteDir: string,
  pages: readonly BuiltPage[],
  fragmentCache: string,
  batchPages: number,
): Promise<Map<string, string | null>> {
  const pagefind = await import('pagefind');
  const found = new Map<string, string | null>();
  mkdirSync(fragmentCache, { recursive: true });
  for (let start = 0; start < pages.length; start += batchPages) {
    const batch = pages.slice(start, start + batchPages);
    // The batch's pages are linked into a folder of their own at their own paths, and Pagefind reads the folder:
    // it parses a directory's pages on both cores, where pages sent one by one were parsed on one
    // (1,000 article pages: 9–14 s against 17–22 s, in turn on this machine), and names each page's URL by its path.
    const scratch = mkdtempSync(join(dirname(fragmentCache), 'pagefind-'));
    try {
      const batchSite = join(scratch, 'site');
      linkFiles(batch.map((page) => [join(siteDir, page.path), join(batchSite, page.path)]));
      const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
      if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: batchSite });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the pages: ${added.errors.join('; ')}`);
      const output = join(scratch, 'index');
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length > 0)
        throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      sampleChildPeaks();
      const byUrl = new Map(batch.map((page) => [page.url, page.hash]));
      for (const page of batch) found.set(page.hash, null);
      const fragmentDir = join(output, 'fragment');
      for (const file of readdirSync(fragmentDir).filter((f) => f.endsWith('.pf_fragment'))) {
        const bytes = readFileSync(join(fragmentDir, file));
        const hash = byUrl.get(readFragment(bytes).url);
        if (hash === undefined) throw new Error(`Pagefind wrote a fragment (${file}) for a page it was not given`);
        const id = file.slice(0, -'.pf_fragment'.length);
        writeFileSync(join(fragmentCache, file), bytes);
        found.set(hash, id);
      }
      countWork('pages indexed by Pagefind', batch.length);
      countWork('Pagefind runs');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      await pagefind.close();
    }
  }
  return found;
}

/**
 * Page ids for this build: the fragment's name as Pagefind gave it, which hashes the page's indexed
 * content. Separate runs cannot see each other's names, so a short hash two pages share (likely among
 * tens of thousands) is told apart here by the page's own hash, in URL order so it is the same every build.
 */
function assignPageIds(pages: ReadonlyArray<BuiltPage & { fragment: string }>): Map<string, string> {
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  for (const page of [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
    let id = page.fragment;
    if (taken.has(id)) id = `${page.fragment}${page.hash.slice(0, 8)}`;
    taken.add(id);
    ids.set(page.hash, id);
  }
  return ids;
}

/** The parts of a fragment the search files use: its text, metadata, filters and headings (the rest is dropped early). */
function slimFragment(fragment: PagefindFragment): PagefindFragment {
  const anchors = (fragment.anchors ?? []).filter((a) => /^h[2-6]$/u.test(a.element));
  return { url: fragment.url, content: fragment.content, meta: fragment.meta, filters: fragment.filters, anchors };
}

/**
 * Derive the search files into the cache's bundle folder, writing each as it is made (in a worker thread,
 * startBundleWriter) but only when its bytes changed (a page's text is named by its fragment, so an unchanged
 * page's text is never rewritten), and remove the ones this build no longer has.
 */
async function updateBundle(
  bundleDir: string,
  manifest: SearchCacheManifest,
  pages: readonly FragmentSource[],
): Promise<{ bundle: BundleRecord; state: DeriveState; textGrams: string[] }> {
  countWork('pages read for the search files', pages.length);
  const writer = startBundleWriter(bundleDir, manifest.bundle);
  let derived: { state: DeriveState; textGrams: string[] };
  try {
    derived = deriveSearchFiles(pages, contentHash, traditionalOf, (file) =>
      writer.write(searchFilePath(file), file.data),
    );
  } catch (error) {
    await writer.stop();
    throw error;
  }
  const { bundle: next, written, unchanged } = await writer.finish();
  countWork('search files written', written);
  countWork('search files unchanged', unchanged);
  for (const path of Object.keys(manifest.bundle)) {
    if (next[path] === undefined) rmSync(join(bundleDir, path), { force: true });
  }
  return { bundle: next, state: derived.state, textGrams: derived.textGrams };
}

/** What the last derive left for patching (src/search/build/patch.ts), with each page's fragment id beside it. */
interface SavedDerive {
  key: string;
  state: DeriveState;
  fragments: string[];
}

const DERIVE_STATE = 'derive-state.json';
const TEXT_GRAMS = 'text-grams.json';

function readSavedDerive(cacheDir: string, key: string): SavedDerive | undefined {
  try {
    const saved = JSON.parse(readFileSync(join(cacheDir, DERIVE_STATE), 'utf8')) as SavedDerive;
    return saved.key === key ? saved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Patch the cached bundle for the pages whose fragments changed since the last build (patchSearchFiles), reading
 * only those pages; undefined (with the reason logged) when the files must be derived again from every page.
 */
function patchBundle(
  cacheDir: string,
  manifest: SearchCacheManifest,
  pages: ReadonlyArray<{ url: string; id: string; fragment: string }>,
  logger: Pick<AstroIntegrationLogger, 'info'>,
): { bundle: BundleRecord; saved: SavedDerive; textGrams?: string[] } | undefined {
  const saved = readSavedDerive(cacheDir, manifest.key);
  if (saved === undefined) return undefined;
  const refuse = (reason: string): undefined => {
    logger.info(`search files derived again from every page: ${reason}`);
    return undefined;
  };
  if (pages.length !== saved.state.pages.length) return refuse('pages were added or removed');
  const positions = new Map(saved.state.pages.map((page, i) => [page.url, i]));
  const fragmentCache = join(cacheDir, 'fragments');
  const readSlim = (id: string): PagefindFragment | undefined => {
    const path = join(fragmentCache, `${id}.pf_fragment`);
    return existsSync(path) ? slimFragment(readFragment(readFileSync(path), path)) : undefined;
  };
  const changes: PageChange[] = [];
  const fragments = [...saved.fragments];
  for (const page of pages) {
    const position = positions.get(page.url);
    if (position === undefined) return refuse(`${page.url} is new`);
    if (saved.state.pages[position]!.id === page.id) continue;
    const before = readSlim(saved.fragments[position] ?? '');
    const after = readSlim(page.fragment);
    if (before === undefined || after === undefined) return refuse(`the fragment of ${page.url} is not in the cache`);
    const { url, meta, filters } = after;
    changes.push({
      position,
      source: { id: page.id, url, meta, filters },
      before: indexedPage(before),
      after: indexedPage(after),
    });
    fragments[position] = page.fragment;
  }
  countWork('pages read for the search files', changes.length);
  const bundleDir = join(cacheDir, 'bundle');
  const result = patchSearchFiles({
    state: saved.state,
    changes,
    pageText: (position) => {
      countWork('texts read to choose the phrases');
      const id = saved.state.pages[position]!.id;
      return gunzipSync(readFileSync(join(bundleDir, searchFilePaths.text(id)))).toString('utf8');
    },
    readShard: (n) => gunzipSync(readFileSync(join(bundleDir, searchFilePaths.shard(saved.state.shardNames[n]!, n)))),
    textGrams: () => JSON.parse(readFileSync(join(cacheDir, TEXT_GRAMS), 'utf8')) as string[],
    traditionalOf,
    hash: contentHash,
  });
  if (!result.patched) return refuse(result.reason);
  const written = new Set(result.files.map(searchFilePath));
  const paths = derivedPaths(result.state);
  for (const path of paths) {
    if (!written.has(path) && (manifest.bundle[path] === undefined || !existsSync(join(bundleDir, path))))
      return refuse(`${path} is not in the cache`);
  }
  const writer = writerInThisThread(bundleDir, manifest.bundle);
  for (const file of result.files) writer.write(searchFilePath(file), file.data);
  const { bundle: next, written: rewritten, unchanged } = writer.result;
  countWork('search files written', rewritten);
  countWork('search files unchanged', unchanged);
  for (const path of paths) next[path] ??= manifest.bundle[path]!;
  for (const path of Object.keys(manifest.bundle)) {
    if (!paths.has(path)) rmSync(join(bundleDir, path), { force: true });
  }
  countWork('pages whose search files were patched', changes.length);
  const patched = { bundle: next, saved: { key: saved.key, state: result.state, fragments } };
  return result.textGrams === undefined ? patched : { ...patched, textGrams: result.textGrams };
}

/**
 * The cached bundle put into the site as hard links, copied only where links cannot be made (another file
 * system): at 1,000 articles its 7,658 files took 2.8 s to copy and 0.3 s to link.
 * Safe because the cache never rewrites a file in place (updateBundle removes it first).
 */
function linkBundle(from: string, to: string): void {
  const files = readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  linkFiles(files.map((source) => [source, join(to, source.slice(from.length + 1))]));
}

/** An installed package's version, from the nearest node_modules up from the working folder (pagefind exports no package.json). */
function installedVersion(name: string): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (no node_modules/${name}/package.json)`);
  }
}

export interface SearchIndexOptions {
  /** Where the work is kept across builds (default: node_modules/.cache/archive-search under the working folder). */
  cacheDir?: string;
  batchPages?: number;
}

/**
 * Index the built site with Pagefind (its extended binary segments Chinese) and derive the search
 * files from its fragments, into dist/pagefind/. Pagefind's own runtime (loader, WebAssembly, index
 * chunks, fragments) is not deployed: the search page ranks and lists from the derived files alone.
 *
 * Bounded and incremental: Pagefind runs over batches of pages, each in a fresh process, and only over
 * pages whose HTML is not in the cache (keyed by the hash of the page's bytes); the derived files are
 * kept in the cache too and only those whose bytes changed are rewritten, then copied into the site.
 * Throws on any indexing error so a build never publishes without search.
 */
export async function buildSearchIndex(
  siteDir: string,
  logger: Pick<AstroIntegrationLogger, 'info'>,
  options: SearchIndexOptions = {},
): Promise<{ pages: number }> {
  const cacheDir = options.cacheDir ?? join(process.cwd(), 'node_modules', '.cache', 'archive-search');
  const pagefindVersion = installedVersion('pagefind');
  const manifest = readCacheManifest(
    cacheDir,
    sha256(JSON.stringify({ CACHE_FORMAT, pagefindVersion, PAGEFIND_OPTIONS })),
  );
  const fragmentCache = join(cacheDir, 'fragments');

  beginStage('search: Pagefind indexing');
  const pages = listSearchPages(siteDir);
  const known = (page: BuiltPage): boolean => {
    const id = manifest.pages[page.hash];
    return id === null || (id !== undefined && existsSync(join(fragmentCache, `${id}.pf_fragment`)));
  };
  const missing = pages.filter((page) => !known(page));
  countWork('pages', pages.length);
  countWork('pages from the cache', pages.length - missing.length);
  const indexed = await indexPages(siteDir, missing, fragmentCache, options.batchPages ?? PAGEFIND_BATCH_PAGES);
  const fragmentOf = (page: BuiltPage): string | null | undefined =>
    indexed.has(page.hash) ? indexed.get(page.hash) : manifest.pages[page.hash];
  const withFragments = pages.flatMap((page) => {
    const fragment = fragmentOf(page);
    return fragment ? [{ ...page, fragment }] : [];
  });

  beginStage('search: derive files');
  const ids = assignPageIds(withFragments);
  const bundleCache = join(cacheDir, 'bundle');
  let bundle: BundleRecord;
  try {
    // The files of the last build, patched for the pages that changed; else derived from every page.
    const identified = withFragments.map((page) => ({ ...page, id: ids.get(page.hash) as string }));
    const patched = patchBundle(cacheDir, manifest, identified, logger);
    let saved: SavedDerive;
    let textGrams: string[] | undefined;
    if (patched !== undefined) {
      ({ bundle, saved, textGrams } = patched);
    } else {
      // In id order, as Pagefind's fragment folder lists them, so equal sort keys keep the order they always had.
      const fragments: FragmentSource[] = identified
        .map((page) => {
          const path = join(fragmentCache, `${page.fragment}.pf_fragment`);
          return { id: page.id, read: () => slimFragment(readFragment(readFileSync(path), path)) };
        })
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const derived = await updateBundle(bundleCache, manifest, fragments);
      const fragmentOfId = new Map(identified.map((page) => [page.id, page.fragment]));
      bundle = derived.bundle;
      textGrams = derived.textGrams;
      saved = {
        key: manifest.key,
        state: derived.state,
        fragments: derived.state.pages.map((page) => fragmentOfId.get(page.id) ?? ''),
      };
    }
    writeFileSync(join(cacheDir, DERIVE_STATE), JSON.stringify(saved));
    if (textGrams !== undefined) writeFileSync(join(cacheDir, TEXT_GRAMS), JSON.stringify(textGrams));
  } catch (error) {
    // Files are written as they are derived: after a failure part-way the bundle is unknown, so the next build starts afresh.
    rmSync(join(cacheDir, 'manifest.json'), { force: true });
    rmSync(join(cacheDir, DERIVE_STATE), { force: true });
    throw error;
  }
  const bundleDir = join(siteDir, SEARCH_BUNDLE);
  rmSync(bundleDir, { recursive: true, force: true });
  linkBundle(bundleCache, bundleDir);
  // The precache list's revision of a derived file is the hash of its gzip bytes, known from when it was written.
  for (const [path, hash] of Object.entries(bundle))
    recordBuiltFileHash(siteDir, `${SEARCH_BUNDLE}/${path}`, hash.file.slice(0, 16));

  // The cache keeps this build's pages only, so it never outgrows one archive.
  const keptPages: Record<string, string | null> = {};
  for (const page of pages) keptPages[page.hash] = fragmentOf(page) ?? null;
  const keptFragments = new Set(Object.values(keptPages).filter((id): id is string => id !== null));
  for (const file of readdirSync(fragmentCache)) {
    if (!keptFragments.has(file.slice(0, -'.pf_fragment'.length))) rmSync(join(fragmentCache, file), { force: true });
  }
  writeFileSync(
    join(cacheDir, 'manifest.json'),
    JSON.stringify({ key: manifest.key, pages: keptPages, bundle } satisfies SearchCacheManifest),
  );
  logger.info(
    `indexed ${missing.length} of ${pages.length} pages with Pagefind (the rest unchanged since the last build); facts, term index, display chunks and texts for ${withFragments.length} pages in ${bundleDir}`,
  );
  return { pages: pages.length };
}

export function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('archive-search/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger, { cacheDir });
      },
    },
  };
}
