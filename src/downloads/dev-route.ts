import type { APIContext, GetStaticPathsOptions } from 'astro';
import { loadOpenData } from '../site/open-data-archive.ts';
import { articleFiles } from './article-files.ts';

/**
 * The dev server's /data/charts/ and /data/metrics/ files, injected by build/integration.ts in dev only (a
 * build writes the same files after its pages), once for .csv and once for .json: a pattern that ends in its
 * extension is served without the trailing slash pages get.
 */
export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  const extension = routePattern.slice(routePattern.lastIndexOf('.'));
  const data = await loadOpenData(import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined);
  return data.articles.flatMap((article) =>
    articleFiles(article, data.site)
      .filter((file) => file.path.endsWith(extension))
      .map((file) => {
        const [, folder = '', name = ''] = file.path.split('/');
        return { params: { folder, name: name.slice(0, -extension.length) }, props: { text: file.text, extension } };
      }),
  );
}

export function GET({ props }: APIContext<{ text: string; extension: string }>): Response {
  const type = props.extension === '.csv' ? 'text/csv' : 'application/json';
  return new Response(props.text, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
