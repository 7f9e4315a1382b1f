import { basename } from 'node:path';
import { listPlaces, type Taxonomy } from '../lib/taxonomy.ts';
import type { Article } from '../schemas/article.ts';
import { classifyLines } from './line-kinds.ts';
import { extractEvents, placeNames } from './events.ts';
import { IngestError } from './errors.ts';
import { normaliseLines } from './normalise.ts';
import { parseArticle, type ParsedArticle } from './parse.ts';
import { detectPlace, detectYear } from './place.ts';
import type { SeedText } from './read.ts';
import { assignRoles, usualSpacing } from './roles.ts';
import { splitArticles } from './split.ts';
import { seedExactBefore } from './seed-exact.ts';
import { renderEntry } from './to-mdx.ts';

/** An entry ingest generates: where it goes and what it says. */
export interface GeneratedEntry {
  /** File name under content/articles/ without .mdx. */
  slug: string;
  frontmatter: Omit<Article, 'ingest'>;
  mdx: string;
  parsed: ParsedArticle;
}

/** Hooks for the steps other modules own (metrics), so this module stays a plain composition. */
export interface PipelineOptions {
  taxonomy: Taxonomy;
  /** Slug already used for (file, part) by an entry on disk: slugs never change once given. */
  existingSlug?: (file: string, part: number) => string | undefined;
  /** Slugs taken by other entries, to avoid. */
  takenSlugs?: ReadonlySet<string>;
  extractMetrics?: (parsed: ParsedArticle, year: number, slug: string) => Article['metrics'];
}

/** Read → normalise → split → parse one seed into articles (no slugs or files yet). */
export function parseSeed(seed: SeedText): ParsedArticle[] {
  const units = assignRoles(classifyLines(normaliseLines(seed.text)));
  if (!units.some((u) => u.role === 'body')) {
    throw new IngestError({
      file: seed.file,
      line: units[0]?.line ?? 1,
      message: 'no article text found (no paragraph of running text)',
      fix: 'check that this is an article: paragraphs separated by blank lines, headline first',
    });
  }
  const spacing = usualSpacing(units);
  return splitArticles(units).map((articleUnits) => parseArticle(articleUnits, seed.file, spacing));
}

/** The whole pure pipeline for one seed: entries ready to write. */
export function ingestSeed(seed: SeedText, options: PipelineOptions): GeneratedEntry[] {
  const places = listPlaces(options.taxonomy);
  const eventPlaces = placeNames(options.taxonomy);
  const taken = new Set(options.takenSlugs ?? []);
  return parseSeed(seed).map((parsed, index) => {
    const part = index + 1;
    const place = detectPlace(parsed, places, seed.file);
    const year = detectYear(parsed, seed.file);
    let slug = options.existingSlug?.(basename(seed.file), part);
    if (!slug) {
      const base = `${place.pinyin}-${year}`;
      slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    }
    taken.add(slug);
    const frontmatter: Omit<Article, 'ingest'> = {
      title: parsed.title,
      ...(parsed.subtitle ? { subtitle: parsed.subtitle } : {}),
      standfirst: parsed.standfirst,
      region: place.name,
      city: place.city,
      year,
      ...(parsed.publication ? { publication: parsed.publication } : {}),
      authors: parsed.authors,
      credits: parsed.credits,
      source: { file: basename(seed.file), sha256: seed.sha256, part, lines: parsed.lines },
      sections: parsed.blocks.filter((b) => b.type === 'heading').map((b) => b.text),
      captions: parsed.blocks.filter((b) => b.type === 'caption').map((b) => b.text),
      metrics: options.extractMetrics?.(parsed, year, slug) ?? [],
      events: extractEvents({ year, blocks: parsed.blocks, places: eventPlaces }),
      corrections: parsed.corrections.map((c) => ({ ...c, before: seedExactBefore(c.before, seed.text, c.line) })),
    };
    return { slug, frontmatter, mdx: renderEntry(frontmatter, parsed.blocks), parsed };
  });
}
