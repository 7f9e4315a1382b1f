import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ARTICLES_DIR, STORIES_DIR, type ContentFiles, type TextFile } from '../lib/content-check/index.ts';
import { TAXONOMY_FILE } from '../lib/taxonomy.ts';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

function readEntries(root: string, folder: string): TextFile[] {
  return listFiles(join(root, folder))
    .filter((path) => path.endsWith('.mdx'))
    .map((path) => ({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
}

/** Read everything the content check needs from a project folder. */
export function readContentFiles(root: string): ContentFiles {
  return {
    taxonomy: { path: TAXONOMY_FILE, text: readFileSync(join(root, TAXONOMY_FILE), 'utf8') },
    articles: readEntries(root, ARTICLES_DIR),
    stories: readEntries(root, STORIES_DIR),
    seeds: listFiles(join(root, 'seeds'))
      .map((path) => relative(join(root, 'seeds'), path))
      .filter((name) => name.endsWith('.txt') && !name.includes(sep)),
    publicFiles: listFiles(join(root, 'public')).map((path) => `/${relative(join(root, 'public'), path).split(sep).join('/')}`),
  };
}
