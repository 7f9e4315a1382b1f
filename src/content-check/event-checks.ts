import type { TextBlock } from '../lib/body-text.ts';
import type { ArticleEvent } from '../schemas/event.ts';
import { quoteValue } from './problem.ts';
import type { FieldProblem } from './taxonomy-refs.ts';

const squash = (text: string) => text.replace(/\s/gu, '');

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date at the precision written (2020, 2020-02, 2020-02-29), or why not. */
function notADate(part: string): string | undefined {
  const [year, month, day] = part.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) return 'has no year';
  if (month !== undefined && (month < 1 || month > 12)) return `has no month ${month}`;
  if (month !== undefined && day !== undefined) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const last = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
    if (day < 1 || day > last) return `has no day ${day} in month ${month} of ${year}`;
  }
  return undefined;
}

/** The year, month and day a printed date names (2023年4月25日 → 2023, 4, 25; 8月初 → month 8). */
function printedParts(printed: string): { year?: number; month?: number; day?: number } {
  const year = /(\d{4})年/u.exec(printed)?.[1];
  const month = /(\d{1,2})月/u.exec(printed)?.[1];
  const day = /月(\d{1,2})日/u.exec(printed)?.[1];
  return {
    ...(year ? { year: Number(year) } : {}),
    ...(month ? { month: Number(month) } : {}),
    ...(day ? { day: Number(day) } : {}),
  };
}

/**
 * Each event traceable to the text: its date is a real date that agrees with the date printed, its quote is a
 * sentence (or caption) of the body, its printed date is in its quote, and its id is unique in the article and
 * not a figure's (both are anchors /articles/<slug>/#<id>).
 */
export function checkEvents(
  events: ReadonlyArray<ArticleEvent | undefined>,
  blocks: readonly TextBlock[],
  metricIds: readonly string[],
  lineOf: (path: Array<string | number>) => number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const text = blocks.map((b) => squash(b.text));
  const firstUse = new Map<string, number>();
  events.forEach((event, i) => {
    // An event the schema rejected has its own message already.
    if (!event) return;
    const first = firstUse.get(event.id);
    if (first !== undefined) {
      problems.push({
        path: ['events', i, 'id'],
        message: `"${event.id}" is already the id of events[${first}] (line ${lineOf(['events', first, 'id'])})`,
        fix: 'give each event its own id, e.g. the next free event-N',
      });
    } else firstUse.set(event.id, i);
    if (metricIds.includes(event.id)) {
      problems.push({
        path: ['events', i, 'id'],
        message: `"${event.id}" is also the id of a metric of this article: the link #${event.id} would land on one of them only`,
        fix: 'give the event an id of its own, e.g. event-N',
      });
    }

    const parts = event.date.split('/');
    const wrong = parts.map(notADate).find((w) => w !== undefined);
    if (wrong) {
      problems.push({
        path: ['events', i, 'date'],
        message: `(event ${event.id}) "${event.date}" is not a date: it ${wrong}`,
        fix: 'write a real date: 2020, 2020-08 or 2020-08-05',
      });
    } else if (parts.length === 2 && (parts[0] ?? '') > (parts[1] ?? '')) {
      problems.push({
        path: ['events', i, 'date'],
        message: `(event ${event.id}) the span "${event.date}" ends before it starts`,
        fix: 'write the earlier date first: 2023-07-06/2023-07-07',
      });
    } else if (event.printed !== undefined) {
      const printed = printedParts(event.printed);
      const [year, month, day] = (parts[0] ?? '').split('-').map(Number);
      const disagree =
        (printed.year !== undefined && printed.year !== year) ||
        (printed.month !== undefined && printed.month !== month) ||
        (printed.day !== undefined && printed.day !== day);
      if (disagree) {
        problems.push({
          path: ['events', i, 'date'],
          message: `(event ${event.id}) "${event.date}" is not the date printed, ${quoteValue(event.printed)}`,
          fix: 'make the date say what is printed (8月初 in a 2020 article is 2020-08), or correct printed',
        });
      }
    }

    if (event.printed !== undefined && !event.quote.includes(event.printed)) {
      problems.push({
        path: ['events', i, 'printed'],
        message: `(event ${event.id}) ${quoteValue(event.printed)} is not in its quote ${quoteValue(event.quote)}`,
        fix: 'copy the date exactly as printed in the quote, or delete the printed line when the text prints no date',
      });
    }
    const quote = squash(event.quote);
    if (!text.some((block) => block.includes(quote))) {
      problems.push({
        path: ['events', i, 'quote'],
        message: `(event ${event.id}) ${quoteValue(event.quote)} is not in the article's text`,
        fix: 'copy the sentence (or photo caption) exactly from the body (the body may have been edited since)',
      });
    }
  });
  return problems;
}
