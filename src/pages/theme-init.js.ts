import type { APIRoute } from 'astro';
import { themeInitScript } from '../theme/theme-init.ts';
import { THEME_STORAGE_KEY } from '../theme/theme.ts';

/** /theme-init.js: the blocking theme script every page loads first in <head>. */
export const GET: APIRoute = () =>
  new Response(themeInitScript(THEME_STORAGE_KEY), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
