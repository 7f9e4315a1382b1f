/**
 * Events an article reports, for timelines: built from the article's own text and figures,
 * each tied to the sentence it comes from (the article page anchors that sentence).
 *
 * Three kinds:
 * - dated:  a sentence with a printed month (2023年4月25日，…; 2月9日，…; 于10月份投入使用).
 *           A date without a year takes the article's year; a sentence opening with 会上/当天
 *           takes the date of the sentence before it. Ranges of months (2017年3月至2020年9月,
 *           1—9月) and "as of" dates (截至11月底) are periods of figures, not events.
 * - honour: a clause reporting an award, title or approval (荣获, 获评, 授予, 入选, 称号 …) with no
 *           month printed; dated by the article's year, and flagged as such (`datePrinted: false`).
 * - figure: figures whose period is a single month or day (截至11月底 … 69731人), one event per
 *           sentence, when no dated event already holds that sentence.
 *
 * Labels are the article's words: the sentence without its leading date (cut at a clause
 * boundary when long), or the honour clause itself. Nothing is paraphrased.
 */
import type { Metric } from '../schemas/metric.ts';
import { bodyBlocks } from '../lib/body-text.ts';
import { splitSentences } from './sentences.ts';

export type EventKind = 'dated' | 'honour' | 'figure';

export interface ArticleEvent {
  /** Anchor id on the article page, unique in the article: event-1, event-2 … (figure events use the metric's id). */
  id: string;
  kind: EventKind;
  /** "2023-04-25", "2020-03", "2023-07-06/2023-07-07", or the article's year "2018". */
  date: string;
  /** False when the date is the article's year, not printed with the event. */
  datePrinted: boolean;
  /** What happened, in the article's words. */
  label: string;
  /** The sentence, exactly as in the body (the anchor target). */
  quote: string;
}

export interface EventSource {
  /** The article's year: dates printed without a year belong to it. */
  year: number;
  /** Body paragraphs as a reader sees them (see body-text.ts). */
  paragraphs: readonly string[];
  metrics: readonly Metric[];
}

/** Longest label taken from a dated sentence before cutting at a clause boundary. */
const MAX_LABEL = 72;

const HONOUR = /荣获|获评|被评为|评定为|授予|获授|称号|入选|获批|一等奖|蝉联|榜上有名/u;
/** Words that make a figure's period, not an event: ranges and "as of". */
const PERIOD_WORDS = /截至|截止|至今|以来|前三季度/u;

const pad = (n: number): string => String(n).padStart(2, '0');

interface FoundDate {
  date: string;
  /** Where the date phrase starts and ends in the sentence. */
  start: number;
  end: number;
}

/**
 * The first event date printed in a sentence: YYYY年M月D日(至D日), M月D日, YYYY年M月, M月初/底/份.
 * Undefined for sentences whose month belongs to a range or an "as of" phrase.
 */
export function findEventDate(sentence: string, articleYear: number): FoundDate | undefined {
  const re = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日(?:至(\d{1,2})日)?|初|上旬|中旬|下旬|底|份)?/gu;
  for (const m of sentence.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = sentence.slice(Math.max(0, start - 3), start);
    const after = sentence.slice(end, end + 2);
    // 2017年3月至2020年9月, 1—9月, 1月至11月: a period. 截至11月底: an "as of".
    if (/[至—–\-~～到]$/u.test(before) || /^[至—–\-~～到]/u.test(after) || PERIOD_WORDS.test(before)) continue;
    if (/^\d/u.test(sentence.slice(end))) continue;
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    // A digit run before "月" that is part of a longer number (e.g. 12个月) is not a date.
    if (/\d$/u.test(sentence.slice(0, start)) && m[1] === undefined) continue;
    const year = m[1] ? Number(m[1]) : articleYear;
    const day = m[3] ? Number(m[3]) : undefined;
    const dayEnd = m[4] ? Number(m[4]) : undefined;
    let date = `${year}-${pad(month)}`;
    if (day !== undefined && day >= 1 && day <= 31) {
      date += `-${pad(day)}`;
      if (dayEnd !== undefined && dayEnd > day && dayEnd <= 31) date += `/${year}-${pad(month)}-${pad(dayEnd)}`;
    }
    return { date, start, end };
  }
  return undefined;
}

