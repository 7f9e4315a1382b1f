import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readContentFiles } from './read-content.ts';
import {
  checkContent,
  formatProblem,
  isError,
  type CheckedEntry,
  type ContentFiles,
  type ContentProblem,
  type EntryCache,
  type TextFile,
} from './index.ts';
import { countWork } from '../lib/build-profile.ts';

/** Thrown by the build when the content has mistakes: the message lists every one, as `npm run check` prints them. */
export class ContentCheckError extends Error {
  override name = 'ContentCheckError';

  constructor(message: string) {
    super(message);
    // The messages are the whole story: a stack trace into the checker would only bury them.
    this.stack = message;
  }
}

/** The checker's own code: a change to it (or to the schemas and helpers it uses) invalidates the cached results. */
const CHECKER_SOURCES = ['content-check', 'schemas', 'lib'].map((folder) =>
  fileURLToPath(new URL(`../${folder}/`, import.meta.url)),
);

/** Hash of the checker's own code (see CHECKER_SOURCES). */
function checkerHash(): string {
  const hash = createHash('sha256');
  for (const dir of CHECKER_SOURCES) {
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex');
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

interface CachedResult {
  key: string;
  warnings: string[];
  errors: string[];
}

/**
 * Per-file results kept across builds under the hash of the checker, the taxonomy, and the entry's kind,
 * path and text; `used` is what this run read or wrote, the only results kept for the next build.
 */
function entryCache(
  cacheDir: string,
  checker: string,
  files: ContentFiles,
): EntryCache & { used: Record<string, CheckedEntry>; hits: number; misses: number } {
  const path = join(cacheDir, 'entries.json');
  let stored: Record<string, CheckedEntry> = {};
  try {
    stored = (JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, CheckedEntry> }).entries;
  } catch {
    // No cache yet, or an unreadable one: every entry is checked.
  }
  const base = sha256(`${checker}\n${files.taxonomy.text}`);
  const keyOf = (kind: string, file: TextFile): string => sha256(`${base}\n${kind}\n${file.path}\n${file.text}`);
  const cache = {
    used: {} as Record<string, CheckedEntry>,
    hits: 0,
    misses: 0,
    lookup(kind: string, file: TextFile): CheckedEntry | undefined {
      const key = keyOf(kind, file);
      const found = stored[key];
      if (found) {
        cache.used[key] = found;
        cache.hits += 1;
      }
      return found;
    },
    store(kind: string, file: TextFile, checked: CheckedEntry): void {
      cache.used[keyOf(kind, file)] = checked;
      cache.misses += 1;
    },
  };
  return cache;
}

/**
 * Run the content check on a project folder: warnings logged, errors returned as printable lines.
 * With a cache folder, a build whose content and checker did not change prints the lines kept from the
 * last build; otherwise only the entries that changed are checked again (their own rules), and the
 * rules across files run on every entry's kept summary.
 */
function runContentCheck(root: string, logger: Pick<AstroIntegrationLogger, 'warn'>, cacheDir?: string): string[] {
  const files = readContentFiles(root);
  let result: CachedResult | undefined;
  if (cacheDir) {
    const checker = checkerHash();
    const key = sha256(`${checker}\n${JSON.stringify(files)}`);
    const resultPath = join(cacheDir, 'result.json');
    try {
      const kept = JSON.parse(readFileSync(resultPath, 'utf8')) as CachedResult;
      if (kept.key === key) result = kept;
    } catch {
      // No result kept yet.
    }
    if (result) countWork('content check from the cache');
    else {
      const cache = entryCache(cacheDir, checker, files);
      result = { key, ...formatted(checkContent(files, cache)) };
      countWork('entries checked', cache.misses);
      if (cache.hits > 0) countWork('entries from the cache', cache.hits);
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(join(cacheDir, 'entries.json'), JSON.stringify({ entries: cache.used }));
      writeFileSync(resultPath, JSON.stringify(result));
    }
  } else {
    result = { key: '', ...formatted(checkContent(files)) };
    countWork('entries checked', files.articles.length + files.stories.length);
  }
  for (const warning of result.warnings) logger.warn(warning);
  return result.errors;
}

function formatted(problems: readonly ContentProblem[]): { warnings: string[]; errors: string[] } {
  return {
    warnings: problems.filter((p) => !isError(p)).map(formatProblem),
    errors: problems.filter(isError).map(formatProblem),
  };
}

/** For the build: throw with every error, so nothing is written. */
export function assertContentIsValid(
  root: string,
  logger: Pick<AstroIntegrationLogger, 'warn' | 'info'>,
  cacheDir?: string,
): void {
  const errors = runContentCheck(root, logger, cacheDir);
  if (errors.length > 0) {
    throw new ContentCheckError(
      `the content has ${errors.length} mistake(s); nothing was built. Fix them (npm run check lists them too):\n${errors.join('\n')}`,
    );
  }
  logger.info('content check passed');
}

/** For dev: log, never throw, so the preview keeps running while an editor fixes things. */
function reportContent(root: string, logger: AstroIntegrationLogger): void {
  const errors = runContentCheck(root, logger);
  if (errors.length > 0) logger.error(`the content has ${errors.length} mistake(s):\n${errors.join('\n')}`);
  else logger.info('content check passed');
}

/**
 * The content check as a build hook: `astro build` stops before writing
 * anything when an article or story has a mistake. Register it first, so it
 * runs before the other integrations' setup.
 */
export function contentCheckIntegration(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'archive-content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        if (command === 'build')
          assertContentIsValid(root, logger, fileURLToPath(new URL('archive-content-check/', config.cacheDir)));
        if (command === 'dev') reportContent(root, logger);
      },
      'astro:server:setup': ({ server, logger }) => {
        // Re-check on every save under content/, so the terminal shows the editor's mistakes as they make them.
        const recheck = (path: string) => {
          const inside = relative(root, path).split(sep);
          if (inside[0] === 'content') reportContent(root, logger);
        };
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
    },
  };
}
