import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { summarise } from '../../site/article-summary.ts';
import { renderOgImage } from '../../share-images/og-image.ts';
import { loadTaxonomy } from '../../lib/taxonomy.ts';
import { ui } from '../../lib/ui-strings.ts';

/** /og/<slug>.png: each article's share image, drawn at build time. */
export async function getStaticPaths() {
  const entries = await getCollection('articles');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

export const GET: APIRoute = async ({ props }) => {
  const entry = (props as { entry: Awaited<ReturnType<typeof getCollection<'articles'>>>[number] }).entry;
  const summary = summarise(entry, loadTaxonomy());
  const byline = entry.data.authors.length > 0 ? entry.data.authors.map((a) => a.name).join(' ') : '';
  const png = await renderOgImage(
    {
      siteName: ui.siteName,
      kicker: `${summary.place} · ${ui.yearLabel(summary.year)}`,
      title: summary.title,
      dek: summary.dek,
      figure: summary.figure && {
        prefix: summary.figure.prefix,
        number: summary.figure.number,
        suffix: summary.figure.suffix,
        label: summary.figure.label,
      },
      footer: [byline, ui.readingTime(summary.minutes)].filter(Boolean).join(' · '),
    },
    undefined,
    `og/${entry.id}.png`,
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
