import type { OgCard } from '../share-images/og-image.ts';
import type { ArticleLike } from '../lib/archive.ts';
import type { Taxonomy } from '../lib/taxonomy.ts';
import { ui } from '../lib/ui-strings.ts';
import { summarise } from './article-summary.ts';

/**
 * What an article's share image shows: place and year, headline, dek, key figure, byline and reading time.
 * One function for the page that serves the image and the thread that draws images ahead of it, so both
 * name the same picture.
 */
export function shareCard(entry: ArticleLike, taxonomy: Taxonomy): OgCard {
  const summary = summarise(entry, taxonomy);
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
