import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readContentFiles } from './read-content.ts';
import { checkContent, formatProblem, isError, type ContentFiles } from './index.ts';
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

/** Hash of everything the check reads and of the code that checks it. */
function checkKey(files: ContentFiles): string {
  const hash = createHash('sha256').update(JSON.stringify(files));
  for (const dir of CHECKER_SOURCES) {
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex');
}

/**
 * Run the content check on a project folder: warnings logged, errors returned as printable lines.
 * With a cache folder, the printed problems are kept under the hash of the content and the checker,
 * so a build whose content and checker did not change skips the check and prints the same lines.
 */
function runContentCheck(root: string, logger: Pick<AstroIntegrationLogger, 'warn'>, cacheDir?: string): string[] {
  const files = readContentFiles(root);
  const cached = cacheDir && join(cacheDir, `${checkKey(files)}.json`);
  let result: { warnings: string[]; errors: string[] } | undefined;
  if (cached && existsSync(cached)) {
    result = JSON.parse(readFileSync(cached, 'utf8')) as { warnings: string[]; errors: string[] };
    countWork('content check from the cache');
  } else {
    const problems = checkContent(files);
    result = {
      warnings: problems.filter((p) => !isError(p)).map(formatProblem),
      errors: problems.filter(isError).map(formatProblem),
    };
    countWork('entries checked', files.articles.length + files.stories.length);
    if (cacheDir && cached) {
      // One result kept: the cache never grows past one build's.
      rmSync(cacheDir, { recursive: true, force: true });
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cached, JSON.stringify(result));
    }
  }
  for (const warning of result.warnings) logger.warn(warning);
  return result.errors;
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
