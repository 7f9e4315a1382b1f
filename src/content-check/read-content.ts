import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ARTICLES_DIR, STORIES_DIR, type ContentFiles, type TextFile } from './index.ts';
import { TAXONOMY_FILE } from '../lib/taxonomy.ts';
import { SEED_FILE_NAME } from '../schemas/article.ts';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => join(dir, name))
      // A broken link is not a file (and must not crash the check: ingest reports it).
      .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true)
      .sort()
  );
}

const repoPath = (root: string, path: string) => relative(root, path).split(sep).join('/');

/** The entries the collection loads: *.mdx directly in the folder. */
function readEntries(root: string, folder: string): TextFile[] {
  return listFiles(join(root, folder))
    .filter(
      (path) =>
        path.endsWith('.mdx') &&
        !repoPath(root, path)
          .slice(folder.length + 1)
          .includes('/'),
    )
    .map((path) => ({ path: repoPath(root, path), text: readFileSync(path, 'utf8') }));
}

/** Everything else in the entry folders. */
function strayFiles(root: string, folder: string): string[] {
  return listFiles(join(root, folder))
    .map((path) => repoPath(root, path))
    .filter((path) => !path.endsWith('.mdx') || path.slice(folder.length + 1).includes('/'));
}

/** Read everything the content check needs from a project folder. */
export function readContentFiles(root: string): ContentFiles {
  const seeds = listFiles(join(root, 'seeds'))
    .map((path) => relative(join(root, 'seeds'), path))
    .filter((name) => SEED_FILE_NAME.test(name) && !name.includes(sep));
  const sha256 = (name: string) =>
    createHash('sha256')
      .update(readFileSync(join(root, 'seeds', name)))
      .digest('hex');
  return {
    taxonomy: { path: TAXONOMY_FILE, text: readFileSync(join(root, TAXONOMY_FILE), 'utf8') },
    articles: readEntries(root, ARTICLES_DIR),
    stories: readEntries(root, STORIES_DIR),
    strayFiles: [...strayFiles(root, ARTICLES_DIR), ...strayFiles(root, STORIES_DIR)],
    seeds,
    seedHashes: new Map(seeds.map((name) => [name, sha256(name)])),
    publicFiles: listFiles(join(root, 'public')).map((path) => `/${repoPath(join(root, 'public'), path)}`),
  };
}
