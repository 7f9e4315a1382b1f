import { statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { SEED_FILE_NAME } from '../../schemas/article.ts';

/** The seed texts exactly as delivered, byte for byte, for readers who want the original. */
export async function getStaticPaths() {
  // Only regular files: a folder or a broken link named *.txt is ingest's to report, not the build's to crash on.
  const dir = join(process.cwd(), 'seeds');
  const files = (await readdir(dir)).filter(
    (name) => SEED_FILE_NAME.test(name) && statSync(join(dir, name), { throwIfNoEntry: false })?.isFile() === true,
  );
  return files.map((file) => ({ params: { file } }));
}

export const GET: APIRoute = async ({ params }) => {
  const bytes = await readFile(join(process.cwd(), 'seeds', String(params.file)));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
