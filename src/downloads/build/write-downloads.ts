import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countWork } from '../../lib/build-profile.ts';
import { fileRevision, recordBuiltFileHash } from '../../lib/built-file-hashes.ts';
import { linkFiles } from '../../lib/link-files.ts';
import { sourcesHash } from '../../lib/sources-hash.ts';
import { articleFiles } from '../article-files.ts';
import type { DownloadSource } from '../handoff.ts';

/**
 * The code the downloads are made by: a change to any of it makes every article's files again. Folders, not
 * files, so a helper moved between them is still counted.
 */
const DOWNLOAD_SOURCES = ['downloads', 'charts', 'figures', 'site', 'lib', 'schemas'].map((folder) =>
  fileURLToPath(new URL(`../../${folder}/`, import.meta.url)),
);

/** Bumped when what the cache holds changes meaning. */
const CACHE_FORMAT = 1;

/** What the cache folder holds: for each article, the hash of what its files were made from, and the files. */
interface DownloadCache {
  code: string;
  articles: Record<string, { source: string; files: Array<{ path: string; revision: string }> }>;
}

function readCache(cacheDir: string, code: string): DownloadCache {
  try {
    const cache = JSON.parse(readFileSync(join(cacheDir, 'manifest.json'), 'utf8')) as DownloadCache;
    // Taken out until this build's is written: a build stopped part-way leaves files its manifest does not describe.
    rmSync(join(cacheDir, 'manifest.json'));
    if (cache.code === code) return cache;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  rmSync(cacheDir, { recursive: true, force: true });
  return { code, articles: {} };
}

/**
 * Write every article's downloads (article-files.ts) into the built site. Each article's files are kept in
 * `cacheDir` under the hash of the article's data and the site's origin: an article unchanged since the last
 * build is not made again, its kept files are linked into the site. Returns the number of files in the site.
 */
export function writeArticleDownloads(siteDir: string, cacheDir: string, source: DownloadSource): number {
  const previous = readCache(cacheDir, `${CACHE_FORMAT}:${sourcesHash(DOWNLOAD_SOURCES, ['.ts', '.json'])}`);
  const next: DownloadCache = { code: previous.code, articles: {} };
  const filesDir = join(cacheDir, 'files');
  const folders = new Set<string>();
  const inFolder = (path: string): string => {
    const folder = dirname(path);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    return path;
  };
  for (const article of source.articles) {
    const sourceHash = createHash('sha256')
      .update(source.origin)
      .update('\n')
      .update(JSON.stringify(article))
      .digest('hex');
    const kept = previous.articles[article.slug];
    let entry = kept;
    if (kept?.source !== sourceHash || !kept.files.every((file) => existsSync(join(filesDir, file.path)))) {
      entry = { source: sourceHash, files: [] };
      for (const file of articleFiles(article, source.origin)) {
        const path = inFolder(join(filesDir, file.path));
        // A new file, never the old one rewritten: the last published build may hold it through a link.
        rmSync(path, { force: true });
        writeFileSync(path, file.text);
        entry.files.push({ path: file.path, revision: fileRevision(file.text) });
      }
      countWork('articles whose downloads were made', 1);
      countWork('download files written', entry.files.length);
    }
    if (!entry) continue;
    next.articles[article.slug] = entry;
  }
  const files = Object.values(next.articles).flatMap((entry) => entry.files);
  linkFiles(files.map((file) => [join(filesDir, file.path), join(siteDir, file.path)]));
  // Their revisions for the precache list, so the service worker step need not read the files again.
  for (const file of files) recordBuiltFileHash(siteDir, file.path, file.revision);
  // Files of articles gone, or of an article's charts it no longer has, leave the cache.
  const current = new Set(files.map((file) => file.path));
  for (const entry of Object.values(previous.articles)) {
    for (const file of entry.files) if (!current.has(file.path)) rmSync(join(filesDir, file.path), { force: true });
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, 'manifest.json'), JSON.stringify(next));
  return files.length;
}
