import { archiveUrls, placeOf, type ArticleLike } from '../lib/archive.ts';
import { articleUrl } from './articles.ts';
import { displayFigure, keyFigure, type FigureDisplay } from './key-figure.ts';
import { dekOf, readingStats } from './reading.ts';
import { isTopic, type Taxonomy } from '../lib/taxonomy.ts';
import type { Topic } from '../schemas/taxonomy.ts';

/** What a card, a list row or a share image shows of an article. */
export interface ArticleSummary {
  id: string;
  url: string;
  title: string;
  /** 引题 when printed, else the place: 菏泽市 巨野县 */
  kicker: string;
  dek: string;
  /** 菏泽市 巨野县, or 聊城市 for a city-wide article. */
  place: string;
  placeUrl?: string;
  year: number;
  yearUrl: string;
  characters: number;
  minutes: number;
  figure?: FigureDisplay;
  /** Where the key figure's sentence is: /articles/<slug>/#<metric-id> */
  figureUrl?: string;
}

/** Place label: city then region, once when the article covers the whole city. */
export function placeLabel(data: { region: string; city: string }): string {
  return data.region === data.city ? data.city : `${data.city} ${data.region}`;
}

export function summarise(entry: ArticleLike, taxonomy: Taxonomy, topic?: Topic): ArticleSummary {
  const { data } = entry;
  const stats = readingStats(entry.body ?? '');
  const place = placeOf(taxonomy, data);
  // On a topic's page the card shows the article's figure about that topic, not its lead figure.
  const metric = keyFigure(topic === undefined ? data.metrics : data.metrics.filter((m) => isTopic(topic, m.topic)));
  const summary: ArticleSummary = {
    id: entry.id,
    url: articleUrl(entry.id),
    title: data.title,
    kicker: data.kicker ?? placeLabel(data),
    dek: dekOf(data, entry.body ?? ''),
    place: placeLabel(data),
    year: data.year,
    yearUrl: archiveUrls.year(data.year),
    characters: stats.characters,
    minutes: stats.minutes,
  };
  if (place) summary.placeUrl = archiveUrls.region(place.pinyin);
  if (metric) {
    summary.figure = displayFigure(metric);
    summary.figureUrl = `${articleUrl(entry.id)}#${metric.id}`;
  }
  return summary;
}