/** Clauses of a sentence: split after ，；、 is too fine, so only ， ； and : are clause breaks. */
function clauses(sentence: string): string[] {
  return sentence
    .replace(/[。！？；;]+[”’」』）)]*\s*$/u, '')
    .split(/[，,；;]/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Clauses joined back with full-width commas, at most `max` characters (the first always). */
function joinClauses(parts: readonly string[], max: number): string {
  let out = '';
  for (const part of parts) {
    const next = out ? `${out}，${part}` : part;
    if (out && next.length > max) break;
    out = next;
  }
  return out;
}

/** The label of a dated sentence: without a leading date, else the clauses up to the dated one. */
function datedLabel(sentence: string, found: FoundDate): string {
  const head = sentence
    .slice(0, found.start)
    .replace(/^(?:同时|另外|此外|其中)[，,]?/u, '')
    .trim();
  if (head === '' || /^[在于从自]$/u.test(head)) {
    const rest = sentence.slice(found.end).replace(/^[，,、\s]+/u, '');
    return joinClauses(clauses(rest), MAX_LABEL);
  }
  // The date sits inside: keep the sentence as printed up to the clause holding the date.
  const all = clauses(sentence.replace(/^(?:同时|另外|此外|其中)[，,]/u, ''));
  const upto: string[] = [];
  let length = 0;
  const datedAt = sentence
    .replace(/^(?:同时|另外|此外|其中)[，,]/u, '')
    .indexOf(sentence.slice(found.start, found.end));
  for (const c of all) {
    upto.push(c);
    length += c.length + 1;
    if (length > datedAt) break;
  }
  // Lead-in clauses of a long sentence ("…是国家项目，作为项目单位，…") are dropped first.
  while (upto.length > 1 && upto.join('，').length > MAX_LABEL) upto.shift();
  return upto.join('，');
}

/** Clauses of a sentence that report an honour, each with a follow-on list clause (…单位/奖/称号). */
export function honourClauses(sentence: string): string[] {
  const parts = clauses(sentence);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    let part = (parts[i] ?? '').replace(/^(?:其中|同时|另外|此外)/u, '');
    if (!HONOUR.test(part)) continue;
    const prev = parts[i - 1];
    // "2家企业，被…评定为…": a short subject clause before a clause that opens with the verb.
    if (
      prev !== undefined &&
      /^(?:被|获|荣获|入选)/u.test(part) &&
      prev.length <= 8 &&
      !HONOUR.test(prev) &&
      !/^是/u.test(prev)
    )
      part = `${prev}，${part}`;
    const next = parts[i + 1];
    // 荣获A，B和C: the list goes on in the next clause without a verb of its own.
    if (
      next !== undefined &&
      !HONOUR.test(next) &&
      /(?:单位|奖|称号|先进集体)$/u.test(next) &&
      /^荣获|^获/u.test(part)
    ) {
      out.push(`${part}，${next}`);
      i++;
    } else {
      out.push(part);
    }
  }
  return out;
}

const SINGLE_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/u;

