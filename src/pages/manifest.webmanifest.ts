import type { APIRoute } from 'astro';
import { webAppManifest } from '../offline/build/app-manifest.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(webAppManifest(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
