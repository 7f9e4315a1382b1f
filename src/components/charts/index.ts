/**
 * The chart components MDX entries may use without importing them, and the one call a page
 * makes before rendering an article so they (and the sentence anchors) know where they are.
 */
import type { CollectionEntry } from 'astro:content';
import BigNumber from './BigNumber.astro';
import Chart from './Chart.astro';
import Metric from './Metric.astro';
import RegionMap from './RegionMap.astro';
import Scrolly from './Scrolly.astro';
import ScrollyStep from './ScrollyStep.astro';
import Timeline from './Timeline.astro';
import { setReferenceContext } from '../../figures/metric-index.ts';

export const chartComponents = { Chart, BigNumber, Metric, Timeline, RegionMap, Scrolly, ScrollyStep };

/**
 * Before an article's body renders: the sentences (and captions) to anchor: its figures' and its stored events',
 * read by FactParagraph, and the file and slug the chart components resolve references with.
 */
export function prepareArticleLocals(locals: object, entry: CollectionEntry<'articles'>): void {
  const facts = [
    ...entry.data.metrics.map((m) => ({ id: m.id, quote: m.quote })),
    ...entry.data.events.map((e) => ({ id: e.id, quote: e.quote })),
  ];
  Object.assign(locals, { facts });
  setReferenceContext(locals, { file: entry.filePath ?? `content/articles/${entry.id}.mdx`, slug: entry.id });
}