/** The events of one article, in reading order (dated and honour events), then figure events. */
export function extractEvents(source: EventSource): ArticleEvent[] {
  const events: ArticleEvent[] = [];
  const quotesWithEvents = new Set<string>();
  let n = 0;
  for (const paragraph of source.paragraphs) {
    let previous: FoundDate | undefined;
    for (const raw of splitSentences(paragraph)) {
      const quote = raw.trim();
      if (quote === '') continue;
      let found = findEventDate(quote, source.year);
      if (!found && previous && /^(?:会上|会议上|当天|当日|同日)/u.test(quote))
        found = { date: previous.date, start: 0, end: 0 };
      if (found) {
        previous = found;
        const label = found.end === 0 ? quote.replace(/[。！？；;]+$/u, '') : datedLabel(quote, found);
        if (label.length >= 4) {
          events.push({ id: `event-${++n}`, kind: 'dated', date: found.date, datePrinted: true, label, quote });
          quotesWithEvents.add(quote);
          continue;
        }
      }
      for (const clause of honourClauses(quote)) {
        events.push({
          id: `event-${++n}`,
          kind: 'honour',
          date: String(source.year),
          datePrinted: false,
          label: clause,
          quote,
        });
        quotesWithEvents.add(quote);
      }
    }
  }
  const byQuote = new Map<string, Metric[]>();
  for (const m of source.metrics) {
    if (m.period === undefined || !SINGLE_DATE.test(m.period) || !/-/u.test(m.period) || quotesWithEvents.has(m.quote))
      continue;
    byQuote.set(m.quote, [...(byQuote.get(m.quote) ?? []), m]);
  }
  for (const [quote, metrics] of byQuote) {
    const first = metrics[0];
    if (!first) continue;
    const label = metrics.map((m) => `${m.label}${m.printed ?? ''}`).join('，');
    events.push({
      id: first.id,
      kind: 'figure',
      date: first.period ?? String(source.year),
      datePrinted: true,
      label,
      quote,
    });
  }
  return events;
}

/** Anchors the article page adds for its events (figure events already have their metric's). */
export function eventAnchors(events: readonly ArticleEvent[]): Array<{ id: string; quote: string }> {
  return events.filter((e) => e.kind !== 'figure').map((e) => ({ id: e.id, quote: e.quote }));
}

/** The events of an article entry: its frontmatter's year and metrics, its MDX body. */
export function articleEvents(data: { year: number; metrics: readonly Metric[] }, body: string): ArticleEvent[] {
  const paragraphs = bodyBlocks(body)
    .filter((b) => b.type === 'paragraph')
    .map((b) => b.text);
  return extractEvents({ year: data.year, paragraphs, metrics: data.metrics });
}

/** An event with the article it comes from. */
export interface PlacedEvent extends ArticleEvent {
  slug: string;
  region: string;
  city: string;
  title: string;
}

export interface EventFilter {
  /** First and last year shown (inclusive). */
  from?: number | undefined;
  to?: number | undefined;
  /** Only events from these regions (printed names: 巨野县, 聊城市). */
  regions?: readonly string[] | undefined;
  kinds?: readonly EventKind[] | undefined;
}

/** The year an event's date falls in (a range by its end). */
export function eventYear(event: Pick<ArticleEvent, 'date'>): number {
  const end = event.date.includes('/') ? event.date.slice(event.date.indexOf('/') + 1) : event.date;
  return Number(end.slice(0, 4));
}

export function filterEvents<T extends PlacedEvent>(events: readonly T[], filter: EventFilter = {}): T[] {
  return events.filter((e) => {
    const year = eventYear(e);
    return (
      (filter.from === undefined || year >= filter.from) &&
      (filter.to === undefined || year <= filter.to) &&
      (filter.regions === undefined || filter.regions.includes(e.region)) &&
      (filter.kinds === undefined || filter.kinds.includes(e.kind))
    );
  });
}

/** Link to an event's sentence on its article page. */
export function eventHref(event: Pick<PlacedEvent, 'slug' | 'id'>): string {
  return `/articles/${encodeURIComponent(event.slug)}/#${encodeURIComponent(event.id)}`;
}

/** Timeline input: the place first, then the article's words; every event links to its sentence. */
export function timelineItems(
  events: readonly PlacedEvent[],
): Array<{ id: string; label: string; date: string; href: string }> {
  return events.map((e) => ({
    id: `${e.slug}/${e.id}`,
    label: `${e.region} · ${e.label}`,
    date: e.date,
    href: eventHref(e),
  }));
}

/** A row of a timeline's download. */
export interface EventRow {
  date: string;
  datePrinted: boolean;
  kind: EventKind;
  region: string;
  article: string;
  event: string;
  sentence: string;
  url: string;
}

export function eventRows(events: readonly PlacedEvent[], site = ''): EventRow[] {
  return events.map((e) => ({
    date: e.date,
    datePrinted: e.datePrinted,
    kind: e.kind,
    region: e.region,
    article: e.title,
    event: e.label,
    sentence: e.quote,
    url: `${site}${eventHref(e)}`,
  }));
}
