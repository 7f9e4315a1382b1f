/**
 * Events on timelines: the events stored in each article's frontmatter (`events:`, written by ingest from the
 * text, src/ingest/events.ts, and corrected by editors), placed in the archive, filtered, linked to their
 * sentence and laid out as download rows. Nothing here reads the body: pages show only stored events.
 */
import type { ArticleEvent, EventKind } from '../schemas/event.ts';

export type { ArticleEvent, EventKind };

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
    label: `${e.region} · ${e.what}`,
    date: e.date,
    href: eventHref(e),
  }));
}

/** A row of a timeline's download. */
export interface EventRow {
  date: string;
  /** The date as printed; empty when the text prints none (the date is then the article's year). */
  printed: string;
  datePrinted: boolean;
  kind: EventKind;
  region: string;
  where: string;
  article: string;
  event: string;
  sentence: string;
  url: string;
}

export function eventRows(events: readonly PlacedEvent[], site = ''): EventRow[] {
  return events.map((e) => ({
    date: e.date,
    printed: e.printed ?? '',
    datePrinted: e.printed !== undefined,
    kind: e.kind,
    region: e.region,
    where: e.where ?? '',
    article: e.title,
    event: e.what,
    sentence: e.quote,
    url: `${site}${eventHref(e)}`,
  }));
}
