import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { summarise } from '../../site/article-summary.ts';
import { drawAhead, drawnAhead, renderOgImage, type OgCard } from '../../share-images/og-image.ts';
import { loadTaxonomy } from '../../lib/taxonomy.ts';
import { ui } from '../../lib/ui-strings.ts';

type ArticleEntry = Awaited<ReturnType<typeof getCollection<'articles'>>>[number];

/** What an article's share image shows. */
function shareCard(entry: ArticleEntry): OgCard {
  const summary = summarise(entry, loadTaxonomy());
  const byline = entry.data.authors.length > 0 ? entry.data.authors.map((a) => a.name).join(' ') : '';
  return {
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
  };
}

/** /og/<slug>.png: each article's share image, drawn at build time. */
export async function getStaticPaths() {
  const entries = await getCollection('articles');
  // Astro asks for every route's paths before it renders a page: the images are drawn meanwhile (see drawAhead).
  if (import.meta.env.PROD) drawAhead(entries.map((entry) => ({ key: entry.id, card: () => shareCard(entry) })));
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: ArticleEntry };
  const path = `og/${entry.id}.png`;
  const png = (await drawnAhead(entry.id, path)) ?? (await renderOgImage(shareCard(entry), undefined, path));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
