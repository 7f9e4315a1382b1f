import type { APIRoute } from 'astro';
import { join } from 'node:path';
import { build } from 'esbuild';

// From the project root, like the seeds (src/pages/sources/[file].ts): this module runs from the build's own folder.
const ENTRY = join(process.cwd(), 'src', 'charts', 'browser', 'enhance.ts');

/**
 * /chart-enhancer.js: the chart enhancer (src/charts/browser/enhance.ts) bundled on its own, for
 * src/charts/browser/load-enhancer.ts to load once a chart nears the screen.
 */
export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return new Response(code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
