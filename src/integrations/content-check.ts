import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import { readContentFiles } from '../cli/read-content.ts';
import { checkContent, formatProblem, isError } from '../lib/content-check/index.ts';

/** Thrown by the build when the content has mistakes: the message lists every one, as `npm run check` prints them. */
export class ContentCheckError extends Error {
  override name = 'ContentCheckError';

  constructor(message: string) {
    super(message);
    // The messages are the whole story: a stack trace into the checker would only bury them.
    this.stack = message;
  }
}

/** Run the content check on a project folder; log warnings, and throw with every error. */
export function assertContentIsValid(root: string, logger: Pick<AstroIntegrationLogger, 'warn' | 'info'>): void {
  const problems = checkContent(readContentFiles(root));
  for (const warning of problems.filter((p) => !isError(p))) logger.warn(formatProblem(warning));
  const errors = problems.filter(isError);
  if (errors.length > 0) {
    const list = errors.map(formatProblem).join('\n');
    throw new ContentCheckError(`the content has ${errors.length} mistake(s); nothing was built. Fix them (npm run check lists them too):\n${list}`);
  }
  logger.info('content check passed');
}

/** Log (not throw) in dev, so the preview keeps running while an editor fixes things. */
function reportContent(root: string, logger: AstroIntegrationLogger): void {
  try {
    assertContentIsValid(root, logger);
  } catch (error) {
    if (!(error instanceof ContentCheckError)) throw error;
    logger.error(error.message);
  }
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
