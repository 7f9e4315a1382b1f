import type { Metric } from '../schemas/metric.ts';
import { ui } from '../lib/ui-strings.ts';

/** The tags a figure carries wherever it is shown: a forecast, target or plan, a running total. */
export function figureTags(metric: Pick<Metric, 'status' | 'cumulative' | 'span'>): { tags: string[]; text: string } {
  const tags: string[] = [];
  const text: string[] = [];
  const status = metric.status === undefined ? undefined : ui.figureStatus[metric.status];
  if (status !== undefined) {
    tags.push(status);
    text.push(status);
  }
  if (metric.cumulative === true) {
    tags.push(ui.figureCumulative);
    text.push(metric.span === undefined ? ui.figureCumulative : ui.figureCumulativeSince(metric.span));
  }
  return { tags, text: text.join(' ') };
}
