import { z } from 'zod';
import { correctionSchema } from './correction.ts';
import { eventSchema } from './event.ts';
import { metricSchema } from './metric.ts';

/** A person credited in the byline, with the role printed before the name. */
export const authorSchema = z.object({
  name: z.string().min(1),
  /** 记者, 通讯员, 整理, 作者 (when the byline gives no role) … */
  role: z.string().min(1),
  /** A credit printed for the whole byline, such as 文/片 or 文/图. */
  credit: z.string().optional(),
});

/**
 * The years an article may report on: from the founding of the People's Republic to next year (an article
 * written in December may report on the year ahead). Ingest, npm run new and the check all use this range.
 */
export const YEARS = { first: 1949, last: new Date().getFullYear() + 1 } as const;

/** The range as an editor reads it: 1949–2027. */
export const YEAR_RANGE_TEXT = `${YEARS.first}–${YEARS.last}`;

/** A seed's file name: any name ending in .txt, in any case (Windows saves .TXT). */
export const SEED_FILE_NAME = /^[^/\\]+\.txt$/iu;

/** Where an entry came from: the seed file as delivered. */
export const sourceSchema = z.object({
  /** File name under seeds/. */
  file: z.string().regex(SEED_FILE_NAME),
  /** SHA-256 of the file's bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Which article of the file this is, 1-based (a file can hold several). */
  part: z.number().int().positive().default(1),
  /** Seed line range the article came from. */
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
});

/** Frontmatter of content/articles/*.mdx. */
export const articleSchema = z.object({
  /** Headline as printed. */
  title: z.string().min(1),
  /** Second headline line or the "——" line printed under the headline. */
  subtitle: z.string().optional(),
  /** Short line printed above the headline (引题). */
  kicker: z.string().optional(),
  /** Editor's note or lead printed apart from the body (编者按), one string per paragraph. */
  standfirst: z.array(z.string()).default([]),
  /** County-level region (巨野县), or the city for a city-wide article; must be in content/taxonomy.yaml. */
  region: z.string().min(2),
  /** Prefecture-level city of the region (菏泽市). */
  city: z.string().min(2),
  /** The year the article reports on. */
  year: z.number().int().min(YEARS.first).max(YEARS.last),
  /** Newspaper or outlet when the text names it (齐鲁晚报·齐鲁壹点). */
  publication: z.string().optional(),
  authors: z.array(authorSchema).default([]),
  /** Byline and notes exactly as printed (记者 都慧芳, （照片均为资料片）). */
  credits: z.array(z.string()).default([]),
  source: sourceSchema.optional(),
  /** Section headings in reading order, as in the body. */
  sections: z.array(z.string()).default([]),
  /** Photo captions in reading order, as in the body. */
  captions: z.array(z.string()).default([]),
  corrections: z.array(correctionSchema).default([]),
  metrics: z.array(metricSchema).default([]),
  /** Events the article reports (dates, honours, milestones), written by ingest, corrected by editors. */
  events: z.array(eventSchema).default([]),
  /** Written by ingest: a hash of what it generated, so it can tell an editor's change. Editors leave it alone. */
  ingest: z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
});

export type Article = z.infer<typeof articleSchema>;
export type Author = z.infer<typeof authorSchema>;
export type Source = z.infer<typeof sourceSchema>;
