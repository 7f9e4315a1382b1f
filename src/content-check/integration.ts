import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import { readContentFiles } from './read-content.ts';
import { checkContent, formatProblem, isError } from './index.ts';

/** Thrown by the build when the content has mistakes: the message lists every one, as `npm run check` prints them. */
export class ContentCheckError extends Error {
  override name = 'ContentCheckError';

  constructor(message: string) {
    super(message);
    // The messages are the whole story: a stack trace into the checker would only bury them.
    this.stack = message;
  }
}

/** Run the content check on a project folder: warnings logged, errors returned as printable lines. */
function runContentCheck(root: string, logger: Pick<AstroIntegrationLogger, 'warn'>): string[] {
  const problems = checkContent(readContentFiles(root));
  for (const warning of problems.filter((p) => !isError(p))) logger.warn(formatProblem(warning));
  return problems.filter(isError).map(formatProblem);
}

/** For the build: throw with every error, so nothing is written. */
export function assertContentIsValid(root: string, logger: Pick<AstroIntegrationLogger, 'warn' | 'info'>): void {
  const errors = runContentCheck(root, logger);
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
        if (command === 'build') assertContentIsValid(root, logger);
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
