import { defineMiddleware } from 'astro:middleware';
import { feedPage } from './feed.ts';

/**
 * Each rendered page, as it will be written, handed to Pagefind while the next one renders (feed.ts). Only pages at a
 * plain ASCII path ending in / (articles/<slug>/): their search URL is their path. Any other page is indexed after the
 * build, from disk, as before.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const path = context.url.pathname;
  if (!response.headers.get('content-type')?.startsWith('text/html') || !/^[\w\-/.]*\/$/u.test(path)) return response;
  const html = await response.text();
  feedPage(path, html);
  return new Response(html, response);
});
