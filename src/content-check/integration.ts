import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readContentFiles } from './read-content.ts';
import type { EntryWorkerInput } from './entry-worker.ts';
import type { EntryKind } from './mdx-policy.ts';
import { checkTaxonomyFile } from './taxonomy-file.ts';
import { indexTaxonomy } from './taxonomy-refs.ts';
import {
  checkContent,
  checkEntry,
  formatProblem,
  isError,
  type CheckedEntry,
  type ContentFiles,
  type ContentProblem,
  type EntryCache,
  type TextFile,
} from './index.ts';
import { countWork } from '../lib/build-profile.ts';
import { sourcesHash } from '../lib/sources-hash.ts';

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
): EntryCache & {
  used: Record<string, CheckedEntry>;
  hits: number;
  misses: number;
  missing(): Array<{ kind: EntryKind; file: TextFile }>;
  checkedElsewhere: Map<string, CheckedEntry>;
  prefill(kind: EntryKind, file: TextFile, checked: CheckedEntry): void;
} {
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
    /** Entries checked in this run before checkContent asked (by worker threads): new results, not the cache's. */
    checkedElsewhere: new Map<string, CheckedEntry>(),
    prefill(kind: string, file: TextFile, checked: CheckedEntry): void {
      cache.checkedElsewhere.set(keyOf(kind, file), checked);
    },
    missing(): Array<{ kind: EntryKind; file: TextFile }> {
      return [
        ...files.articles.map((file) => ({ kind: 'article' as const, file })),
        ...files.stories.map((file) => ({ kind: 'story' as const, file })),
      ].filter(({ kind, file }) => stored[keyOf(kind, file)] === undefined);
    },
    lookup(kind: string, file: TextFile): CheckedEntry | undefined {
      const key = keyOf(kind, file);
      const fresh = cache.checkedElsewhere.get(key);
      if (fresh) {
        cache.store(kind, file, fresh);
        return fresh;
      }
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

/** What a check of a project folder needs: its files and, with a cache folder, the kept result and per-file results. */
interface CheckPlan {
  files: ContentFiles;
  cached:
    | {
        dir: string;
        key: string;
        kept: CachedResult | undefined;
        entries: ReturnType<typeof entryCache>;
      }
    | undefined;
}

function planContentCheck(root: string, cacheDir?: string): CheckPlan {
  const files = readContentFiles(root);
  if (!cacheDir) return { files, cached: undefined };
  const checker = sourcesHash(CHECKER_SOURCES);
  const key = sha256(`${checker}\n${JSON.stringify(files)}`);
  let kept: CachedResult | undefined;
  try {
    const read = JSON.parse(readFileSync(join(cacheDir, 'result.json'), 'utf8')) as CachedResult;
    if (read.key === key) kept = read;
  } catch {
    // No result kept yet.
  }
  return { files, cached: { dir: cacheDir, key, kept, entries: entryCache(cacheDir, checker, files) } };
}

/**
 * Run the content check: warnings logged, errors returned as printable lines. With a cache folder, a
 * build whose content and checker did not change prints the lines kept from the last build; otherwise
 * only the entries that changed are checked again (their own rules), and the rules across files run on
 * every entry's kept summary.
 */
function finishContentCheck(plan: CheckPlan, logger: Pick<AstroIntegrationLogger, 'warn'>): string[] {
  const { files, cached } = plan;
  let result: { warnings: string[]; errors: string[] };
  if (cached?.kept) {
    result = cached.kept;
    countWork('content check from the cache');
  } else if (cached) {
    const cache = cached.entries;
    const kept: CachedResult = { key: cached.key, ...formatted(checkContent(files, cache)) };
    countWork('entries checked', cache.misses);
    if (cache.hits > 0) countWork('entries from the cache', cache.hits);
    mkdirSync(cached.dir, { recursive: true });
    writeFileSync(join(cached.dir, 'entries.json'), JSON.stringify({ entries: cache.used }));
    writeFileSync(join(cached.dir, 'result.json'), JSON.stringify(kept));
    result = kept;
  } else {
    result = formatted(checkContent(files));
    countWork('entries checked', files.articles.length + files.stories.length);
  }
  for (const warning of result.warnings) logger.warn(warning);
  return result.errors;
}

function runContentCheck(root: string, logger: Pick<AstroIntegrationLogger, 'warn'>, cacheDir?: string): string[] {
  return finishContentCheck(planContentCheck(root, cacheDir), logger);
}

/** Below this many entries to check, a worker thread's start (loading the checker again) costs more than it saves. */
export const PARALLEL_CHECK_MIN_ENTRIES = 200;

const ENTRY_WORKER = new URL('./entry-worker.ts', import.meta.url);

/** Check these entries in a worker thread (Node runs the TypeScript as is: the checker uses erasable syntax only). */
function checkInWorker(input: EntryWorkerInput): Promise<CheckedEntry[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY_WORKER, { workerData: input });
    worker.once('message', (checked: CheckedEntry[]) => resolve(checked));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`content check: the worker thread stopped (exit code ${code})`));
    });
  });
}

/**
 * The build's content check on two cores: when at least `minEntries` entries changed since the last
 * build, a worker thread checks half of them while this thread checks the rest; then the rules across
 * files run here as in assertContentIsValid, which this otherwise equals.
 */
export async function checkContentInParallel(
  root: string,
  logger: Pick<AstroIntegrationLogger, 'warn' | 'info'>,
  cacheDir: string,
  minEntries = PARALLEL_CHECK_MIN_ENTRIES,
): Promise<void> {
  const plan = planContentCheck(root, cacheDir);
  const cache = plan.cached?.entries;
  const missing = plan.cached?.kept ? [] : (cache?.missing() ?? []);
  // The worker runs the TypeScript source as is, which needs a Node that strips types (22.18 and later).
  const nodeRunsTypeScript = Boolean((process.features as { typescript?: string | false }).typescript);
  if (cache && nodeRunsTypeScript && missing.length >= minEntries && missing.length >= 2) {
    const half = Math.floor(missing.length / 2);
    const inWorker = checkInWorker({ taxonomy: plan.files.taxonomy, entries: missing.slice(0, half) });
    const taxonomy = checkTaxonomyFile(plan.files.taxonomy.path, plan.files.taxonomy.text).taxonomy;
    const index = taxonomy ? indexTaxonomy(taxonomy) : undefined;
    const here = missing.slice(half).map(({ kind, file }) => ({ kind, file, checked: checkEntry(kind, file, index) }));
    const there = await inWorker;
    countWork('entries checked in a worker thread', there.length);
    missing.slice(0, half).forEach(({ kind, file }, n) => cache.prefill(kind, file, there[n]!));
    for (const { kind, file, checked } of here) cache.prefill(kind, file, checked);
  }
  throwOnErrors(finishContentCheck(plan, logger), logger);
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
  throwOnErrors(runContentCheck(root, logger, cacheDir), logger);
}

function throwOnErrors(errors: readonly string[], logger: Pick<AstroIntegrationLogger, 'info'>): void {
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
      'astro:config:setup': async ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        if (command === 'build')
          await checkContentInParallel(root, logger, fileURLToPath(new URL('archive-content-check/', config.cacheDir)));
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
