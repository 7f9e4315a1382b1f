import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute } from 'astro';

/** The seed texts exactly as delivered, byte for byte, for readers who want the original. */
export async function getStaticPaths() {
  const files = (await readdir(join(process.cwd(), 'seeds'))).filter((f) => f.endsWith('.txt'));
  return files.map((file) => ({ params: { file } }));
}

export const GET: APIRoute = async ({ params }) => {
  const bytes = await readFile(join(process.cwd(), 'seeds', String(params.file)));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
