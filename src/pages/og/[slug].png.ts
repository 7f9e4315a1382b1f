import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { renderOgImage } from '../../share-images/og-image.ts';
import { shareCard } from '../../site/share-card.ts';
import { loadTaxonomy } from '../../lib/taxonomy.ts';

/** /og/<slug>.png: each article's share image, drawn at build time. */
export async function getStaticPaths() {
  const entries = await getCollection('articles');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

export const GET: APIRoute = async ({ props }) => {
  const entry = (props as { entry: Awaited<ReturnType<typeof getCollection<'articles'>>>[number] }).entry;
  const png = await renderOgImage(shareCard(entry, loadTaxonomy()), undefined, `og/${entry.id}.png`);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
