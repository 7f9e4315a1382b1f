import type { TextBlock } from '../lib/body-text.ts';
import type { Metric } from '../schemas/metric.ts';
import { quoteHasValue } from '../figures/parse-figures.ts';
import { quoteValue } from './problem.ts';
import type { FieldProblem } from './taxonomy-refs.ts';

const squash = (text: string) => text.replace(/\s/gu, '');

/**
 * Each metric traceable to the text: its quote is in the body as a reader sees
 * it, its value (and printed figure) is in its quote, and its id is unique in
 * the article (the id is the anchor /articles/<slug>/#<id>).
 */
export function checkMetrics(
  metrics: ReadonlyArray<Metric | undefined>,
  blocks: readonly TextBlock[],
  lineOf: (path: Array<string | number>) => number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const text = blocks.map((b) => squash(b.text));
  const firstUse = new Map<string, number>();
  metrics.forEach((metric, i) => {
    // A metric the schema rejected has its own message already.
    if (!metric) return;
    const first = firstUse.get(metric.id);
    if (first !== undefined) {
      problems.push({
        path: ['metrics', i, 'id'],
        message: `"${metric.id}" is already the id of metrics[${first}] (line ${lineOf(['metrics', first, 'id'])})`,
        fix: 'give each metric its own id, e.g. add -2',
      });
    } else firstUse.set(metric.id, i);

    const quote = squash(metric.quote);
    if (!text.some((block) => block.includes(quote))) {
      problems.push({
        path: ['metrics', i, 'quote'],
        message: `(metric ${metric.id}) ${quoteValue(metric.quote)} is not in the article's text`,
        fix: 'copy the sentence exactly from the body (the body may have been edited since)',
      });
    }
    if (!quoteHasValue(metric.quote, metric.value, metric.unit)) {
      problems.push({
        path: ['metrics', i, 'value'],
        message: `(metric ${metric.id}) ${metric.value}${metric.unit} does not appear in its quote ${quoteValue(metric.quote)}`,
        fix: 'correct the value or unit (万 and 亿 are multiplied out: 275.3万 is 2753000), or the quote',
      });
    }
    if (metric.figure !== undefined && !metric.quote.includes(metric.figure)) {
      problems.push({
        path: ['metrics', i, 'figure'],
        message: `(metric ${metric.id}) ${quoteValue(metric.figure)} is not in its quote ${quoteValue(metric.quote)}`,
        fix: 'copy the figure exactly as printed in the quote, or delete the figure line',
      });
    }
  });
  return problems;
}
