/**
 * Routes other parts of the site add: the chrome links to them only when they
 * exist in this build, so a reader never meets a dead link. Checked on disk at
 * build time: a Vite glob import of the pages would pull their stylesheets into every page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const routeExists = (...files: string[]) => files.some((file) => existsSync(join(process.cwd(), 'src/pages', file)));

export const features = {
  stories: routeExists('stories/index.astro', 'stories/index.md', 'stories/index.mdx', 'stories/index.ts'),
  search: routeExists('search.astro', 'search/index.astro'),
};

export const featureUrls = {
  stories: '/stories/',
  search: '/search/',
};
