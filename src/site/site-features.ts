/**
 * Routes other parts of the site add: the chrome links to them only when they
 * exist in this build, so a reader never meets a dead link. Vite resolves the
 * globs at build time; an absent folder gives an empty object.
 */
const storyRoutes = import.meta.glob('../pages/stories/index.{astro,md,mdx,ts}');
const searchRoutes = import.meta.glob('../pages/search{.astro,/index.astro}');

export const features = {
  stories: Object.keys(storyRoutes).length > 0,
  search: Object.keys(searchRoutes).length > 0,
};

export const featureUrls = {
  stories: '/stories/',
  search: '/search/',
};
