import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { archiveOrder } from '../lib/archive.ts';
import { articleUrl } from '../site/articles.ts';
import { articleFeedHtml } from '../site/feed.ts';
import { dekOf } from '../site/reading.ts';
import { LISTING_LIMITS } from '../site/listing-limits.ts';
import { ui } from '../lib/ui-strings.ts';

/** /rss.xml: the newest articles with their full text, newest year first. */
export async function GET(context: APIContext) {
  const entries = archiveOrder(await getCollection('articles')).slice(0, LISTING_LIMITS.feed);
  return rss({
    title: ui.feedTitle,
    description: ui.feedDescription,
    site: context.site ?? 'https://archive.example.org',
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
    items: entries.map((entry) => ({
      title: entry.data.title,
      link: articleUrl(entry.id),
      description: dekOf(entry.data, entry.body ?? ''),
      content: articleFeedHtml(entry.data, entry.body ?? ''),
      categories: [entry.data.city, entry.data.region, `${entry.data.year}年`].filter(
        (c, i, all) => all.indexOf(c) === i,
      ),
      author: entry.data.authors.map((a) => `${a.role} ${a.name}`).join('，') || undefined,
    })),
  });
}
