import { z } from 'zod';

/**
 * What kind of event: `dated` has its day or month printed (any occurrence); `honour` is an award, title or
 * approval printed without a date; `milestone` is a project or facility reaching a step (开工, 投入使用, 揭牌 …),
 * an agreement signed, people dispatched or a gathering held, printed without a date.
 */
export const EVENT_KINDS = ['dated', 'honour', 'milestone'] as const;

/** An ISO date at the precision printed: 2020, 2020-08, 2020-08-05; a span joins two with "/". */
export const EVENT_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/u;

/** One event an article reports, traceable to the sentence it came from (editing rules: CONTRIBUTING.md). */
export const eventSchema = z.object({
  /** Anchor on the article page, /articles/<slug>/#<id>: event-1, event-2 … unique in the article. */
  id: z
    .string()
    .regex(
      /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u,
      'use lowercase ASCII letters, digits and hyphens, starting with a letter (event-3)',
    ),
  /** When: "2023-04-25", "2020-08", "2023-07-06/2023-07-07", or the article's year "2018" when no date is printed. */
  date: z
    .string()
    .regex(EVENT_DATE, 'write the date as 2020, 2020-08 or 2020-08-05 (a span as 2023-07-06/2023-07-07), in quotes'),
  /**
   * The date exactly as printed in the quote ("8月初", "2023年4月25日"); absent when the quote prints none
   * (the date is then the article's year, or for 会上/当天 the date of the sentence before).
   */
  printed: z.string().min(1).optional(),
  /** What happened, in the article's words: a short phrase. */
  what: z.string().min(1),
  /** Where, when the text names the place: 北京, 济阳区, 福源健康养老中心. */
  where: z.string().min(1).optional(),
  kind: z.enum(EVENT_KINDS),
  /** The exact sentence (or photo caption) of the body the event comes from: the anchor's target. */
  quote: z.string().min(1),
});

export type ArticleEvent = z.infer<typeof eventSchema>;
export type EventKind = (typeof EVENT_KINDS)[number];
